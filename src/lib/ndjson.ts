// Reading NDJSON (one JSON value a line) from a byte stream as it arrives: a line is
// parsed once complete, however the bytes were cut (inside a character included).

export async function* readNdjson<T>(body: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let rest = '';
  const complete = function* (text: string, final: boolean) {
    const lines = (rest + text).split('\n');
    rest = final ? '' : lines.pop()!;
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
  };
  for await (const bytes of body) yield* complete(decoder.decode(bytes, { stream: true }), false);
  yield* complete(decoder.decode(), true);
}
