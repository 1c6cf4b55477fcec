/** Runs tasks one at a time per key, in the order they arrive; different keys run freely. */
export interface KeyedMutex {
  /** A task may finish at once (a value) or later (a promise); either way it holds the key. */
  readonly run: <A>(key: string, task: () => A | Promise<A>) => Promise<A>;
}

/**
 * A mutex per key (a stream): commands on one stream in one Ledger queue up instead of racing
 * to the store and retrying. Other writers of the same store are still met by the expected
 * revision check.
 */
export const keyedMutex = (): KeyedMutex => {
  const tails = new Map<string, Promise<void>>();
  // A task that throws before its first await still fails as a promise, as it would if queued.
  const start = <A>(task: () => A | Promise<A>): A | Promise<A> => {
    try {
      return task();
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const run = <A>(key: string, task: () => A | Promise<A>): Promise<A> => {
    const before = tails.get(key);
    if (before === undefined) {
      // An idle key (the usual case) starts the task at once, without a turn of the queue;
      // a task done at once leaves nothing to wait for, so the key is not even recorded.
      const now = start(task);
      if (!(now instanceof Promise)) return Promise.resolve(now);
      return hold(key, now);
    }
    return hold(key, before.then(task, task));
  };
  // Forget a key once its queue is empty, so the map does not grow with every stream.
  const forget = (key: string, tail: Promise<void>): void => {
    if (tails.get(key) === tail) tails.delete(key);
  };
  const hold = <A>(key: string, result: Promise<A>): Promise<A> => {
    const tail: Promise<void> = result.then(() => forget(key, tail), () => forget(key, tail));
    tails.set(key, tail);
    return result;
  };
  return { run };
};
