// A response body from text produced piece by piece (an export of any length): each
// piece is made when the client is ready for it, so memory holds one piece, and
// a client that hangs up stops the source (which ends its read).

/**
 * The first piece is made before this resolves: a source that fails at once (a store
 * that cannot be read) fails here, while an error answer can still be given, instead of
 * a 200 whose body breaks off. A failure later aborts the body, so the client sees a
 * broken download rather than a file that looks complete.
 */
export async function streamBody(source: AsyncIterable<string>): Promise<ReadableStream<Uint8Array>> {
  const pieces = source[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let first: IteratorResult<string> | undefined = await pieces.next();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = first ?? (await pieces.next());
        first = undefined;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return?.();
      },
    },
    // Nothing is made ahead of what the client asks for.
    { highWaterMark: 0 },
  );
}
