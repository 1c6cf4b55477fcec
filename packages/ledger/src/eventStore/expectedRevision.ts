import { WrongExpectedVersionError } from './errors.ts';
import type { ExpectedRevision } from './port.ts';

/** Checks an expected revision against a stream's current one (undefined: no stream). */
export const checkExpectedRevision = (
  stream: string,
  expected: ExpectedRevision,
  current: bigint | undefined,
): WrongExpectedVersionError | undefined => {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  return ok ? undefined : new WrongExpectedVersionError(stream, expected, current ?? 'no_stream');
};
