// One client subscription to $all as an ordered queue of what it said: confirmed, events,
// caught up, dropped. The client announces `caughtUp` as soon as it parses the message, which
// can be before the events it already buffered reach a listener, so the marker is held back
// until those events have passed. A slow consumer pauses the stream (bounded queue).
import type {
  ClientRecordedEvent, ClientResolvedEvent, EventStoreClient,
} from './eventStoreClient.ts';
import type { Position } from '@usha/ledger';
import { StoreUnavailableError } from './errors.ts';

/** What a session reports, in order. */
export type SessionItem =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'event'; readonly event: ClientRecordedEvent }
  | { readonly kind: 'caught-up' }
  | { readonly kind: 'dropped'; readonly error: unknown };

/** A live subscription; iterate it once; `close` cancels the call. */
export interface Session {
  readonly items: () => AsyncGenerator<SessionItem>;
  readonly close: () => Promise<void>;
}

const highWater = 1_000;
const lowWater = 100;

/** Subscribes to $all after `from` (exclusive), or from the start. */
export const openSession = (client: EventStoreClient, from: Position | 'start'): Session => {
  const sub = client.subscribeToAll({ fromPosition: from });
  const queue: SessionItem[] = [];
  let wake: (() => void) | undefined;
  let caughtUpAfter: number | undefined;
  let dropped = false;
  let closed = false;
  const push = (item: SessionItem) => {
    queue.push(item);
    if (queue.length >= highWater) sub.pause();
    wake?.();
  };
  const drop = (error: unknown) => {
    if (dropped) return;
    dropped = true;
    push({ kind: 'dropped', error });
  };
  sub.on('confirmation', () => push({ kind: 'confirmed' }));
  sub.on('data', (resolved: ClientResolvedEvent) => {
    if (resolved.event !== undefined) push({ kind: 'event', event: resolved.event });
    if (caughtUpAfter !== undefined && --caughtUpAfter === 0) {
      caughtUpAfter = undefined;
      push({ kind: 'caught-up' });
    }
  });
  sub.on('caughtUp', () => {
    const buffered = sub.readableLength;
    if (buffered === 0) push({ kind: 'caught-up' });
    else caughtUpAfter = buffered;
  });
  sub.on('error', (error: unknown) => drop(error));
  sub.on('close', () => drop(new StoreUnavailableError('the server ended the subscription')));

  async function* items(): AsyncGenerator<SessionItem> {
    while (!closed) {
      const item = queue.shift();
      if (item === undefined) {
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
        continue;
      }
      if (sub.isPaused() && queue.length <= lowWater) sub.resume();
      yield item;
      if (item.kind === 'dropped') return;
    }
  }

  return {
    items,
    close: async () => {
      dropped = true;
      closed = true;
      wake?.();
      if (!sub.destroyed) await sub.unsubscribe();
      sub.destroy();
    },
  };
};
