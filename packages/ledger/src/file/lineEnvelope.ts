import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isEventId } from '../eventStore/prepareAppend.ts';

/** A line's fields as read back, with revision decoded to bigint. */
export interface LineEnvelope {
  readonly batchIndex: number;
  readonly batchSize: number;
  readonly data: unknown;
  readonly eventId: string;
  readonly metadata: unknown;
  readonly prev: string;
  readonly recordedAt: string;
  readonly revision: bigint;
  readonly stream: string;
  readonly type: string;
}

const decimal = /^(0|[1-9]\d*)$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function isCount(n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
}

/**
 * Decodes the parsed content of a line (the hash already removed or ignored). Written by hand
 * rather than with io-ts because it runs for every line read: it is the hot path of a replay.
 */
export const decodeEnvelope = (u: unknown): Either<string, LineEnvelope> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return left('not a JSON object');
  const batchIndex = Reflect.get(u, 'batchIndex');
  const batchSize = Reflect.get(u, 'batchSize');
  const eventId = Reflect.get(u, 'eventId');
  const prev = Reflect.get(u, 'prev');
  const recordedAt = Reflect.get(u, 'recordedAt');
  const revision = Reflect.get(u, 'revision');
  const stream = Reflect.get(u, 'stream');
  const type = Reflect.get(u, 'type');
  const metadata = Reflect.get(u, 'metadata');
  const data = Reflect.get(u, 'data');
  if (!isCount(batchSize, 1)) return left('batchSize: not a count of at least 1');
  if (!isCount(batchIndex, 0) || batchIndex >= batchSize) return left('batchIndex: out of range');
  if (!isEventId(eventId)) return left('eventId: not a lowercase UUID');
  // Only its type here: the scan compares it with the previous line's hash, which is stricter.
  if (typeof prev !== 'string') return left('prev: not a string');
  if (typeof recordedAt !== 'string' || !isoInstant.test(recordedAt)) {
    return left('recordedAt: not an ISO instant');
  }
  if (typeof revision !== 'string' || !decimal.test(revision)) return left('revision: bad');
  if (typeof stream !== 'string' || stream === '') return left('stream: not a name');
  if (typeof type !== 'string' || type === '') return left('type: not a name');
  if (data === undefined) return left('data: missing');
  if (typeof metadata !== 'object' || metadata === null) return left('metadata: not an object');
  return right({
    batchIndex,
    batchSize,
    data,
    eventId,
    metadata,
    prev,
    recordedAt,
    revision: BigInt(revision),
    stream,
    type,
  });
};
