// Streams.Read: reads of a stream or of $all in either direction, and catch-up subscriptions.
// A missing stream is a `stream_not_found` message, not an error status. A subscription sends
// a confirmation, the events after its starting point (exclusive), `caught_up`, then live
// events; a read from a revision or position includes it going forwards.
import type { ServerWritableStream } from '@grpc/grpc-js';
import { indexFrom } from './allPosition.ts';
import { callLife, writeMessage } from './callWriter.ts';
import { streamsPb } from './generated.ts';
import { readResponse, streamIdentifier, streamNameOf } from './messages.ts';
import { streamDeleted } from './rpcErrors.ts';
import { subscribe } from './subscription.ts';
import type { CallLife } from './callWriter.ts';
import type { LogEntry } from './eventLog.ts';
import type { ServerContext } from './serverContext.ts';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;
type Call = ServerWritableStream<ReadReq, ReadResp>;

const backwards = (o: Options) =>
  o.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;

const writeAll = async (call: Call, life: CallLife, entries: Iterable<LogEntry>) => {
  for (const entry of entries) {
    if (life.over()) return;
    await writeMessage(call, life, readResponse(entry));
  }
};

function* range(all: readonly LogEntry[], from: number, to: number, step: 1 | -1, max: bigint) {
  let n = 0n;
  for (let i = from; step === 1 ? i < to : i > to; i += step) {
    if (n++ >= max) return;
    yield all[i] as LogEntry;
  }
}

const readStream = async (ctx: ServerContext, call: Call, life: CallLife, o: Options) => {
  const s = o.getStream();
  const name = streamNameOf(s?.getStreamIdentifier());
  const found = ctx.log.lookup(name);
  if (found.kind === 'tombstoned') return call.emit('error', streamDeleted(name));
  if (found.kind === 'not_found') {
    const notFound = new streamsPb.ReadResp.StreamNotFound()
      .setStreamIdentifier(streamIdentifier(name));
    call.write(new streamsPb.ReadResp().setStreamNotFound(notFound));
    return call.end();
  }
  const entries = found.entries;
  const first = entries[0]?.revision ?? 0n;
  const count = BigInt(o.getCount());
  const at = s?.hasRevision() ? Number(BigInt(s.getRevision()) - first) : undefined;
  if (backwards(o)) {
    const from = at ?? (s?.hasStart() ? -1 : entries.length - 1);
    await writeAll(call, life, range(entries, Math.min(from, entries.length - 1), -1, -1, count));
  } else {
    const from = at ?? (s?.hasEnd() ? entries.length : 0);
    await writeAll(call, life, range(entries, Math.max(from, 0), entries.length, 1, count));
  }
  if (!life.over()) call.end();
};

const readAll = async (ctx: ServerContext, call: Call, life: CallLife, o: Options) => {
  const a = o.getAll();
  const all = ctx.log.all;
  const p = a?.getPosition();
  const position = p === undefined ? undefined
    : { commit: BigInt(p.getCommitPosition()), prepare: BigInt(p.getPreparePosition()) };
  const count = BigInt(o.getCount());
  if (backwards(o)) {
    const from = position === undefined ? (a?.hasStart() ? -1 : all.length - 1)
      : indexFrom(all, position, false) - 1;
    await writeAll(call, life, range(all, from, -1, -1, count));
  } else {
    const from = position === undefined ? (a?.hasEnd() ? all.length : 0)
      : indexFrom(all, position, false);
    await writeAll(call, life, range(all, from, all.length, 1, count));
  }
  if (!life.over()) call.end();
};

/** The handler of Streams.Read. */
export const readHandler = (ctx: ServerContext) => (call: Call) => {
  const o = call.request.getOptions();
  const life = callLife(call);
  const fault = ctx.fault();
  if (fault !== undefined) return void call.emit('error', fault);
  if (o === undefined) return void call.emit('error', new Error('read without options'));
  const run = o.hasSubscription() ? subscribe(ctx, call, life, o)
    : o.hasAll() ? readAll(ctx, call, life, o) : readStream(ctx, call, life, o);
  if (o.hasSubscription()) ctx.calls.subscribe += 1;
  else ctx.calls.read += 1;
  const untrack = ctx.track(life.end);
  run.catch((error: unknown) => call.emit('error', error)).finally(untrack);
};
