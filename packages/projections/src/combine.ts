import * as t from 'io-ts';
import { admit, cursorFromJson, cursorToJson, emptyCursor, type Cursor } from './core/cursor.ts';
import { decodeJson } from './core/decodeJson.ts';
import { CursorJsonCodec, ReversalIndexJsonCodec } from './core/jsonCodecs.ts';
import type { ProjectedEvent, ResolvedEvent } from './core/projectedEvent.ts';
import {
  emptyReversalIndex, recordReversible, reversalIndexFromJson, reversalIndexToJson,
  takeReversed, type ReversalIndex,
} from './core/reversalIndex.ts';
import { ReversibleIdsIncompleteError } from './core/unresolvedReversal.ts';
import { CheckpointFormatError, ProjectionVersionError, type Projection } from './projection.ts';

/** Projections by name. */
export type ProjectionSet = Readonly<Record<string, Projection<unknown>>>;

/** The states of a set of projections, by name. */
export type StatesOf<P extends ProjectionSet> = {
  [K in keyof P]: P[K] extends Projection<infer S> ? S : never;
};

/** Projections run together: one cursor, one reversal index, a state per projection. */
export interface Combined<P extends ProjectionSet> {
  readonly cursor: Cursor;
  readonly reversals: ReversalIndex;
  readonly states: StatesOf<P>;
}

const CombinedJson = t.type({
  cursor: CursorJsonCodec,
  reversals: ReversalIndexJsonCodec,
  versions: t.record(t.string, t.number),
  states: t.record(t.string, t.unknown),
});

/** How `combine` runs its projections. */
export interface CombineOptions {
  /**
   * Which money events the reversal index keeps, by their domain event id (every one when
   * omitted). A reader that knows beforehand every id a reversal names (a log file scanned
   * first) keeps those only, so that the index no longer grows with every money event. An
   * `EventReversed` naming an id it says not to keep throws ReversibleIdsIncompleteError.
   */
  readonly reversible?: (eventId: string) => boolean;
}

/**
 * Runs projections together over stored events, one event at a time: ignores a redelivered
 * event (at or before the last position applied, or a stream revision already applied), hands
 * each `EventReversed` the posting it names (from a reversal index shared by all), then applies
 * the event to every projection. The result is itself a projection: it serialises and resumes.
 * @example const run = combine({ balances: balancesProjection(), books: booksProjection() })
 */
export const combine = <P extends ProjectionSet>(
  projections: P, o: CombineOptions = {},
): Projection<Combined<P>> => {
  const names = Object.keys(projections);
  const list = names.map((n) => [n, projections[n]] as const);
  const name = `combined(${names.join(',')})`;
  const mapStates = (f: (n: string, p: Projection<unknown>) => unknown): StatesOf<P> => {
    const out: Record<string, unknown> = {};
    for (const [n, p] of list) if (p !== undefined) out[n] = f(n, p);
    return out as StatesOf<P>; // built key by key from P's own keys just above
  };
  return {
    name,
    version: 1,
    initialState: () => ({
      cursor: emptyCursor(), reversals: emptyReversalIndex(),
      states: mapStates((_, p) => p.initialState()),
    }),
    apply: (state, event) => {
      if (!admit(state.cursor, event)) return state;
      const resolved = resolve(state.reversals, event, o.reversible);
      const states: Record<string, unknown> = state.states;
      for (let i = 0; i < list.length; i += 1) {
        const entry = list[i];
        if (entry === undefined || entry[1] === undefined) continue;
        states[entry[0]] = entry[1].apply(states[entry[0]], resolved);
      }
      return state;
    },
    serialize: (state) => {
      const states: Record<string, unknown> = state.states;
      return {
        cursor: cursorToJson(state.cursor), reversals: reversalIndexToJson(state.reversals),
        versions: Object.fromEntries(list.map(([n, p]) => [n, p?.version ?? 0])),
        states: Object.fromEntries(list.map(([n, p]) => [n, p?.serialize(states[n])])),
      };
    },
    deserialize: (json) => {
      const j = decodeJson(name, CombinedJson, json);
      return {
        cursor: cursorFromJson(j.cursor), reversals: reversalIndexFromJson(j.reversals),
        states: mapStates((n, p) => {
          if (j.versions[n] !== p.version) {
            throw new ProjectionVersionError(`${p.name}@${p.version}`,
              `${p.name}@${String(j.versions[n])}`);
          }
          if (!Object.hasOwn(j.states, n)) throw new CheckpointFormatError(name, `no ${n}`);
          return p.deserialize(j.states[n]);
        }),
      };
    },
  };
};

const resolve = (
  ix: ReversalIndex, e: ProjectedEvent, keep: ((eventId: string) => boolean) | undefined,
): ResolvedEvent => {
  if (e.type !== 'EventReversed') {
    if (keep === undefined || kept(e, keep)) recordReversible(ix, e);
    return e;
  }
  // A target left out by `reversible` would be told apart from one never stored only by
  // chance: refused, so the caller reads again keeping every money event.
  if (keep !== undefined && !keep(e.data.reversedEventId)) {
    throw new ReversibleIdsIncompleteError(e.data.reversedEventId);
  }
  return { ...e, reversed: takeReversed(ix, e.data.reversedEventId) };
};

// Whether the index keeps a money event (an event without a domain id is not one).
const kept = (e: ProjectedEvent, keep: (eventId: string) => boolean): boolean => {
  const d: object = e.data;
  return !('eventId' in d) || typeof d.eventId !== 'string' || keep(d.eventId);
};
