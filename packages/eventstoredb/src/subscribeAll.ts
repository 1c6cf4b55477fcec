// The port's catch-up subscription over EventStoreDB. The client never resubscribes by itself:
// when the server drops the subscription (restart, leader change, network), this resubscribes
// from the last event it delivered, after a bounded back-off, and tells the app through
// `onResubscribe`. Delivery is exactly once across drops: the checkpoint is exclusive, and it
// moves only when an event is handed to the consumer.
import type { EventStoreClient } from './eventStoreClient.ts';
import type {
  EventShape, Position, SubscribeOptions, SubscriptionMessage,
} from '@usha/ledger';
import { backoffDelayMs, sleep } from './resubscribeBackoff.ts';
import type { BackoffPolicy } from './resubscribeBackoff.ts';
import { toPosition } from './clientEvents.ts';
import { StoreUnavailableError } from './errors.ts';
import { isUnavailable, mapError } from './mapError.ts';
import { decodeEvent } from './readEvents.ts';
import type { ReadContext } from './readEvents.ts';
import { openSession } from './subscriptionSession.ts';
import { takeSubscribeOptions } from './ledgerInternals.ts';
import { InvalidReadError } from '@usha/ledger';

/** What the adapter tells the app before it resubscribes. */
export interface ResubscribeInfo {
  /** 1 for the first attempt after a drop; reset once a subscription is confirmed. */
  readonly attempt: number;
  readonly delayMs: number;
  /** The exclusive checkpoint it resubscribes from. */
  readonly from: Position | 'start';
  /** Why the previous subscription ended. */
  readonly error: Error;
}

/** What a subscription needs from the store around it. */
export interface SubscribeContext<E extends EventShape> extends ReadContext<E> {
  readonly backoff: BackoffPolicy;
  readonly onResubscribe: (info: ResubscribeInfo) => void;
  /** Aborts when the store closes. */
  readonly closed: AbortSignal;
}

const lastPosition = async (client: EventStoreClient): Promise<Position | 'start'> => {
  for await (const r of client.readAll({ fromPosition: 'end', direction: 'backwards',
    maxCount: 1 })) {
    if (r.event?.position !== undefined) return toPosition(r.event.position);
  }
  return 'start';
};

/** Subscribes to $all (the port's subscribeToAll). */
export async function* subscribeAllEvents<E extends EventShape>(ctx: SubscribeContext<E>,
  o: SubscribeOptions = {}): AsyncGenerator<SubscriptionMessage<E>> {
  ctx.refuseIfClosed();
  // Read once: only these values are used from here on.
  const taken = takeSubscribeOptions(o);
  if (taken instanceof InvalidReadError) throw taken;
  const signal = taken.signal === undefined ? ctx.closed
    : AbortSignal.any([taken.signal, ctx.closed]);
  let checkpoint: Position | 'start' = taken.from === 'start' ? 'start'
    : taken.from === 'end' ? await lastPosition(ctx.client).catch((e: unknown) => {
      throw mapError(e);
    }) : taken.from;
  let caughtUp = false;
  let failures = 0;
  while (!signal.aborted) {
    const session = openSession(ctx.client, checkpoint);
    const stop = () => void session.close();
    signal.addEventListener('abort', stop, { once: true });
    let error: unknown;
    try {
      for await (const item of session.items()) {
        if (signal.aborted) return;
        if (item.kind === 'confirmed') failures = 0;
        if (item.kind === 'dropped') error = item.error;
        if (item.kind === 'caught-up' && !caughtUp) {
          caughtUp = true;
          yield { kind: 'caught-up' };
        }
        if (item.kind !== 'event') continue;
        const p = item.event.position;
        if (p !== undefined) checkpoint = toPosition(p);
        if (ctx.names.isOurs(item.event)) {
          yield { kind: 'event', event: decodeEvent(ctx, item.event) };
        }
      }
    } finally {
      signal.removeEventListener('abort', stop);
      await session.close();
    }
    if (signal.aborted) return;
    if (!isUnavailable(error)) throw mapError(error);
    failures += 1;
    const reason = mapError(error);
    if (failures > ctx.backoff.maxAttempts) {
      throw new StoreUnavailableError(`gave up resubscribing after ${failures - 1} attempts`,
        reason);
    }
    const delayMs = backoffDelayMs(ctx.backoff, failures);
    ctx.onResubscribe({ attempt: failures, delayMs, from: checkpoint, error: reason });
    await sleep(delayMs, signal);
  }
}
