/** Runs a task holding several streams at once; tasks sharing any stream run one at a time. */
export interface StreamLocks {
  /** The task holds every stream in `streams` until its promise settles. */
  readonly holding: <A>(streams: readonly string[], task: () => Promise<A>) => Promise<A>;
}

/**
 * Locks over stream names for one writer (one store object). A store that can only check an
 * append's conditions before the append (EventStoreDB) holds the appended stream and its
 * condition streams together, so no append of the same writer lands between the check and the
 * append. A task waits only for tasks that asked for one of its streams before it did, so two
 * tasks never wait on each other.
 */
export const streamLocks = (): StreamLocks => {
  const tails = new Map<string, Promise<void>>();
  const holding = async <A>(streams: readonly string[], task: () => Promise<A>): Promise<A> => {
    const keys = [...new Set(streams)];
    const before = keys.flatMap((k) => {
      const t = tails.get(k);
      return t === undefined ? [] : [t];
    });
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    for (const k of keys) tails.set(k, mine);
    try {
      await Promise.all(before);
      return await task();
    } finally {
      release();
      // Forget a stream once nothing queues behind this task, so the map does not grow.
      for (const k of keys) if (tails.get(k) === mine) tails.delete(k);
    }
  };
  return { holding };
};
