import {
  ledgerEventSchema, readLogForwards, type EventStore, type LedgerEvent, type ReadAllOptions,
  type SubscribeOptions, type SubscriptionMessage,
} from '@usha/ledger';

/** A read a log read forwards cannot answer: anything but every event from the first. */
export class ForwardsOnlyError extends Error {
  override readonly name = 'ForwardsOnlyError';
  constructor(readonly file: string, readonly asked: string) {
    super(`${file}: read forwards, without an index: ${asked} cannot be answered`);
  }
}

// Every event from the first, forwards, to the end: what a replay from the start reads.
const wholeForwards = (o: ReadAllOptions | undefined): boolean => o === undefined
  || ((o.from === undefined || o.from === 'start')
    && (o.direction === undefined || o.direction === 'forwards') && o.maxCount === undefined);

// Refused as the port refuses: lazily, when the read is iterated.
async function* refused(e: Error): AsyncGenerator<never> {
  yield* [];
  throw e;
}

// Every event, then caught up; nothing is appended to a log read forwards, so the
// subscription then idles until it is let go (its signal), as a live one with no news would.
async function* caughtUpOnce(
  file: string, bytes: number | undefined, signal: AbortSignal | undefined,
): AsyncGenerator<SubscriptionMessage<LedgerEvent>> {
  const read = readLogForwards({ file, schema: ledgerEventSchema,
    ...(bytes === undefined ? {} : { bytes }) });
  for await (const event of read) {
    yield { kind: 'event', event };
  }
  yield { kind: 'caught-up' };
  if (signal === undefined || signal.aborted) return;
  await new Promise((resolve) => { signal.addEventListener('abort', resolve, { once: true }); });
}

const fromStart = (o: SubscribeOptions | undefined): boolean =>
  o?.from === undefined || o.from === 'start';

/**
 * The events of a log file as a read-only store that keeps no index: each `readAll` from the
 * start reads the file once, forwards (`readLogForwards`: every line checked as the file
 * store's open checks it), so memory is a read chunk, not an index of every event; a
 * subscription from the start reads it once too, then is caught up for good. Reading a
 * stream, from a position, backwards, or an append is refused with a `ForwardsOnlyError`:
 * the reports that read through it replay the whole log only. With `bytes`, every read
 * reads the log as it was at that length at most.
 * @example await replayAsync(projection, forwardsStore(file).readAll())
 */
export const forwardsStore = (file: string, bytes?: number): EventStore<LedgerEvent> => ({
  readAll: (o) => (wholeForwards(o) ? readLogForwards({ file, schema: ledgerEventSchema,
    ...(bytes === undefined ? {} : { bytes }) })
    : refused(new ForwardsOnlyError(file, 'a read of part of the log'))),
  readStream: (stream) => refused(new ForwardsOnlyError(file, `a read of stream ${stream}`)),
  subscribeToAll: (o) => (fromStart(o) ? caughtUpOnce(file, bytes, o?.signal)
    : refused(new ForwardsOnlyError(file, 'a subscription from a position'))),
  appendToStream: (stream) => Promise.reject(new ForwardsOnlyError(file,
    `an append to stream ${stream}`)),
  close: () => Promise.resolve(),
});
