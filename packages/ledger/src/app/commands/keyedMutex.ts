/** Runs tasks one at a time per key, in the order they arrive; different keys run freely. */
export interface KeyedMutex {
  readonly run: <A>(key: string, task: () => Promise<A>) => Promise<A>;
}

// A task that throws before its first await still fails as a promise, as it would if queued.
const started = <A>(task: () => Promise<A>): Promise<A> => {
  try {
    return task();
  } catch (e) {
    return Promise.reject(e);
  }
};

/**
 * A mutex per key (a stream): commands on one stream in one Ledger queue up instead of racing
 * to the store and retrying. Other writers of the same store are still met by the expected
 * revision check.
 */
export const keyedMutex = (): KeyedMutex => {
  const tails = new Map<string, Promise<void>>();
  const run = <A>(key: string, task: () => Promise<A>): Promise<A> => {
    const before = tails.get(key);
    // An idle key (the usual case) starts the task at once, without a turn of the queue.
    const result = before === undefined ? started(task) : before.then(task, task);
    // Forget a key once its queue is empty, so the map does not grow with every stream.
    const settled = (): void => { if (tails.get(key) === tail) tails.delete(key); };
    const tail: Promise<void> = result.then(settled, settled);
    tails.set(key, tail);
    return result;
  };
  return { run };
};
