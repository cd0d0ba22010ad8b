// The request log writes a request's id into its JSON line as it is (request-log.ts):
// every id the server keeps must be one JSON writes without escapes.
import { expect, test } from 'vitest';
import { newRequestId, proxyRequestId } from '../../src/server/request-id.ts';

test('every character a trusted proxy id may hold is written by JSON as it is', () => {
  const allowed = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => proxyRequestId(c, true) === c);
  expect(allowed.length).toBeGreaterThan(60);
  expect(allowed.filter((c) => JSON.stringify(c) !== `"${c}"`)).toEqual([]);
  expect(proxyRequestId('a"b', true)).toBeUndefined();
  expect(proxyRequestId('a\\b', true)).toBeUndefined();
});

test('a new id is a UUID, which JSON writes as it is', () => {
  const id = newRequestId(undefined, false);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(id)).toBe(`"${id}"`);
});
