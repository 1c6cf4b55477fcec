// Streams.BatchAppend: one long-lived duplex stream per channel carrying many appends, told
// apart by correlation id. Failures are not call errors but `google.rpc.Status` messages whose
// details pack the event_store.client error message, echoing correlation id and stream.
import type { ServerDuplexStream } from '@grpc/grpc-js';
import { googleEmpty, packAny, sharedPb, statusPb, streamsPb } from './generated.ts';
import { expectedOf, proposedEvent, streamIdentifier, streamNameOf, uuidText }
  from './messages.ts';
import type { ExpectedRevision } from './expectedRevision.ts';
import type { ProposedEvent, WriteOutcome } from './eventLog.ts';
import type { ServerContext } from './serverContext.ts';

type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type Status = InstanceType<typeof statusPb.Status>;

interface PendingWrite {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: ProposedEvent[];
}

// google.rpc.Code values, as the server fills them in.
const code = { notFound: 5, alreadyExists: 6, invalidArgument: 3, failedPrecondition: 9 };

const status = (c: number, message: string, bytes: Uint8Array, typeName: string): Status =>
  new statusPb.Status().setCode(c).setMessage(message)
    .setDetails(packAny(bytes, `event_store.client.${typeName}`));

const wrongExpectedStatus = (expected: ExpectedRevision, current: bigint | undefined) => {
  const w = new sharedPb.WrongExpectedVersion();
  if (current === undefined) w.setCurrentNoStream(googleEmpty());
  else w.setCurrentStreamRevision(current.toString());
  if (expected.kind === 'any') w.setExpectedAny(googleEmpty());
  if (expected.kind === 'no_stream') w.setExpectedNoStream(googleEmpty());
  if (expected.kind === 'stream_exists') w.setExpectedStreamExists(googleEmpty());
  if (expected.kind === 'revision') w.setExpectedStreamPosition(expected.revision.toString());
  return status(code.alreadyExists, 'WrongExpectedVersion', w.serializeBinary(),
    'WrongExpectedVersion');
};

const outcomeResponse = (outcome: WriteOutcome, w: PendingWrite): BatchAppendResp => {
  const resp = new streamsPb.BatchAppendResp();
  switch (outcome.kind) {
    case 'wrong_expected_version':
      return resp.setError(wrongExpectedStatus(w.expected, outcome.current));
    case 'stream_deleted': {
      const deleted = new sharedPb.StreamDeleted()
        .setStreamIdentifier(streamIdentifier(w.streamName));
      return resp.setError(status(code.notFound, 'StreamDeleted', deleted.serializeBinary(),
        'StreamDeleted'));
    }
    case 'too_big': {
      const tooBig = new sharedPb.MaximumAppendSizeExceeded()
        .setMaxappendsize(outcome.maxAppendSizeBytes);
      return resp.setError(status(code.invalidArgument, 'MaximumAppendSizeExceeded',
        tooBig.serializeBinary(), 'MaximumAppendSizeExceeded'));
    }
    case 'written': {
      const position = new sharedPb.AllStreamPosition()
        .setCommitPosition(outcome.commit.toString())
        .setPreparePosition(outcome.prepare.toString());
      const success = new streamsPb.BatchAppendResp.Success().setPosition(position);
      if (outcome.currentRevision < 0n) success.setNoStream(googleEmpty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      return resp.setSuccess(success);
    }
  }
};

/** The handler of Streams.BatchAppend. */
export const batchAppendHandler = (ctx: ServerContext) =>
  (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    ctx.calls.batchAppend += 1;
    const pending = new Map<string, PendingWrite>();
    const untrack = ctx.track(() => call.end());
    call.on('data', (req: BatchAppendReq) => {
      const correlationId = uuidText(req.getCorrelationId());
      const o = req.getOptions();
      if (o !== undefined) {
        const expected = expectedOf(o,
          () => (o.hasStreamPosition() ? o.getStreamPosition() : undefined));
        const streamName = streamNameOf(o.getStreamIdentifier());
        pending.set(correlationId, { streamName, expected, events: [] });
      }
      const w = pending.get(correlationId);
      if (w === undefined) return;
      w.events.push(...req.getProposedMessagesList().map(proposedEvent));
      if (!req.getIsFinal()) return;
      pending.delete(correlationId);
      const fault = ctx.fault();
      // A follower ends the whole batch stream with not-leader, as the real server throws.
      if (fault !== undefined) return void call.emit('error', fault);
      const outcome = ctx.log.append(w.streamName, w.expected, w.events);
      if (outcome.kind === 'written' && ctx.afterWrite()) return;
      const resp = outcomeResponse(outcome, w)
        .setCorrelationId(req.getCorrelationId())
        .setStreamIdentifier(streamIdentifier(w.streamName));
      call.write(resp);
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      untrack();
      call.end();
    });
  };
