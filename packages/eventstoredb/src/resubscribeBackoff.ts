// Bounded exponential back-off between resubscription attempts.

/** How a dropped subscription is retried. */
export interface BackoffPolicy {
  /** Delay before the first attempt after a drop. */
  readonly initialDelayMs: number;
  /** No delay is longer than this. */
  readonly maxDelayMs: number;
  /** Attempts in a row that fail before the subscription gives up with the error. */
  readonly maxAttempts: number;
}

/** The defaults: 50 ms doubling to 5 s, giving up after 20 failures in a row (about 70 s). */
export const defaultBackoff: BackoffPolicy = {
  initialDelayMs: 50,
  maxDelayMs: 5_000,
  maxAttempts: 20,
};

/** The delay before attempt `attempt` (1 for the first retry). */
export const backoffDelayMs = (policy: BackoffPolicy, attempt: number): number =>
  Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));

/** Waits `ms`, or less if `signal` aborts. */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
