import { left, right, type Either } from 'fp-ts/lib/Either.js';

/**
 * Where an event sits in the global order of a store. Treat it as opaque: compare it with
 * `comparePosition` and keep it with `positionToString`. Positions increase along the global
 * order but are not consecutive (the file store uses byte offsets; EventStoreDB uses its commit
 * and prepare positions, which is why both fields exist).
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Makes a position; a store with one number uses it for both fields. */
export const position = (commit: bigint, prepare: bigint = commit): Position => ({
  commit,
  prepare,
});

/** Orders positions: negative if a is before b, 0 if equal, positive if after. */
export const comparePosition = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

/**
 * Serialises a position to a string that `positionFromString` reads back.
 * @example positionToString(position(120n, 118n)) // 'C:120/P:118'
 */
export const positionToString = (p: Position): string => `C:${p.commit}/P:${p.prepare}`;

// Each part a 64-bit unsigned number (EventStoreDB's positions are; the file store's offsets
// are far below it): at most 20 digits, checked against 2^64 - 1 after.
const pattern = /^C:(0|[1-9]\d{0,19})\/P:(0|[1-9]\d{0,19})$/;
const maxPart = 2n ** 64n - 1n;

// What was given, shown in a refusal: a string cut to 40 characters, else its kind.
const shown = (u: unknown): string => {
  if (u === null || u === undefined) return String(u);
  if (typeof u === 'object') return 'an object';
  if (typeof u !== 'string') return `a ${typeof u}`;
  return JSON.stringify(u.length > 40 ? `${u.slice(0, 40)}...` : u);
};

/**
 * Reads a position written by `positionToString`: any value, never throws; a refusal names
 * what was given (cut short).
 */
export const positionFromString = (text: unknown): Either<string, Position> => {
  const m = typeof text === 'string' ? pattern.exec(text) : null;
  if (m === null || m[1] === undefined || m[2] === undefined) {
    return left(`not a position: ${shown(text)}`);
  }
  const commit = BigInt(m[1]);
  const prepare = BigInt(m[2]);
  if (commit > maxPart || prepare > maxPart) {
    return left(`not a position: ${shown(text)} (each part at most 2^64 - 1)`);
  }
  return right(position(commit, prepare));
};
