/** Tells waiting subscribers that something was appended, or that the store closed. */
export interface ChangeSignal {
  /** Increases with every notify. */
  readonly version: () => number;
  readonly notify: () => void;
  /** Resolves once the version differs from `since`, the signal closes, or `abort` fires. */
  readonly wait: (since: number, abort?: AbortSignal) => Promise<void>;
  readonly close: () => void;
  readonly isClosed: () => boolean;
}

/** Makes a change signal. */
export const changeSignal = (): ChangeSignal => {
  let version = 0;
  let closed = false;
  let waiters: Array<() => void> = [];
  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  return {
    version: () => version,
    notify: () => {
      version++;
      wake();
    },
    wait: (since, abort) =>
      new Promise<void>((resolve) => {
        if (version !== since || closed || abort?.aborted === true) return resolve();
        const done = () => {
          abort?.removeEventListener('abort', done);
          resolve();
        };
        abort?.addEventListener('abort', done, { once: true });
        waiters.push(done);
      }),
    close: () => {
      closed = true;
      wake();
    },
    isClosed: () => closed,
  };
};
