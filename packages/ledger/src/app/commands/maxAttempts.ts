// How often a command is tried against a stream another writer moved (createLedger's
// `maxAttempts`), read once and checked at open.

/** The default: ten tries, with back-off between them. */
export const defaultMaxAttempts = 10;

/** The most accepted: past it a conflict is a design fault to fix, not a retry to wait for. */
export const maxMaxAttempts = 1000;

/** A `maxAttempts` that cannot be used: the field and why. */
export class MaxAttemptsError extends TypeError {
  override readonly name = 'MaxAttemptsError';
  readonly field = 'maxAttempts';
  constructor(readonly reason: string) {
    super(`maxAttempts: ${reason}`);
  }
}

/**
 * The tries the option gives: the default when omitted; a whole number from 1 to
 * `maxMaxAttempts`, else MaxAttemptsError (0 or NaN would refuse every command as a conflict).
 * @example maxAttemptsOf(undefined) // 10
 */
export const maxAttemptsOf = (value: unknown): number => {
  if (value === undefined) return defaultMaxAttempts;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1
    || value > maxMaxAttempts) {
    const got = typeof value === 'number' ? String(value) : value === null ? 'null' : typeof value;
    throw new MaxAttemptsError(
      `not a whole number of tries from 1 to ${maxMaxAttempts} (got ${got})`);
  }
  return value;
};
