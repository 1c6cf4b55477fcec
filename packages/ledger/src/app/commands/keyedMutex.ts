/** Runs tasks one at a time per key, in the order they arrive; different keys run freely. */
export interface KeyedMutex {
  /** The task holds the key until its promise settles. */
  readonly run: <A>(key: string, task: () => Promise<A>) => Promise<A>;
}

// A task that throws before its first await still fails as a promise, as it would if queued.
const start = <A>(task: () => Promise<A>): Promise<A> => {
  try {
    return task();
  } catch (e) {
    return Promise.reject(e);
  }
};

/**
 * A mutex per key (a stream): commands on one stream in one Ledger queue up instead of racing
 * to the store and retrying. It saves conflicts only: other writers of the same store are met
 * by the expected revision check, which keeps the stream right with or without the queue.
 */
export const keyedMutex = (): KeyedMutex => {
  const tails = new Map<string, Promise<void>>();
  // Forget a key once its queue is empty, so the map does not grow with every stream.
  const forget = (key: string, tail: Promise<void>): void => {
    if (tails.get(key) === tail) tails.delete(key);
  };
  const run = <A>(key: string, task: () => Promise<A>): Promise<A> => {
    const before = tails.get(key);
    // An idle key (the usual case) starts the task at once, without a turn of the queue.
    const result = before === undefined ? start(task) : before.then(task, task);
    const tail: Promise<void> = result.then(() => forget(key, tail), () => forget(key, tail));
    tails.set(key, tail);
    return result;
  };
  return { run };
};
