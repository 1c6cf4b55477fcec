/** A source read in chunks: what was read is taken one item at a time, then it refills. */
export interface ChunkedSource<T> {
  /** The next item already read, or `undefined` if the source must refill first. May throw. */
  readonly take: () => T | undefined;
  /** Reads the next chunk; resolves `false` at the end. */
  readonly refill: () => Promise<boolean>;
}

const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * An async iterable over a chunked source, opened by the first `next()` (so a read's errors are
 * thrown while iterating, as from an async generator). An item already read costs one resolved
 * promise; an async generator costs several per `yield`, which is a fifth of a replay's time.
 * After an error or `return()` it is done. Overlapping `next()` calls are served in order.
 * @example for await (const e of chunkedIterable(() => source)) handle(e)
 */
export const chunkedIterable = <T extends object>(
  open: () => ChunkedSource<T>,
): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<T, undefined> => {
    let source: ChunkedSource<T> | undefined;
    let done = false;
    let refilling: Promise<void> | undefined; // settles, never rejects, when a refill ends
    const fail = (e: unknown): Promise<never> => {
      done = true;
      return Promise.reject(e);
    };
    const waitForItem = async (from: ChunkedSource<T>): Promise<IteratorResult<T, undefined>> => {
      for (;;) {
        const more = await from.refill();
        if (done) return finished; // returned while it read
        if (!more) {
          done = true;
          return finished;
        }
        const value = from.take();
        if (value !== undefined) return { done: false, value };
      }
    };
    const next = (): Promise<IteratorResult<T, undefined>> => {
      if (refilling !== undefined) return refilling.then(next);
      if (done) return Promise.resolve(finished);
      let value: T | undefined;
      try {
        source ??= open();
        value = source.take();
      } catch (e) {
        return fail(e);
      }
      if (value !== undefined) return Promise.resolve({ done: false, value });
      const pending = waitForItem(source).catch(fail);
      const settled = () => {
        refilling = undefined;
      };
      refilling = pending.then(settled, settled);
      return pending;
    };
    return {
      next,
      return: () => {
        done = true;
        return Promise.resolve(finished);
      },
    };
  },
});
