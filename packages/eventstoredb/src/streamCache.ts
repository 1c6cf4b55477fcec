// What the adapter knows of the streams it appends to: for each event id, its revision,
// position and content. EventStoreDB deduplicates a retried append by event id only where the
// expected revision puts it, and never compares content; the port promises more (a retry is
// recognised anywhere in the stream, and the same id with other content is refused), so the
// adapter checks ids itself. The cache makes that cheap: before an append it reads only the
// events written since it last looked, usually none.
import type { Position } from '@usha/ledger';
import { contentKeyOf, toPosition } from './clientEvents.ts';
import { isClientError } from './eventStoreClient.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import type { StoredRef } from './ledgerInternals.ts';

interface Known {
  readonly revision: bigint;
  position: Position | undefined;
  readonly contentKey: string;
}

interface View {
  /** How many events of the stream are known: its revisions are 0 .. next - 1. */
  next: bigint;
  /** True after an append whose outcome is unknown: it may have landed unseen. */
  stale: boolean;
  readonly byId: Map<string, Known>;
}

/** A stream as the adapter last saw it. */
export interface StreamState {
  /** The revision of its last event; undefined if the stream does not exist. */
  readonly current: bigint | undefined;
  readonly lookup: (eventId: string) => StoredRef | undefined;
}

/**
 * The cache of stream views, least recently used first out. A view is always a true prefix of
 * its stream: events are never removed, so what is known stays true. Appends are sent with an
 * explicit expected revision, so the server itself tells when a view is behind.
 */
export interface StreamCache {
  /** The stream as last seen, without asking the server; undefined when it must be asked. */
  readonly peek: (stream: string) => StreamState | undefined;
  /** Marks a stream as possibly changed by an append whose answer was lost. */
  readonly markStale: (stream: string) => void;
  /** Reads what was appended since last time and returns the stream's state. */
  readonly refresh: (stream: string) => Promise<StreamState>;
  /** Records an append this adapter made, so the next refresh need not read it back. */
  readonly recordAppend: (stream: string, first: bigint,
    events: readonly { eventId: string; contentKey: string }[],
    last: Position | undefined) => void;
  /** Fills in positions not known for these ids (events of our own multi-event appends). */
  readonly resolvePositions: (stream: string, eventIds: readonly string[]) => Promise<void>;
}

const stateOf = (view: View): StreamState => ({
  current: view.next === 0n ? undefined : view.next - 1n,
  lookup: (eventId) => {
    const k = view.byId.get(eventId);
    if (k === undefined) return undefined;
    return { revision: k.revision, position: k.position ?? { commit: -1n, prepare: -1n },
      contentKey: () => k.contentKey };
  },
});

/** Creates a cache over a client; `maxEvents` bounds the ids it keeps. */
export const createStreamCache = (client: EventStoreClient, maxEvents: number):
  StreamCache => {
  const views = new Map<string, View>();
  let total = 0;

  const viewOf = (stream: string): View => {
    const found = views.get(stream);
    const view = found ?? { next: 0n, stale: false, byId: new Map<string, Known>() };
    views.delete(stream);
    views.set(stream, view);
    return view;
  };

  const evict = (keep: string) => {
    for (const [stream, view] of views) {
      if (total <= maxEvents) return;
      if (stream === keep) continue;
      total -= view.byId.size;
      views.delete(stream);
    }
  };

  const refresh = async (stream: string): Promise<StreamState> => {
    const view = viewOf(stream);
    view.stale = false;
    try {
      for await (const resolved of client.readStream(stream, { fromRevision: view.next })) {
        const e = resolved.event;
        if (e === undefined || e.revision !== view.next) continue;
        view.byId.set(e.id, { revision: e.revision, contentKey: contentKeyOf(e),
          position: e.position === undefined ? undefined : toPosition(e.position) });
        view.next += 1n;
        total += 1;
      }
    } catch (error) {
      if (!isClientError(error, 'stream-not-found')) {
        view.stale = true;
        throw error;
      }
      // Gone (or never there): forget what we knew, EventStoreDB may have deleted it.
      total -= view.byId.size;
      view.byId.clear();
      view.next = 0n;
    }
    evict(stream);
    return stateOf(view);
  };

  const recordAppend: StreamCache['recordAppend'] = (stream, first, events, last) => {
    const view = viewOf(stream);
    // Only a contiguous extension is recorded; a gap is filled by the next refresh.
    if (first !== view.next) return;
    events.forEach((e, i) => {
      const isLast = i === events.length - 1;
      view.byId.set(e.eventId, { revision: first + BigInt(i), contentKey: e.contentKey,
        position: isLast ? last : undefined });
    });
    view.next += BigInt(events.length);
    total += events.length;
    evict(stream);
  };

  const resolvePositions: StreamCache['resolvePositions'] = async (stream, eventIds) => {
    const view = viewOf(stream);
    const missing = eventIds.map((id) => view.byId.get(id))
      .filter((k): k is Known => k !== undefined && k.position === undefined);
    if (missing.length === 0) return;
    const from = missing.reduce((m, k) => (k.revision < m ? k.revision : m), view.next);
    const maxCount = Number(view.next - from);
    for await (const resolved of client.readStream(stream, { fromRevision: from, maxCount })) {
      const e = resolved.event;
      const k = e === undefined ? undefined : view.byId.get(e.id);
      if (e?.position !== undefined && k !== undefined) k.position = toPosition(e.position);
    }
  };

  const peek = (stream: string): StreamState | undefined => {
    const view = viewOf(stream);
    return view.stale ? undefined : stateOf(view);
  };

  const markStale = (stream: string) => {
    viewOf(stream).stale = true;
  };

  return { peek, markStale, refresh, recordAppend, resolvePositions };
};
