// Catch-up subscriptions: a cursor over $all that sends what is stored, then `caught_up`,
// then sleeps until the log grows. One pump per subscriber; the log wakes them all.
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { indexFrom } from './allPosition.ts';
import { writeMessage } from './callWriter.ts';
import { streamsPb } from './generated.ts';
import { readResponse, streamNameOf } from './messages.ts';
import type { CallLife } from './callWriter.ts';
import type { LogEntry } from './eventLog.ts';
import type { ServerContext } from './serverContext.ts';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

interface Start {
  readonly index: number;
  readonly include: (e: LogEntry) => boolean;
}

const startOf = (ctx: ServerContext, o: Options): Start => {
  const all = ctx.log.all;
  const a = o.getAll();
  if (a !== undefined) {
    const p = a.getPosition();
    const index = p !== undefined
      ? indexFrom(all, { commit: BigInt(p.getCommitPosition()),
        prepare: BigInt(p.getPreparePosition()) }, true)
      : a.hasEnd() ? all.length : 0;
    return { index, include: () => true };
  }
  const s = o.getStream();
  const name = streamNameOf(s?.getStreamIdentifier());
  const after = s?.hasRevision() ? BigInt(s.getRevision()) : -1n;
  return {
    index: s?.hasEnd() ? all.length : 0,
    include: (e) => e.streamName === name && e.revision > after,
  };
};

/** Serves one catch-up subscription until the call ends. */
export const subscribe = async (ctx: ServerContext, call: ServerWritableStream<ReadReq,
  ReadResp>, life: CallLife, o: Options): Promise<void> => {
  const all = ctx.log.all;
  const start = startOf(ctx, o);
  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation()
    .setSubscriptionId(randomUUID());
  await writeMessage(call, life, new streamsPb.ReadResp().setConfirmation(confirmation));
  const unlisten = ctx.log.onWrite(life.wake);
  try {
    let cursor = start.index;
    let caughtUp = false;
    while (!life.over()) {
      while (cursor < all.length && !life.over()) {
        const entry = all[cursor++] as LogEntry;
        if (start.include(entry)) await writeMessage(call, life, readResponse(entry));
      }
      if (!caughtUp && !life.over()) {
        caughtUp = true;
        const resp = new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp());
        await writeMessage(call, life, resp);
      }
      if (cursor >= all.length && !life.over()) await life.sleep();
    }
  } finally {
    unlisten();
  }
};
