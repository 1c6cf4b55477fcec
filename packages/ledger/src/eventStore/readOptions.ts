import { InvalidReadError, StreamNotFoundError } from './errors.ts';
import { quotedValue } from './quotedValue.ts';
import type { Direction } from './port.ts';
import type { Position } from './position.ts';
import { quotedStreamName } from './storableStreamName.ts';

/** A stream read's options as taken once (see `takeReadStreamOptions`). */
export interface TakenReadStreamOptions {
  readonly fromRevision: bigint | 'start' | 'end' | undefined;
  readonly direction: Direction;
  /** A whole number, or Infinity: none given. */
  readonly maxCount: number;
  readonly notFoundAsEmpty: boolean;
}

/** A read of all events' options as taken once (see `takeReadAllOptions`). */
export interface TakenReadAllOptions {
  readonly from: Position | 'start' | 'end' | undefined;
  readonly direction: Direction;
  /** A whole number, or Infinity: none given. */
  readonly maxCount: number;
}

// Reads the named fields of `options` once each, or the refusal.
const fieldsOf = <K extends string>(
  what: string, options: unknown, keys: readonly K[],
): InvalidReadError | Partial<Record<K, unknown>> => {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') {
    return new InvalidReadError(`${what} options: ${quotedValue(options)}, not a record`);
  }
  const out: Partial<Record<K, unknown>> = {};
  try {
    for (const k of keys) out[k] = Reflect.get(options, k);
  } catch {
    return new InvalidReadError(`${what} options: a value that cannot be read`);
  }
  return out;
};

const directionOf = (v: unknown): Direction | InvalidReadError =>
  v === undefined || v === 'forwards' ? 'forwards' : v === 'backwards' ? 'backwards'
    : new InvalidReadError(`direction: ${quotedValue(v)}, not 'forwards' or 'backwards'`);

// At most `maxCount` events, rounded up (0 or less: none); none given: all. Not a number (a
// bigint, NaN): refused.
const maxCountOf = (v: unknown): number | InvalidReadError =>
  v === undefined ? Number.POSITIVE_INFINITY
    : typeof v === 'number' && !Number.isNaN(v) ? Math.ceil(v)
      : new InvalidReadError(`maxCount: ${quotedValue(v)}, not a number`);

// The direction and the count, both reads take them alike.
const wayOf = (f: { readonly direction?: unknown; readonly maxCount?: unknown }):
  InvalidReadError | { readonly direction: Direction; readonly maxCount: number } => {
  const direction = directionOf(f.direction);
  if (direction instanceof InvalidReadError) return direction;
  const maxCount = maxCountOf(f.maxCount);
  return maxCount instanceof InvalidReadError ? maxCount : { direction, maxCount };
};

/**
 * A stream read's options, each read once, or why they are refused: `fromRevision` must be
 * `'start'`, `'end'` or a bigint (a negative one reads nothing, as before), `direction` one of
 * the two, `maxCount` a number. Only the copy is used from then on: a getter answering
 * otherwise at a second read changes nothing.
 */
export const takeReadStreamOptions = (
  options: unknown,
): InvalidReadError | TakenReadStreamOptions => {
  const f = fieldsOf('read', options,
    ['fromRevision', 'direction', 'maxCount', 'notFoundAsEmpty'] as const);
  if (f instanceof InvalidReadError) return f;
  const way = wayOf(f);
  if (way instanceof InvalidReadError) return way;
  const { direction, maxCount } = way;
  const r = f.fromRevision;
  if (r !== undefined && r !== 'start' && r !== 'end' && typeof r !== 'bigint') {
    return new InvalidReadError(`fromRevision: ${quotedValue(r)}, not a bigint, 'start' or 'end'`);
  }
  return { fromRevision: r, direction, maxCount, notFoundAsEmpty: f.notFoundAsEmpty === true };
};

/**
 * What every store's `readStream` takes first: its options, read once (InvalidReadError thrown
 * if refused), and its name. Only a string names a stream; anything else a JavaScript caller
 * passes names none: undefined (nothing to read) with `notFoundAsEmpty`, else StreamNotFoundError.
 */
export const takeStreamRead = (
  stream: unknown, options: unknown,
): TakenReadStreamOptions | undefined => {
  const o = takeReadStreamOptions(options);
  if (o instanceof InvalidReadError) throw o;
  if (typeof stream === 'string') return o;
  if (o.notFoundAsEmpty) return undefined;
  throw new StreamNotFoundError(quotedStreamName(stream));
};

/**
 * A read of all events' options, each read once, or why they are refused: `from` must be
 * `'start'`, `'end'` or a position of two bigints of 0 or more (copied), `direction` one of the two,
 * `maxCount` a number.
 */
export const takeReadAllOptions = (options: unknown): InvalidReadError | TakenReadAllOptions => {
  const f = fieldsOf('read', options, ['from', 'direction', 'maxCount'] as const);
  if (f instanceof InvalidReadError) return f;
  const way = wayOf(f);
  if (way instanceof InvalidReadError) return way;
  const { direction, maxCount } = way;
  const from = f.from;
  if (from === undefined || from === 'start' || from === 'end') {
    return { from, direction, maxCount };
  }
  const position = positionOf(from);
  return position instanceof InvalidReadError ? position
    : { from: position, direction, maxCount };
};

/**
 * A position a caller gave, read once and copied, or the refusal: two bigints of 0 or more (a
 * number would compare unequal to every position read). For reads and subscriptions alike.
 */
export const positionOf = (from: unknown): InvalidReadError | Position => {
  if (typeof from !== 'object' || from === null) {
    return new InvalidReadError(`from: ${quotedValue(from)}, not a position`);
  }
  let commit: unknown;
  let prepare: unknown;
  try {
    commit = Reflect.get(from, 'commit');
    prepare = Reflect.get(from, 'prepare');
  } catch {
    return new InvalidReadError('from: a value that cannot be read');
  }
  if (typeof commit !== 'bigint' || typeof prepare !== 'bigint' || commit < 0n || prepare < 0n) {
    return new InvalidReadError('from: a position of other than two bigints of 0 or more');
  }
  return { commit, prepare };
};

/** An iterable whose first step is the refusal: a read's errors come when it is read. */
export const refusedRead = <T>(e: InvalidReadError): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(e) }),
});
