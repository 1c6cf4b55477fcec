import { ConditionFailedError, InvalidAppendError } from './errors.ts';
import type { AppendCondition, ExpectedRevision } from './port.ts';
import { quotedValue } from './quotedValue.ts';
import { isStorableStreamName, quotedStreamName } from './storableStreamName.ts';

// More conditions than any append needs, refused before any is read (a proxy may claim any
// length). The Ledger's carry a few, and a dividend's declaration one for each share account
// of the society, so the bound is far above any society's streams.
const maxConditions = 1_000_000;

/**
 * An append's conditions, read once into records of their own, or why they are refused before
 * anything is read or written: a bad stream name, a revision that is neither `'no_stream'` nor
 * a bigint of 0 or more, more than 1,000,000 of them, or a value that cannot be read. A
 * JavaScript caller may pass anything (a proxy, getters, an array it changes after the call),
 * so each field is read once and checked by type, and only the copy is used from then on.
 */
export const takeConditions = (
  stream: string,
  conditions: unknown,
): InvalidAppendError | readonly AppendCondition[] | undefined => {
  if (conditions === undefined) return undefined;
  const target = quotedStreamName(stream);
  try {
    if (!Array.isArray(conditions)) return new InvalidAppendError(target, 'conditions: not a list');
    const n: unknown = conditions.length;
    // A proxy of a list answers any length: one that is no count is refused, never read as 0.
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      return new InvalidAppendError(target, `conditions: a length of ${quotedValue(n)}`);
    }
    if (n > maxConditions) {
      return new InvalidAppendError(target,
        `conditions: more than ${maxConditions.toLocaleString('en-US')}`);
    }
    const taken: AppendCondition[] = [];
    for (let i = 0; i < n; i++) {
      const c: unknown = conditions[i];
      if (typeof c !== 'object' || c === null) {
        return new InvalidAppendError(target, `condition ${i}: ${quotedValue(c)}, not a record`);
      }
      const name: unknown = Reflect.get(c, 'stream');
      if (!isStorableStreamName(name)) {
        return new InvalidAppendError(target,
          `condition on a bad stream name ${quotedStreamName(name)}`);
      }
      const revision: unknown = Reflect.get(c, 'revision');
      if (revision !== 'no_stream' && (typeof revision !== 'bigint' || revision < 0n)) {
        return new InvalidAppendError(target,
          `condition on ${name}: bad revision ${quotedValue(revision)}`);
      }
      taken.push({ stream: name, revision });
    }
    return taken;
  } catch {
    return new InvalidAppendError(target, 'conditions: a value that cannot be read');
  }
};

/** An append's options as taken once (see `takeAppendOptions`). */
export interface TakenAppendOptions {
  /** One of the port's forms, as given; `'any'` if none was. */
  readonly expectedRevision: ExpectedRevision;
  readonly conditions: readonly AppendCondition[] | undefined;
}

/**
 * Refuses an append whose stream is not a storable name, before it is looked up anywhere, and
 * reads its options once (`expectedRevision`, then `conditions`, taken by `takeConditions`):
 * a getter that throws, or options that are not a record, are refused too. What a store uses
 * from then on is this, never the caller's objects again.
 */
export const takeAppendOptions = (
  stream: unknown, options: unknown,
): InvalidAppendError | TakenAppendOptions => {
  if (!isStorableStreamName(stream)) {
    return new InvalidAppendError(quotedStreamName(stream), 'bad stream name');
  }
  if (options === undefined || options === null) {
    return { expectedRevision: 'any', conditions: undefined };
  }
  if (typeof options !== 'object') {
    return new InvalidAppendError(stream, `options: ${quotedValue(options)}, not a record`);
  }
  let expected: unknown;
  let conditions: unknown;
  try {
    expected = Reflect.get(options, 'expectedRevision');
    conditions = Reflect.get(options, 'conditions');
  } catch {
    return new InvalidAppendError(stream, 'options: a value that cannot be read');
  }
  const expectedRevision = expectedRevisionOf(expected);
  if (expectedRevision === undefined) {
    return new InvalidAppendError(stream, `expectedRevision: ${quotedValue(expected)}`);
  }
  const taken = takeConditions(stream, conditions);
  if (taken instanceof InvalidAppendError) return taken;
  return { expectedRevision, conditions: taken };
};

// One of the port's forms (none given: 'any'), or undefined for anything else.
const expectedRevisionOf = (v: unknown): ExpectedRevision | undefined => {
  if (v === undefined) return 'any';
  if (v === 'any' || v === 'no_stream' || v === 'stream_exists') return v;
  return typeof v === 'bigint' && v >= 0n ? v : undefined;
};

/**
 * The first condition whose stream is not at the revision given, as the error to throw;
 * `current` tells a stream's last revision now (undefined: no events).
 */
export const checkConditions = (
  stream: string,
  conditions: readonly AppendCondition[] | undefined,
  current: (stream: string) => bigint | undefined,
): ConditionFailedError | undefined => {
  if (conditions === undefined) return undefined;
  for (const c of conditions) {
    const actual = current(c.stream) ?? 'no_stream';
    if (actual !== c.revision) {
      return new ConditionFailedError(stream, c.stream, c.revision, actual);
    }
  }
  return undefined;
};
