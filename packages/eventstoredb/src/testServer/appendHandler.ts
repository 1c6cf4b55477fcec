// Streams.Append: the classic client-streaming append. A wrong expected version is not an
// error status here but a successful response carrying `wrong_expected_version`.
import type { sendUnaryData, ServerReadableStream } from '@grpc/grpc-js';
import { sharedPb, streamsPb } from './generated.ts';
import { expectedOf, proposedEvent, streamNameOf } from './messages.ts';
import { maximumAppendSizeExceeded, streamDeleted } from './rpcErrors.ts';
import type { ExpectedRevision } from './expectedRevision.ts';
import type { ProposedEvent, WriteOutcome } from './eventLog.ts';
import type { ServerContext } from './serverContext.ts';

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type Options = InstanceType<typeof streamsPb.AppendReq.Options>;

const empty = () => new sharedPb.Empty();

const wrongExpected = (expected: ExpectedRevision, current: bigint | undefined) => {
  const w = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === undefined) w.setCurrentNoStream(empty());
  else w.setCurrentRevision(current.toString());
  switch (expected.kind) {
    case 'any': return w.setExpectedAny(empty());
    case 'no_stream': return w.setExpectedNoStream(empty());
    case 'stream_exists': return w.setExpectedStreamExists(empty());
    case 'revision': return w.setExpectedRevision(expected.revision.toString());
  }
};

const response = (outcome: WriteOutcome, expected: ExpectedRevision): AppendResp => {
  const resp = new streamsPb.AppendResp();
  if (outcome.kind === 'wrong_expected_version') {
    return resp.setWrongExpectedVersion(wrongExpected(expected, outcome.current));
  }
  if (outcome.kind !== 'written') throw new Error(`not a response: ${outcome.kind}`);
  const position = new streamsPb.AppendResp.Position()
    .setCommitPosition(outcome.commit.toString())
    .setPreparePosition(outcome.prepare.toString());
  const success = new streamsPb.AppendResp.Success().setPosition(position);
  if (outcome.currentRevision < 0n) success.setNoStream(empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  return resp.setSuccess(success);
};

/** The handler of Streams.Append. */
export const appendHandler = (ctx: ServerContext) =>
  (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    ctx.calls.append += 1;
    let options: Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (req: AppendReq) => {
      const message = req.getProposedMessage();
      if (req.hasOptions()) options = req.getOptions();
      else if (message !== undefined) events.push(proposedEvent(message));
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      const fault = ctx.fault();
      if (fault !== undefined) return callback(fault);
      if (options === undefined) return callback(new Error('append without options'));
      const o = options;
      const streamName = streamNameOf(o.getStreamIdentifier());
      const expected = expectedOf(o, () => (o.hasRevision() ? o.getRevision() : undefined));
      const outcome = ctx.log.append(streamName, expected, events);
      if (outcome.kind === 'stream_deleted') return callback(streamDeleted(streamName));
      if (outcome.kind === 'too_big') {
        return callback(maximumAppendSizeExceeded(outcome.maxAppendSizeBytes));
      }
      if (outcome.kind === 'written' && ctx.afterWrite()) return;
      callback(null, response(outcome, expected));
    });
  };
