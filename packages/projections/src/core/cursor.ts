import { comparePositions, type LogPosition, type ProjectedEvent } from './projectedEvent.ts';

/**
 * How far a projection has read: the last position applied, and for events that come without
 * a position, the last revision applied per stream. Memory is bounded by streams, never by
 * events: no event id is remembered.
 */
export interface Cursor {
  position: LogPosition | null;
  readonly revisions: Map<string, bigint>;
  /** Events applied. */
  applied: number;
  /** Redelivered events ignored. */
  ignored: number;
  /** The latest business date applied, or null. */
  through: string | null;
}

/** A cursor before any event. */
export const emptyCursor = (): Cursor =>
  ({ position: null, revisions: new Map(), applied: 0, ignored: 0, through: null });

/**
 * Whether an event is new to the cursor, and if so records it: an event at or before the last
 * position applied is a redelivery, and so is one whose stream revision was already applied.
 * An event with neither a position nor a stream revision is always new.
 */
export const admit = (c: Cursor, e: ProjectedEvent): boolean => {
  const p = e.position;
  if (p !== undefined) {
    if (c.position !== null && comparePositions(p, c.position) <= 0) {
      c.ignored += 1;
      return false;
    }
    c.position = p;
  } else if (e.stream !== undefined && e.revision !== undefined) {
    const last = c.revisions.get(e.stream);
    if (last !== undefined && e.revision <= last) {
      c.ignored += 1;
      return false;
    }
    c.revisions.set(e.stream, e.revision);
  }
  c.applied += 1;
  const on = e.metadata.effectiveOn;
  // Most events fall on the date of the one before: an identity check spares a comparison.
  if (on !== c.through && (c.through === null || on > c.through)) c.through = on;
  return true;
};

/** The JSON form of a cursor. */
export interface CursorJson {
  readonly position: { readonly commit: string; readonly prepare: string } | null;
  readonly revisions: ReadonlyArray<readonly [string, string]>;
  readonly applied: number;
  readonly ignored: number;
  readonly through: string | null;
}

/** A cursor as JSON. */
export const cursorToJson = (c: Cursor): CursorJson => ({
  position: c.position === null ? null
    : { commit: String(c.position.commit), prepare: String(c.position.prepare) },
  revisions: [...c.revisions].map(([k, v]) => [k, String(v)] as const),
  applied: c.applied, ignored: c.ignored, through: c.through,
});

/** A cursor from its JSON form. */
export const cursorFromJson = (j: CursorJson): Cursor => ({
  position: j.position === null ? null
    : { commit: BigInt(j.position.commit), prepare: BigInt(j.position.prepare) },
  revisions: new Map(j.revisions.map(([k, v]) => [k, BigInt(v)])),
  applied: j.applied, ignored: j.ignored, through: j.through,
});
