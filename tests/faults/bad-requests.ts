// The fuzz test's generator: bad HTTP requests, made from a seed so that a failure can be
// replayed. Every route and method of the OpenAPI document and the site's page paths,
// with bad JSON, wrong types, huge and negative numbers, bytes that are not UTF-8, odd
// headers and methods, absolute-form and other request targets, Expect, bad upgrades,
// CONNECT and Transfer-Encoding oddities. Written for raw sockets (tests/faults/raw-http.ts).

export interface BadRequest {
  /** What the request is, for the failure message (with its index, enough to replay it). */
  label: string;
  /** The bytes, in the pieces they are written. */
  parts: Buffer[];
  /** Whether the target names the API (answers must be JSON). */
  api: boolean;
  /** Whether the request is whole, so that the server must answer it (else it is cut short on purpose). */
  complete: boolean;
  /** HEAD: the answer has no body. */
  head: boolean;
}

export interface Route {
  path: string;
  methods: string[];
}

/** mulberry32: a small seeded generator, so that each run sends the same requests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'QUERY', 'PROPFIND', 'MKCOL', 'SEARCH', 'LOCK', 'PURGE', 'LINK', 'REPORT'];
const BAD_METHODS = ['FOO', 'get', 'G ET', 'TRACK', '', 'POST\x00', 'GETT'];

/** Values for a path parameter (`{id}`): wrong types, huge, negative, encoded, long. */
const PARAMS = ['1', '0', '-1', '12345678', '99999999999999999999999', '1e99', 'abc', '%ff', '%00', '..', 'null', '%E4%BD%A0', 'a'.repeat(300), '%2e%2e%2f', '0x10', ' ', '%20'];

/** JSON bodies: malformed, wrong types, huge and negative numbers, odd Unicode, deep nesting. */
const JSON_BODIES: (string | Buffer)[] = [
  '{oops',
  '',
  'null',
  '[]',
  '"text"',
  '{}',
  '{"robots":"1","monthlyConversations":"x"}',
  '{"robots":-1,"monthlyConversations":-5}',
  '{"robots":1e308,"monthlyConversations":1e400}',
  '{"robots":1.5,"monthlyConversations":99999999999999999999999}',
  '{"robots":1,"monthlyConversations":80000,"extra":true}',
  '{"page":123,"helpful":"yes"}',
  '{"page":"/faq/a/","helpful":true,"comment":"\\u0000"}',
  '{"page":"/faq/a/","helpful":true,"comment":"\\ud800"}',
  '{"query":"\\udc00\\ud800"}',
  '{"query":""}',
  '{"query":null}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
  '{"browser":{"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}}',
  '[' + '1,'.repeat(3000) + '1]',
  '{"checks":[{"id":"cookies","status":"pass","finding":"' + 'x'.repeat(2000) + '"}]}',
  '{"a":' + '9'.repeat(5000) + '}',
  '{"query":"' + '长'.repeat(12_000) + '"}',
  Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"query":"\xff\xfe"}
  Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xe4, 0xbd, 0x22, 0x7d]), // a cut UTF-8 sequence
  Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), // overlong, surrogate
  Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), // UTF-16
  'token=abc&action=sign-in',
  '--x\r\nContent-Disposition: form-data; name="token"\r\n\r\nabc\r\n--x--\r\n',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/problem+json',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/jsonx',
  '*/*',
  ';;;',
  undefined,
];

/** Header lines that are odd but well-formed, or nearly. */
const ODD_HEADERS = [
  'Origin: null',
  'Origin: https://evil.example',
  'Origin: http://\u00e9vil',
  'Referer: javascript:alert(1)',
  'Cookie: wenda_admin=' + 'x'.repeat(500),
  'Cookie: ;;;=;=',
  'Authorization: Bearer',
  'Authorization: Basic Zm9vOmJhcg==',
  'Accept: application/json;q=abc',
  'Accept-Encoding: gzip;q=2, br;q=-1, *',
  'Accept-Language: \u00ff\u00fe',
  'Range: bytes=abc',
  'Range: bytes=5-1',
  'Range: bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9',
  'Range: bytes=99999999999999999999-',
  'If-None-Match: *',
  'If-Modified-Since: yesterday',
  'If-Range: "x"',
  'X-Forwarded-For: 1.2.3.4, ::1, garbage',
  'X-Forwarded-Host: evil.example',
  'X-Forwarded-Proto: gopher',
  'Content-Encoding: gzip',
  'Content-Encoding: br, deflate',
  'Connection: keep-alive, Upgrade, x',
  'Upgrade: h2c',
  'Upgrade: websocket',
  'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA',
  'Max-Forwards: -1',
  'Via: 1.1 \u00ff',
  'TE: trailers, deflate;q=0.5',
  'Trailer: Content-Length',
  'Sec-Fetch-Site: cross-site',
  'X-Long: ' + 'y'.repeat(8000),
  'Content-Type: application/json\r\nContent-Type: text/plain',
  'Host: second.example',
  'X-Bad\u00e9: 1',
  ' Folded: value',
  'NoColon',
  'X-Null: a\u0000b',
];

const TRANSFER_ENCODINGS = ['gzip', 'gzip, chunked', 'chunked, gzip', 'identity', 'CHUNKED', ' chunked', 'chunked;q=1', 'xchunked', 'deflate, chunked', 'chunked\r\nTransfer-Encoding: chunked'];

const VERSIONS = ['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/0.9', 'HTTP/1.1x', 'HTTP/3', 'http/1.1', ''];

/**
 * `count` bad requests (at least one per route, page and method first, then random mixes)
 * for the server at `host`.
 */
export function badRequests(count: number, seed: number, routes: Route[], pages: string[], host: string): BadRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const fill = (path: string) => path.replace(/\{[^}]+\}/g, () => pick(PARAMS));
  const targets = [...routes.map((r) => ({ path: r.path, api: true })), ...pages.map((path) => ({ path, api: false }))];
  const out: BadRequest[] = [];

  const make = (opts: {
    method: string;
    target: string;
    api: boolean;
    version?: string;
    headers?: string[];
    body?: string | Buffer;
    framing?: 'length' | 'chunked' | 'none' | 'short-length' | 'long-length' | 'cut-chunked' | 'bad-chunk' | 'te-odd' | 'te-and-length' | 'two-lengths';
    label: string;
  }) => {
    const { method, target, api, version = 'HTTP/1.1', headers = [], body, framing = body === undefined ? 'none' : 'length', label } = opts;
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const lines = [version ? `${method} ${target} ${version}` : `${method} ${target}`];
    if (!headers.some((h) => /^host:/i.test(h)) && version !== 'HTTP/1.0') lines.push(`Host: ${host}`);
    lines.push(...headers);
    let complete = true;
    let tail: Buffer[] = [];
    switch (framing) {
      case 'none':
        break;
      case 'length':
        lines.push(`Content-Length: ${bytes.length}`);
        tail = [bytes];
        break;
      case 'short-length': // the rest is taken for the next request on the connection
        lines.push(`Content-Length: ${Math.floor(bytes.length / 2)}`);
        tail = [bytes];
        break;
      case 'long-length': // the client never sends the rest
        lines.push(`Content-Length: ${bytes.length + 100}`);
        tail = [bytes];
        complete = false;
        break;
      case 'two-lengths':
        lines.push(`Content-Length: ${bytes.length}`, `Content-Length: ${bytes.length + 1}`);
        tail = [bytes];
        break;
      case 'chunked':
        lines.push('Transfer-Encoding: chunked');
        tail = [Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')];
        if (!bytes.length) tail = [Buffer.from('0\r\n\r\n')];
        break;
      case 'cut-chunked':
        lines.push('Transfer-Encoding: chunked');
        tail = [Buffer.from(`${(bytes.length + 50).toString(16)}\r\n`), bytes];
        complete = false;
        break;
      case 'bad-chunk':
        lines.push('Transfer-Encoding: chunked');
        tail = [Buffer.from(pick(['zz\r\nxx\r\n0\r\n\r\n', '-1\r\n\r\n', 'ffffffffffffffffff\r\nx\r\n', `1;${'e'.repeat(20_000)}\r\nx\r\n0\r\n\r\n`, '1\r\nxy\r\n0\r\n\r\n', '0\r\nTrailer: x\r\n\r\n']))];
        break;
      case 'te-odd':
        lines.push(`Transfer-Encoding: ${pick(TRANSFER_ENCODINGS)}`);
        tail = [Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')];
        break;
      case 'te-and-length':
        lines.push('Transfer-Encoding: chunked', `Content-Length: ${bytes.length}`);
        tail = [Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')];
        break;
    }
    if (version !== 'HTTP/1.0' && !headers.some((h) => /^connection:/i.test(h))) lines.push('Connection: close');
    const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
    out.push({ label: `#${out.length} ${label}`, parts: [head, ...tail].filter((b) => b.length), api, complete, head: method === 'HEAD' });
  };

  // Every target with every method, plain.
  for (const { path, api } of targets) {
    for (const method of METHODS) {
      if (method === 'CONNECT') make({ method, target: fill(path), api: false, label: `CONNECT ${path}` });
      else make({ method, target: fill(path), api, label: `${method} ${path}` });
    }
  }
  // Every route's declared methods with each JSON body (bad JSON, wrong types, numbers, encodings).
  for (const route of routes) {
    for (const method of route.methods) {
      if (method === 'GET' || method === 'HEAD') continue;
      for (const body of JSON_BODIES) make({ method, target: fill(route.path), api: true, headers: ['Content-Type: application/json'], body, label: `${method} ${route.path} JSON body` });
    }
  }

  while (out.length < count) {
    const { path, api } = pick(targets);
    const method = chance(0.85) ? pick(METHODS.filter((m) => m !== 'CONNECT')) : pick(BAD_METHODS);
    const headers: string[] = [];
    const type = pick(CONTENT_TYPES);
    if (type) headers.push(`Content-Type: ${type}`);
    // The admin API with its real token now and then, so admin queries are parsed; never a
    // wrong token there (a sign-in throttle would slow the run, and that is not what it tests).
    while (chance(0.45)) {
      const odd = pick(ODD_HEADERS);
      if (!(path.includes('/admin') && odd.startsWith('Authorization'))) headers.push(odd);
    }
    if (path.startsWith('/api/v1/admin/') && chance(0.5)) headers.push('Authorization: Bearer fuzz-admin-token-0123456789');
    let target = fill(path);
    if (chance(0.3)) target += pick(['?limit=-1', '?limit=1e99&offset=abc', '?offset=99999999999999999999', '?x=%ff', '?limit=1&limit=2', '?page=0', '?feedback-page=-3&quotes-page=abc', '?report=%00', '?' + 'q='.repeat(2000), '#frag', '?%', '?a[b]=c']);
    let targetApi = api;
    let kind = 'mix';
    const form = random();
    if (form < 0.06) {
      target = `http://${host}${target}`;
      kind = 'absolute';
    } else if (form < 0.09) {
      target = `https://evil.example${target}`;
      kind = 'absolute other host';
    } else if (form < 0.11) {
      target = `${pick(['ftp://x', 'file://', 'http://a:b:c', 'http://[::1', 'javascript:'])}${target}`;
      targetApi = false;
      kind = 'odd scheme';
    } else if (form < 0.13) {
      target = pick(['*', 'example.com:443', '//api/v1/health', '/api/v1/../v1/health', '/api\\v1\\health', '/%2e%2e/%2e%2e/etc/passwd', '/\u00e4', '/a'.repeat(4500), '/api/v1/health%00']);
      targetApi = target.startsWith('/api/');
      kind = 'odd target';
    }
    const bodyKind = random();
    const body = bodyKind < 0.35 ? undefined : bodyKind < 0.9 ? pick(JSON_BODIES) : 'x'.repeat(pick([33 * 1024, 70 * 1024, 9 * 1024]));
    const framing =
      body === undefined
        ? 'none'
        : pick(['length', 'length', 'length', 'length', 'chunked', 'chunked', 'short-length', 'long-length', 'two-lengths', 'cut-chunked', 'bad-chunk', 'te-odd', 'te-odd', 'te-and-length'] as const);
    const version = chance(0.08) ? pick(VERSIONS) : 'HTTP/1.1';
    if (chance(0.05)) headers.push(pick(['Expect: 100-continue', 'Expect: 200-ok', 'Expect: 100-continue, x', 'Expect:']));
    if (chance(0.04)) {
      headers.push('Connection: Upgrade', 'Upgrade: websocket', ...pick([[], ['Sec-WebSocket-Version: 13'], ['Sec-WebSocket-Version: 99', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: short'], ['Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol: a b,,']]));
      kind += ' upgrade';
    }
    if (chance(0.01)) {
      make({ method: 'CONNECT', target: pick(['example.com:443', host, '/api/v1/health', '[::1]:80']), api: false, label: 'CONNECT' });
      continue;
    }
    if (chance(0.01)) {
      make({ method: 'PRI', target: '*', version: 'HTTP/2.0', api: false, label: 'HTTP/2 preface', headers: ['Host: x'] });
      continue;
    }
    make({ method, target, api: targetApi, version, headers, ...(body === undefined ? {} : { body }), framing, label: `${kind} ${method || '(none)'} ${target.slice(0, 60)} ${version} ${framing}` });
  }
  return out;
}
