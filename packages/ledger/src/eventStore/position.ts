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

const pattern = /^C:(0|[1-9]\d*)\/P:(0|[1-9]\d*)$/;

/** Reads a position written by `positionToString`. */
export const positionFromString = (text: string): Either<string, Position> => {
  const m = pattern.exec(text);
  if (m === null || m[1] === undefined || m[2] === undefined) {
    return left(`not a position: ${JSON.stringify(text)}`);
  }
  return right(position(BigInt(m[1]), BigInt(m[2])));
};
