/** How long to wait before attempt `attempt` (2, 3, ...) after a concurrent write won. */
export type Backoff = (attempt: number) => Promise<void>;

/**
 * Exponential back-off with full jitter: up to 2, 4, 8 ... ms, at most `maxMs`. Jitter spreads
 * writers that lost the same race so they do not collide again in step.
 */
export const exponentialBackoff = (options: { baseMs?: number; maxMs?: number } = {}): Backoff => {
  const base = options.baseMs ?? 1;
  const max = options.maxMs ?? 100;
  return (attempt) => {
    const ceiling = Math.min(max, base * 2 ** (attempt - 1));
    const ms = Math.random() * ceiling;
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
};

/** No wait at all: for tests that schedule every step themselves (fc.scheduler). */
export const noBackoff: Backoff = () => Promise.resolve();
