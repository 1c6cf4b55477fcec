import type { AggregateKind } from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent, StreamEvent } from '../log/ledgerEvent.ts';
import type { AggregateDecider, AggregateState } from './aggregateDecider.ts';
import {
  eventDigest, type FoldedUpTo, type HeldState, type KeptState,
} from '../states/keptStates.ts';
import { stateCacheEntriesOf } from './stateCacheEntries.ts';
import { recentStates, recordsPerState, stateRecords } from './stateRecords.ts';

/** A stream folded to its state, as of `revision` (undefined: the stream has no events). */
export interface StreamState {
  readonly stream: string;
  readonly state: AggregateState;
  readonly revision: bigint | undefined;
  /** The event folded last (the one at `revision`), for a state kept across a restart. */
  readonly upTo?: FoldedUpTo;
}

/** Aggregate states, kept folded in memory and brought up to date from the store on demand. */
export interface StreamStates {
  /** Reads what the stream gained since it was last folded; the state as of the store now. */
  readonly load: (stream: string, kind: AggregateKind) => Promise<StreamState>;
  /**
   * The state held in memory, without reading the store: undefined if never folded or let go
   * (the least recently used beyond the bound); a state returned counts as used.
   */
  readonly cached: (stream: string) => StreamState | undefined;
  /** How many states are held: never more than the bound. */
  readonly size: () => number;
  /**
   * The records the held states keep between them (stateRecords.ts): never more than the
   * bound times `recordsPerState`, but while no more than `recentStates` are held.
   */
  readonly records: () => number;
  /** Folds events the Ledger has just appended (from the revision the state was at). */
  readonly advance: (
    loaded: StreamState, events: ReadonlyArray<StreamEvent & { readonly eventId: string }>,
  ) => StreamState;
  /**
   * States kept across a restart (keptStates.ts), most recently used first: each is used by
   * `load` only once the stream's event at its revision is found to be the one it was folded
   * up to; until then `cached` does not see it. Within the bound, the least used let go first.
   * Returns how many were taken (those beyond the bound are not).
   */
  readonly restore: (kept: readonly KeptState[]) => number;
  /** The states held, most recently used first; then those restored and not yet read. */
  readonly held: () => HeldState[];
}

// A kept state's records, or undefined if counting them throws (a state out of its shape).
const recordsOf = (s: AggregateState): number | undefined => {
  try {
    return stateRecords(s);
  } catch {
    return undefined;
  }
};

/**
 * The cache of folded aggregates. A command reads only the events after the revision it holds
 * (every store reads a stream from a revision), so a long stream is folded once, not per
 * command; what other writers appended meanwhile is read before deciding. Every event read is
 * shown to `observe` (the command and member indexes). At most `entries` states are held
 * (default `defaultStateCacheEntries`; 0: none), the least recently used let go first, so an
 * app that runs for weeks holds a bounded number however many streams it touches; a state let
 * go is folded again from the store when next loaded, and decisions are unchanged (a state is
 * brought up to date from the store before deciding on it either way). The states held keep at
 * most `recordsPerState` records a state between them (stateRecords.ts), but for the last
 * `recentStates` used: long accounts are let go before they fill the heap.
 */
export const streamStates = (options: {
  readonly store: EventStore<LedgerEvent>;
  readonly decider: AggregateDecider;
  readonly observe: (e: StreamEvent) => void;
  readonly entries?: number;
}): StreamStates => {
  const { store, decider, observe } = options;
  const entries = stateCacheEntriesOf(options.entries);
  const maxRecords = entries * recordsPerState;
  // A Map iterates in insertion order: a state re-inserted on each use makes the first key
  // the least recently used, let go in O(1).
  const cache = new Map<string, StreamState>();
  // The last key inserted: using it again needs no re-insertion (the usual case, a stream's
  // commands one after another), which spares the hot path a delete and a set.
  let newest: string | undefined;
  // Kept across a restart, not yet checked against the store; let go before any held state.
  const restored = new Map<string, KeptState>();
  // The records each held state (or restored one) keeps, and their sum: bounded as well as the
  // states, so that long accounts held cannot fill the heap (stateRecords.ts).
  const records = new Map<string, number>();
  let recordsHeld = 0;
  const weigh = (stream: string, n: number | undefined): void => {
    recordsHeld += (n ?? 0) - (records.get(stream) ?? 0);
    if (n === undefined) records.delete(stream);
    else records.set(stream, n);
  };
  const over = () => cache.size + restored.size > entries
    || (recordsHeld > maxRecords && cache.size + restored.size > recentStates);
  const use = (stream: string, s: StreamState): void => {
    if (stream !== newest) cache.delete(stream);
    cache.set(stream, s);
    newest = stream;
    restored.delete(stream);
    weigh(stream, stateRecords(s.state));
    // The least recently used let go, restored ones first, until within both bounds; the last
    // `recentStates` used stay whatever their records (a command uses several at once).
    while (over()) {
      const from = restored.size > 0 ? restored : cache;
      const oldest = from.keys().next();
      if (oldest.done === true || oldest.value === stream) break;
      from.delete(oldest.value);
      weigh(oldest.value, undefined);
    }
  };
  const keep = (s: StreamState): StreamState => {
    if (entries === 0) return s;
    const held = cache.get(s.stream);
    // Two loads of one stream may overlap; the cache only ever moves forward.
    use(s.stream, held === undefined || (held.revision ?? -1n) < (s.revision ?? -1n) ? s : held);
    return s;
  };
  const cached: StreamStates['cached'] = (stream) => {
    const s = cache.get(stream);
    if (s !== undefined && stream !== newest) use(stream, s);
    return s;
  };
  // A kept state, brought up to date: read from its own revision, whose event must be the one
  // it was folded up to (else undefined: the stream is folded from its start).
  const fromKept = async (k: KeptState, kind: AggregateKind): Promise<StreamState | undefined> => {
    if (k.state.kind !== kind) return undefined;
    let s: StreamState | undefined;
    try {
      const read = store.readStream(k.stream, { fromRevision: k.revision, notFoundAsEmpty: true });
      for await (const e of read) {
        if (s === undefined) {
          if (e.revision !== k.revision || e.eventId !== k.eventId
            || eventDigest(e) !== k.digest) return undefined;
          s = { stream: k.stream, state: k.state, revision: k.revision, upTo: e };
          continue;
        }
        if (s.revision !== undefined && e.revision <= s.revision) continue;
        observe(e);
        s = { stream: k.stream, state: decider.evolve(s.state, e), revision: e.revision, upTo: e };
      }
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
      return undefined;
    }
    return s;
  };
  const load: StreamStates['load'] = async (stream, kind) => {
    const k = cache.has(stream) ? undefined : restored.get(stream);
    if (k !== undefined) {
      restored.delete(stream);
      weigh(stream, undefined);
      const s = await fromKept(k, kind);
      if (s !== undefined) return keep(s);
    }
    let s = cache.get(stream) ?? { stream, state: decider.initial(kind), revision: undefined };
    const fromRevision = s.revision === undefined ? 'start' : s.revision + 1n;
    try {
      // A new stream (each account's first command) reads as empty where the store allows,
      // without building a StreamNotFoundError and its stack trace; others still throw it.
      const read = store.readStream(stream, { fromRevision, notFoundAsEmpty: true });
      for await (const e of read) {
        // A backwards clamp or a store that repeats the last event must not fold it twice.
        if (s.revision !== undefined && e.revision <= s.revision) continue;
        observe(e);
        s = { stream, state: decider.evolve(s.state, e), revision: e.revision, upTo: e };
      }
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    return keep(s);
  };
  const advance: StreamStates['advance'] = (loaded, events) => {
    let s = loaded;
    for (const e of events) {
      observe(e);
      s = { stream: s.stream, state: decider.evolve(s.state, e), revision: e.revision, upTo: e };
    }
    return keep(s);
  };
  const restore: StreamStates['restore'] = (kept) => {
    // The most recently used first, within both bounds; then inserted the least used first,
    // as the cache is: the first key is the one let go.
    const room: Array<{ readonly k: KeptState; readonly w: number }> = [];
    let n = cache.size + restored.size;
    let held = recordsHeld;
    for (const k of kept) {
      if (cache.has(k.stream) || restored.has(k.stream)) continue;
      if (n + 1 > entries) break;
      // A state not of its kind's shape (it was read back as plain data) is passed over.
      const w = recordsOf(k.state);
      if (w === undefined) continue;
      // As `use` holds them: the first `recentStates` whatever their records; beyond, one too
      // heavy for what is left is passed over (a lighter one may still fit).
      if (n + 1 > recentStates && held + w > maxRecords) continue;
      room.push({ k, w });
      n += 1;
      held += w;
    }
    for (const { k, w } of room.reverse()) {
      restored.set(k.stream, k);
      weigh(k.stream, w);
    }
    return room.length;
  };
  const held: StreamStates['held'] = () => [
    ...[...cache.values()].reverse(),
    ...[...restored.values()].reverse().map((k) => ({ stream: k.stream, revision: k.revision,
      state: k.state, kept: k })),
  ];
  return { load, advance, cached, restore, held, size: () => cache.size + restored.size,
    records: () => recordsHeld };
};
