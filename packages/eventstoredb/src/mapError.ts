// Turns what the client throws into the port's typed errors: by the server's `exception`
// trailer first (it names the failure exactly), by the gRPC status code second. Some failures
// reach us as raw gRPC errors (client 6.2.1's BatchAppend with the server down: code 14).
import {
  AppendTooLargeError, EventStoreError, InvalidAppendError, StreamNotFoundError,
} from '@usha/ledger';
import { EventStoreDbError, StoreUnavailableError } from './errors.ts';

/** What the failing operation was about, to name in the error. */
export interface ErrorContext {
  readonly stream?: string;
  readonly sizeBytes?: number;
  /** A read: a deleted stream is then simply not found. */
  readonly reading?: boolean;
}

// gRPC status codes that mean "no answer, try again": CANCELLED (by the server, e.g. a cut
// stream), DEADLINE_EXCEEDED, ABORTED (server-side timeout), UNAVAILABLE.
const transientCodes = new Set([1, 4, 10, 14]);

const field = (e: unknown, key: string): unknown =>
  typeof e === 'object' && e !== null ? Reflect.get(e, key) : undefined;

const trailer = (e: unknown, key: string): string | undefined => {
  // Duck-typed: a second copy of @grpc/grpc-js would fail an instanceof Metadata check.
  const get = field(field(e, 'metadata'), 'get');
  if (typeof get !== 'function') return undefined;
  const values: unknown = Reflect.apply(get, field(e, 'metadata'), [key]);
  const value = Array.isArray(values) ? values[0] : undefined;
  return value === undefined ? undefined : String(value);
};

/** The `exception` trailer of an error, read from the raw gRPC error or the client's wrapper. */
export const exceptionOf = (e: unknown): string | undefined =>
  trailer(e, 'exception') ?? trailer(field(e, '_raw'), 'exception') ??
  (typeof field(e, 'type') === 'string' ? String(field(e, 'type')) : undefined);

/** The gRPC status code of an error, if it carries one. */
export const grpcCodeOf = (e: unknown): number | undefined => {
  const code = field(e, 'code') ?? field(field(e, '_raw'), 'code');
  return typeof code === 'number' ? code : undefined;
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Whether the error says the server gave no answer (the operation's outcome is unknown). */
export const isUnavailable = (e: unknown): boolean => {
  if (e instanceof StoreUnavailableError) return true;
  const exception = exceptionOf(e);
  if (exception === 'not-leader' || exception === 'unavailable' ||
    exception === 'deadline-exceeded' || exception === 'timeout') return true;
  if (exception === 'cancelled') return !messageOf(e).includes('Cancelled on client');
  if (exception !== undefined && exception !== 'unknown') return false;
  const code = grpcCodeOf(e);
  return code !== undefined && transientCodes.has(code) &&
    !(code === 1 && messageOf(e).includes('Cancelled on client'));
};

/** Maps a client error to a port error; wrong expected versions are handled by the caller. */
export const mapError = (e: unknown, ctx: ErrorContext = {}): Error => {
  if (e instanceof EventStoreError) return e;
  const stream = ctx.stream ?? String(field(e, 'streamName') ?? '');
  switch (exceptionOf(e)) {
    case 'stream-not-found':
      return new StreamNotFoundError(stream);
    case 'stream-deleted':
      return ctx.reading === true ? new StreamNotFoundError(stream)
        : new InvalidAppendError(stream, 'the stream is deleted in EventStoreDB');
    // KurrentDB's AppendRecords (protocol v2) names its refusals so.
    case 'stream-tombstoned':
      return ctx.reading === true ? new StreamNotFoundError(stream)
        : new InvalidAppendError(stream, 'the stream is deleted in EventStoreDB');
    case 'transaction-max-size-exceeded':
    case 'append-record-size-exceeded':
      return new AppendTooLargeError(stream, ctx.sizeBytes ?? Number(field(e, 'size') ?? 0),
        Number(field(e, 'maxSize') ?? 0));
    case 'maximum-append-size-exceeded': {
      const max = Number(field(e, 'maxAppendSize') ?? trailer(e, 'maximum-append-size') ?? 0);
      return new AppendTooLargeError(stream, ctx.sizeBytes ?? 0, max);
    }
    case 'not-leader':
      return new StoreUnavailableError('the node is not the leader; reconnecting', e);
    default:
      break;
  }
  if (isUnavailable(e)) return new StoreUnavailableError(messageOf(e), e);
  return new EventStoreDbError(exceptionOf(e) ?? `grpc-${grpcCodeOf(e) ?? 'none'}`,
    messageOf(e), e);
};
