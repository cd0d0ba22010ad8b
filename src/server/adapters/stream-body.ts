// A response body from text produced piece by piece (an export of any length): each
// piece is made when the client is ready for it, so memory holds one piece, and
// a client that hangs up stops the source (which ends its read).

/**
 * The Node response a body goes out on (`node:http`'s ServerResponse), where the code
 * that makes the body can reach it: the API's routes through node-server's `outgoing`,
 * Astro's through `locals.nodeResponse` (src/server/main.ts).
 */
export interface BodyOutlet {
  /** True once the response is over: sent in full, or its connection gone. */
  readonly closed: boolean;
  /** True while more has been written than the connection has taken. */
  readonly writableNeedDrain: boolean;
  once(event: 'close' | 'drain', listener: () => void): unknown;
  off(event: 'close' | 'drain', listener: () => void): unknown;
}

/** One turn of the event loop: other requests are answered between two pieces. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once what was written has drained, or the response is over. */
function drained(outlet: BodyOutlet): Promise<void> {
  if (outlet.closed || !outlet.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      outlet.off('drain', done);
      outlet.off('close', done);
      resolve();
    };
    outlet.once('drain', done);
    outlet.once('close', done);
  });
}

/**
 * The first piece is made before this resolves: a source that fails at once (a store
 * that cannot be read) fails here, while an error answer can still be given, instead of
 * a 200 whose body breaks off. A failure later aborts the body, so the client sees a
 * broken download rather than a file that looks complete.
 *
 * Every later piece is made in an event-loop turn of its own (sources such as
 * node:sqlite are synchronous, and a chain of already-resolved promises would otherwise
 * hold the whole server until the export ends).
 *
 * With `outlet`, the response the body is written to:
 * - The source is stopped when the response is over, however it ended: a body nobody
 *   reads (a HEAD answered from a GET, a framework that drops a body without cancelling
 *   it, a client gone before the headers were written) cannot keep the source, and a
 *   database snapshot behind it, open.
 * - The next piece is made only once the previous ones have drained to the client, for
 *   writers that do not wait themselves (Astro's `writeResponse` writes whatever it is
 *   given): a slow client then costs one piece of memory, not the whole file.
 */
export async function streamBody(source: AsyncIterable<string>, outlet?: BodyOutlet): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  // A client already gone: nothing is read at all.
  if (outlet?.closed) return new ReadableStream({ start: (controller) => controller.close() });
  const pieces = source[Symbol.asyncIterator]();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    outlet?.off('close', onClose);
    await pieces.return?.();
  };
  // (An async generator runs a return() asked for while it works once that piece is made.)
  const onClose = () => void stop().catch(() => {});
  outlet?.once('close', onClose);
  let first: IteratorResult<string> | undefined;
  try {
    first = await pieces.next();
  } catch (error) {
    outlet?.off('close', onClose);
    throw error;
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next = first;
        first = undefined;
        if (!next) {
          await nextTurn();
          if (outlet) await drained(outlet);
          next = stopped ? { done: true, value: undefined } : await pieces.next();
        }
        if (next.done) {
          outlet?.off('close', onClose);
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      },
      cancel: stop,
    },
    // Nothing is made ahead of what the client asks for.
    { highWaterMark: 0 },
  );
}
