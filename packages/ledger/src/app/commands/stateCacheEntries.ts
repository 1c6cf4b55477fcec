// How many folded aggregate states a Ledger holds in memory (createLedger's
// `stateCacheEntries`): the bound of streamStates.ts, read once and checked at open.

/**
 * The default, sized for a day's business of a 20,000-member society (a few thousand streams
 * touched), at about a kilobyte a state of a short stream (docs/benchmarks.md).
 */
export const defaultStateCacheEntries = 4096;

/**
 * The most accepted: a million states is a gigabyte or more, beyond what one app should hold;
 * a larger figure is a mistake (a byte count, `Infinity`), refused rather than let grow.
 */
export const maxStateCacheEntries = 1_048_576;

/** A `stateCacheEntries` that cannot be used: the field and why. */
export class StateCacheEntriesError extends TypeError {
  override readonly name = 'StateCacheEntriesError';
  readonly field = 'stateCacheEntries';
  constructor(readonly reason: string) {
    super(`stateCacheEntries: ${reason}`);
  }
}

/**
 * The bound the option gives: the default when omitted; a whole number from 0 (hold none) to
 * `maxStateCacheEntries`, else StateCacheEntriesError.
 * @example stateCacheEntriesOf(undefined) // 4096
 */
export const stateCacheEntriesOf = (value: unknown): number => {
  if (value === undefined) return defaultStateCacheEntries;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0
    || value > maxStateCacheEntries) {
    throw new StateCacheEntriesError(
      `not a whole number of states from 0 to ${maxStateCacheEntries} (got ${describe(value)})`);
  }
  return value;
};

// What was given, for the message: a kind and, for a number, its value (never an object's
// contents, which could carry anything).
const describe = (value: unknown): string =>
  typeof value === 'number' ? String(value) : value === null ? 'null' : typeof value;
