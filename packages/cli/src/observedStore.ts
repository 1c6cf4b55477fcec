import {
  comparePosition, type EventStore, type LedgerEvent, type Position, type RecordedEvent,
  type SubscriptionMessage,
} from '@usha/ledger';

/** What a report's reads of the log saw, to tell a report of nothing from a report. */
export interface ReadSeen {
  /** Events read, over every pass. */
  readonly events: number;
  /** The earliest business date among the events known at `knownAt` (all, without it). */
  readonly firstEffectiveOn: string | undefined;
  /** Whether an event sits exactly at `knownAt`. */
  readonly knownAtFound: boolean;
  /** The events nearest `knownAt`: the last one before it and the first one after it. */
  readonly before: Position | undefined;
  readonly after: Position | undefined;
}

/** A store whose reads of the whole log (and subscriptions) are watched; what they saw. */
export interface ObservedStore {
  readonly store: EventStore<LedgerEvent>;
  readonly seen: () => ReadSeen;
}

/** Events watched on their way to a report, and what was seen of them. */
export interface EventWatch {
  readonly watch: (
    events: AsyncIterable<RecordedEvent<LedgerEvent>>,
  ) => AsyncIterable<RecordedEvent<LedgerEvent>>;
  readonly see: (e: RecordedEvent<LedgerEvent>) => void;
  readonly seen: () => ReadSeen;
}

/**
 * Watches events read for a report, from a store or straight from a log file: each is seen
 * (and handed to `onEvent`, the progress display's hook) on its way, unchanged.
 */
export const eventWatch = (
  o: { readonly knownAt?: Position; readonly onEvent?: (e: RecordedEvent<LedgerEvent>) => void },
): EventWatch => {
  // Mutable on purpose: one update per event of a possibly long log, no object per event.
  const seen = { events: 0, firstEffectiveOn: undefined as string | undefined,
    knownAtFound: false, before: undefined as Position | undefined,
    after: undefined as Position | undefined };
  const see = (e: RecordedEvent<LedgerEvent>) => {
    seen.events++;
    const order = o.knownAt === undefined ? 0 : comparePosition(e.position, o.knownAt);
    const on = e.metadata.effectiveOn;
    if (order <= 0 && (seen.firstEffectiveOn === undefined || on < seen.firstEffectiveOn)) {
      seen.firstEffectiveOn = on;
    }
    if (o.knownAt !== undefined && order === 0) seen.knownAtFound = true;
    if (order < 0 && (seen.before === undefined || comparePosition(e.position, seen.before) > 0)) {
      seen.before = e.position;
    }
    if (order > 0 && (seen.after === undefined || comparePosition(e.position, seen.after) < 0)) {
      seen.after = e.position;
    }
    o.onEvent?.(e);
  };
  async function* watch(events: AsyncIterable<RecordedEvent<LedgerEvent>>) {
    for await (const e of events) {
      see(e);
      yield e;
    }
  }
  return { watch, see, seen: (): ReadSeen => ({ ...seen }) };
};

/**
 * Wraps a store so that every event its `readAll` yields is seen (and handed to `onEvent`,
 * the progress display's hook) on its way to the report, which reads it as before.
 */
export const observedStore = (
  store: EventStore<LedgerEvent>,
  o: { readonly knownAt?: Position; readonly onEvent?: (e: RecordedEvent<LedgerEvent>) => void },
): ObservedStore => {
  const { watch: watched, see, seen } = eventWatch(o);
  async function* watchedLive(messages: AsyncIterable<SubscriptionMessage<LedgerEvent>>) {
    for await (const m of messages) {
      if (m.kind === 'event') see(m.event);
      yield m;
    }
  }
  // A proxy, not a copy: every other method of the store is its own, `this` included.
  const proxy = new Proxy(store, {
    get: (target, key, receiver) => {
      if (key === 'readAll') {
        return (...a: Parameters<typeof store.readAll>) => watched(target.readAll(...a));
      }
      if (key === 'subscribeToAll') {
        return (...a: Parameters<typeof store.subscribeToAll>) =>
          watchedLive(target.subscribeToAll(...a));
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { store: proxy, seen };
};
