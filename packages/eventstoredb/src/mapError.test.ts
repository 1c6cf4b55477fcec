// Error mapping: the `exception` trailer first, the gRPC status code second.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Metadata } from '@grpc/grpc-js';
import {
  MaxAppendSizeExceededError, NotLeaderError, StreamDeletedError, UnavailableError,
} from '@eventstore/db-client';
import { AppendTooLargeError, InvalidAppendError, StreamNotFoundError } from '@usha/ledger';
import { EventStoreDbError, StoreUnavailableError } from './errors.ts';
import { exceptionOf, isUnavailable, mapError } from './mapError.ts';

const grpcError = (code: number, trailers: Record<string, string> = {}) => {
  const metadata = new Metadata();
  for (const [k, v] of Object.entries(trailers)) metadata.set(k, v);
  return Object.assign(new Error(`${code} grpc`), { code, details: 'grpc', metadata });
};

test('a raw gRPC UNAVAILABLE (BatchAppend with the server down) is unavailable', () => {
  const e = mapError(grpcError(14), { stream: 'loan-1' });
  assert.instance(e, StoreUnavailableError);
  assert.is((e as StoreUnavailableError).code, 'store_unavailable');
  assert.instance(mapError(new UnavailableError()), StoreUnavailableError);
});

test('the exception trailer wins over the status code', () => {
  const deleted = grpcError(14, { exception: 'stream-deleted', 'stream-name': 'loan-1' });
  assert.is(exceptionOf(deleted), 'stream-deleted');
  assert.instance(mapError(deleted, { stream: 'loan-1' }), InvalidAppendError);
  assert.instance(mapError(deleted, { stream: 'loan-1', reading: true }), StreamNotFoundError);
  assert.is(isUnavailable(deleted), false);
  const notFound = grpcError(5, { exception: 'stream-not-found', 'stream-name': 'loan-2' });
  assert.instance(mapError(notFound, { stream: 'loan-2' }), StreamNotFoundError);
});

test('the client\'s own errors map by their type', () => {
  const big = mapError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576),
    { stream: 'loan-1', sizeBytes: 2_000_000 });
  assert.instance(big, AppendTooLargeError);
  assert.equal([(big as AppendTooLargeError).maxBytes, (big as AppendTooLargeError).sizeBytes],
    [1_048_576, 2_000_000]);
  assert.instance(mapError(StreamDeletedError.fromStreamName('loan-1')), InvalidAppendError);
  const leader = new NotLeaderError(grpcError(5, { exception: 'not-leader',
    'leader-endpoint-host': '10.0.0.2', 'leader-endpoint-port': '2113' }));
  assert.instance(mapError(leader), StoreUnavailableError);
});

test('a client-side cancellation is not an outage; other failures keep their exception', () => {
  const ours = Object.assign(grpcError(1), { details: 'Cancelled on client',
    message: '1 CANCELLED: Cancelled on client' });
  assert.is(isUnavailable(ours), false);
  assert.is(isUnavailable(grpcError(1)), true);
  const denied = mapError(grpcError(7, { exception: 'access-denied' }));
  assert.instance(denied, EventStoreDbError);
  assert.is((denied as EventStoreDbError).exception, 'access-denied');
});

test.run();
