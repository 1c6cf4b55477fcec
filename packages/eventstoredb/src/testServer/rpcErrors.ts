// The error statuses EventStoreDB sends, with the `exception` trailer the clients read first.
import { Metadata, status } from '@grpc/grpc-js';
import type { ServerErrorResponse } from '@grpc/grpc-js';
import { expectedVersionNumber } from './expectedRevision.ts';
import type { ExpectedRevision } from './expectedRevision.ts';

const rpcError = (code: status, details: string, trailers: Record<string, string>):
  ServerErrorResponse => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
};

/** Wrong expected version of a delete or tombstone (appends answer it in the message). */
export const wrongExpectedVersion = (operation: string, streamName: string,
  expected: ExpectedRevision, current: bigint | undefined) => {
  const expectedVersion = expectedVersionNumber(expected).toString();
  const actualVersion = current?.toString() ?? '';
  return rpcError(status.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${streamName}, ` +
    `Expected version: ${expectedVersion}, Actual version: ${actualVersion}`,
    { exception: 'wrong-expected-version', 'stream-name': streamName,
      'expected-version': expectedVersion, 'actual-version': actualVersion });
};

/** A write to or a read of a tombstoned stream. */
export const streamDeleted = (streamName: string) =>
  rpcError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`,
    { exception: 'stream-deleted', 'stream-name': streamName });

/** A classic append larger than the server's maximum append size. */
export const maximumAppendSizeExceeded = (maxAppendSizeBytes: number) =>
  rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSizeBytes} Exceeded.`,
    { exception: 'maximum-append-size-exceeded',
      'maximum-append-size': String(maxAppendSizeBytes) });

/** A follower refusing a call that needs the leader, naming the leader to reconnect to. */
export const notLeader = (host: string, port: number) =>
  rpcError(status.NOT_FOUND, 'Leader info available',
    { exception: 'not-leader', 'leader-endpoint-host': host,
      'leader-endpoint-port': String(port) });

/** A request the server cannot make sense of. */
export const invalidArgument = (details: string) =>
  rpcError(status.INVALID_ARGUMENT, details, {});
