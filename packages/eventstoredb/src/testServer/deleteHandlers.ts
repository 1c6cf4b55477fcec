// Streams.Delete (soft delete) and Streams.Tombstone (hard delete). Unlike appends, a wrong
// expected version here is a FAILED_PRECONDITION status with the version trailers.
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { streamsPb } from './generated.ts';
import { expectedOf, streamNameOf } from './messages.ts';
import { streamDeleted, wrongExpectedVersion } from './rpcErrors.ts';
import type { ServerContext } from './serverContext.ts';

type DeleteReq = InstanceType<typeof streamsPb.DeleteReq>;
type DeleteResp = InstanceType<typeof streamsPb.DeleteResp>;
type TombstoneReq = InstanceType<typeof streamsPb.TombstoneReq>;
type TombstoneResp = InstanceType<typeof streamsPb.TombstoneResp>;

/** The handler of Streams.Delete. */
export const deleteHandler = (ctx: ServerContext) =>
  (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>) => {
    ctx.calls.delete += 1;
    const fault = ctx.fault();
    if (fault !== undefined) return callback(fault);
    const o = call.request.getOptions() ?? new streamsPb.DeleteReq.Options();
    const name = streamNameOf(o.getStreamIdentifier());
    const expected = expectedOf(o, () => (o.hasRevision() ? o.getRevision() : undefined));
    const outcome = ctx.log.softDelete(name, expected);
    if (outcome.kind === 'stream_deleted') return callback(streamDeleted(name));
    if (outcome.kind === 'wrong_expected_version') {
      return callback(wrongExpectedVersion('Delete', name, expected, outcome.current));
    }
    if (outcome.kind !== 'written') return callback(new Error(outcome.kind));
    const position = new streamsPb.DeleteResp.Position()
      .setCommitPosition(outcome.commit.toString())
      .setPreparePosition(outcome.prepare.toString());
    callback(null, new streamsPb.DeleteResp().setPosition(position));
  };

/** The handler of Streams.Tombstone. */
export const tombstoneHandler = (ctx: ServerContext) =>
  (call: ServerUnaryCall<TombstoneReq, TombstoneResp>,
    callback: sendUnaryData<TombstoneResp>) => {
    ctx.calls.tombstone += 1;
    const fault = ctx.fault();
    if (fault !== undefined) return callback(fault);
    const o = call.request.getOptions() ?? new streamsPb.TombstoneReq.Options();
    const name = streamNameOf(o.getStreamIdentifier());
    const expected = expectedOf(o, () => (o.hasRevision() ? o.getRevision() : undefined));
    const outcome = ctx.log.tombstone(name, expected);
    if (outcome.kind === 'stream_deleted') return callback(streamDeleted(name));
    if (outcome.kind === 'wrong_expected_version') {
      return callback(wrongExpectedVersion('Tombstone', name, expected, outcome.current));
    }
    if (outcome.kind !== 'written') return callback(new Error(outcome.kind));
    const position = new streamsPb.TombstoneResp.Position()
      .setCommitPosition(outcome.commit.toString())
      .setPreparePosition(outcome.prepare.toString());
    callback(null, new streamsPb.TombstoneResp().setPosition(position));
  };

