import type { AggregateKind } from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent, StreamEvent } from '../log/ledgerEvent.ts';
import type { AggregateDecider, AggregateState } from './aggregateDecider.ts';
import { stateCacheEntriesOf } from './stateCacheEntries.ts';

/** A stream folded to its state, as of `revision` (undefined: the stream has no events). */
export interface StreamState {
  readonly stream: string;
  readonly state: AggregateState;
  readonly revision: bigint | undefined;
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
  /** Folds events the Ledger has just appended (from the revision the state was at). */
  readonly advance: (
    loaded: StreamState, events: ReadonlyArray<StreamEvent>,
  ) => StreamState;
}

/**
 * The cache of folded aggregates. A command reads only the events after the revision it holds
 * (every store reads a stream from a revision), so a long stream is folded once, not per
 * command; what other writers appended meanwhile is read before deciding. Every event read is
 * shown to `observe` (the command and member indexes). At most `entries` states are held
 * (default `defaultStateCacheEntries`; 0: none), the least recently used let go first, so an
 * app that runs for weeks holds a bounded number however many streams it touches; a state let
 * go is folded again from the store when next loaded, and decisions are unchanged (a state is
 * brought up to date from the store before deciding on it either way).
 */
export const streamStates = (options: {
  readonly store: EventStore<LedgerEvent>;
  readonly decider: AggregateDecider;
  readonly observe: (e: StreamEvent) => void;
  readonly entries?: number;
}): StreamStates => {
  const { store, decider, observe } = options;
  const entries = stateCacheEntriesOf(options.entries);
  // A Map iterates in insertion order: a state re-inserted on each use makes the first key
  // the least recently used, let go in O(1).
  const cache = new Map<string, StreamState>();
  // The last key inserted: using it again needs no re-insertion (the usual case, a stream's
  // commands one after another), which spares the hot path a delete and a set.
  let newest: string | undefined;
  const use = (stream: string, s: StreamState): void => {
    if (stream !== newest) cache.delete(stream);
    cache.set(stream, s);
    newest = stream;
    if (cache.size > entries) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
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
  const load: StreamStates['load'] = async (stream, kind) => {
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
        s = { stream, state: decider.evolve(s.state, e), revision: e.revision };
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
      s = { stream: s.stream, state: decider.evolve(s.state, e), revision: e.revision };
    }
    return keep(s);
  };
  return { load, advance, cached, size: () => cache.size };
};
