/** Runs tasks one at a time per key, in the order they arrive; different keys run freely. */
export interface KeyedMutex {
  readonly run: <A>(key: string, task: () => Promise<A>) => Promise<A>;
}

/**
 * A mutex per key (a stream): commands on one stream in one Ledger queue up instead of racing
 * to the store and retrying. Other writers of the same store are still met by the expected
 * revision check.
 */
export const keyedMutex = (): KeyedMutex => {
  const tails = new Map<string, Promise<unknown>>();
  const run = <A>(key: string, task: () => Promise<A>): Promise<A> => {
    const before = tails.get(key) ?? Promise.resolve();
    const result = before.then(task, task);
    const tail = result.then(() => undefined, () => undefined);
    tails.set(key, tail);
    // Forget a key once its queue is empty, so the map does not grow with every stream.
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return result;
  };
  return { run };
};
