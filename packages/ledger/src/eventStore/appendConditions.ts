import { ConditionFailedError, InvalidAppendError } from './errors.ts';
import type { AppendCondition } from './port.ts';
import { isStorableStreamName } from './storableStreamName.ts';

/**
 * Refuses malformed conditions before anything is read or written: a bad stream name, or a
 * revision that is neither `'no_stream'` nor a bigint of 0 or more. A JavaScript caller may
 * pass anything, so each field is checked by type.
 */
export const checkConditionShape = (
  stream: string,
  conditions: readonly AppendCondition[] | undefined,
): InvalidAppendError | undefined => {
  if (conditions === undefined) return undefined;
  if (!Array.isArray(conditions)) return new InvalidAppendError(stream, 'conditions: not a list');
  for (const c of conditions) {
    const name: unknown = c?.stream;
    if (typeof name !== 'string' || !isStorableStreamName(name)) {
      return new InvalidAppendError(stream, `condition on a bad stream name ${String(name)}`);
    }
    const r: unknown = c.revision;
    if (r !== 'no_stream' && (typeof r !== 'bigint' || r < 0n)) {
      return new InvalidAppendError(stream, `condition on ${name}: bad revision ${String(r)}`);
    }
  }
  return undefined;
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
