import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isEventId } from '../eventStore/prepareAppend.ts';
import { isStorableStreamName } from '../eventStore/storableStreamName.ts';
import { storedInstantMs } from '../eventStore/storedInstant.ts';

/** A line's content as `JSON.parse` returns it, checked field by field; revision still text. */
export interface RawLine {
  readonly batchIndex: number;
  readonly batchSize: number;
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: object;
  readonly prev: string;
  readonly recordedAt: string;
  /** A decimal string, as written. */
  readonly revision: string;
  readonly stream: string;
  readonly type: string;
}

/** A line's fields as read back, with revision decoded to bigint. */
export interface LineEnvelope extends Omit<RawLine, 'revision'> {
  readonly revision: bigint;
}

/** Where `isRawLine` says why it refused a line. */
export interface LineProblem {
  reason: string;
}

function isCount(n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
}
function isRecord(u: unknown): u is { readonly [key: string]: unknown } {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}
/** `0` or digits without a leading zero (what `/^(0|[1-9]\d*)$/` accepts, without a regex). */
const isDecimal = (s: string): boolean => {
  if (s.length === 0 || (s.length > 1 && s.charCodeAt(0) === 0x30)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
};
// The lines of one append share one recorded time: checked once, not once per line.
let lastInstant = '';
const isInstant = (s: string): boolean => {
  if (s === lastInstant) return true;
  if (storedInstantMs(s) === undefined) return false;
  lastInstant = s;
  return true;
};

// A store writes only names it accepts (printable, no leading `$`, at most 200 characters):
// a line with another (an escape sequence for a terminal, a newline) was not written by one.
// Lines of one stream often follow each other: the last name passed is not tested again.
let lastStream = '';
const isStorableOnce = (s: string): boolean => {
  if (s === lastStream) return true;
  if (!isStorableStreamName(s)) return false;
  lastStream = s;
  return true;
};

const refuse = (problem: LineProblem, reason: string): false => {
  problem.reason = reason;
  return false;
};

// The fields both checks ask for alike: revision, stream, type, data and metadata.
const hasEventFields = (u: { readonly [key: string]: unknown }, problem: LineProblem): boolean => {
  const revision = u['revision'];
  if (typeof revision !== 'string' || !isDecimal(revision)) {
    return refuse(problem, 'revision: bad');
  }
  const stream = u['stream'];
  if (typeof stream !== 'string' || stream === '') return refuse(problem, 'stream: not a name');
  const type = u['type'];
  if (typeof type !== 'string' || type === '') return refuse(problem, 'type: not a name');
  if (u['data'] === undefined) return refuse(problem, 'data: missing');
  const metadata = u['metadata'];
  if (typeof metadata !== 'object' || metadata === null) {
    return refuse(problem, 'metadata: not an object');
  }
  return true;
};

/**
 * Checks the parsed content of a line (the hash already removed or ignored), every field, in
 * place, without copying it: it runs for every line when a log is opened or verified. On
 * `false`, `problem` says which field is wrong. Written by hand rather than with io-ts for the
 * same reason.
 */
export const isRawLine = (u: unknown, problem: LineProblem): u is RawLine => {
  if (!isRecord(u)) return refuse(problem, 'not a JSON object');
  const batchSize = u['batchSize'];
  const batchIndex = u['batchIndex'];
  if (!isCount(batchSize, 1)) return refuse(problem, 'batchSize: not a count of at least 1');
  if (!isCount(batchIndex, 0) || batchIndex >= batchSize) {
    return refuse(problem, 'batchIndex: out of range');
  }
  if (!isEventId(u['eventId'])) return refuse(problem, 'eventId: not a lowercase UUID');
  // Only its type here: the scan compares it with the previous line's hash, which is stricter.
  if (typeof u['prev'] !== 'string') return refuse(problem, 'prev: not a string');
  const recordedAt = u['recordedAt'];
  if (typeof recordedAt !== 'string' || !isInstant(recordedAt)) {
    return refuse(problem, 'recordedAt: not an ISO instant');
  }
  if (!hasEventFields(u, problem)) return false;
  const stream = u['stream'];
  return typeof stream === 'string' && isStorableOnce(stream) ? true
    : refuse(problem, 'stream: not a name a store writes');
};

/** What a read uses of a line: all but the chain and batch fields. */
export type ReadLine = Pick<
  RawLine, 'data' | 'eventId' | 'metadata' | 'recordedAt' | 'revision' | 'stream' | 'type'
>;

/**
 * Checks the types of the fields a read uses, in place. Every line a store reads was checked
 * whole by `isRawLine` when the store opened the log (or was written by the store itself), as
 * its hash was; a read checks again only what could make an event of the wrong shape, should
 * the file change under it: each field's type, and a revision that is a decimal string.
 */
export const isReadLine = (u: unknown, problem: LineProblem): u is ReadLine => {
  if (!isRecord(u)) return refuse(problem, 'not a JSON object');
  if (typeof u['eventId'] !== 'string') return refuse(problem, 'eventId: not a string');
  if (typeof u['recordedAt'] !== 'string') return refuse(problem, 'recordedAt: not a string');
  return hasEventFields(u, problem);
};

/** Decodes the parsed content of a line to its fields, revision as a bigint. */
export const decodeEnvelope = (u: unknown): Either<string, LineEnvelope> => {
  const problem = { reason: '' };
  if (!isRawLine(u, problem)) return left(problem.reason);
  return right({
    batchIndex: u.batchIndex,
    batchSize: u.batchSize,
    data: u.data,
    eventId: u.eventId,
    metadata: u.metadata,
    prev: u.prev,
    recordedAt: u.recordedAt,
    revision: BigInt(u.revision),
    stream: u.stream,
    type: u.type,
  });
};
