import { comparePositions, type LogPosition, type ProjectedEvent } from './core/projectedEvent.ts';
import type { Projection } from './projection.ts';

/** Which events a replay folds, and from which state. */
export interface ReplayOptions<S> {
  /** As of a business date: only events effective on or before it ('YYYY-MM-DD'). */
  readonly asOf?: string;
  /** As known at a point of the log: only events at or before this position. */
  readonly asKnownAt?: LogPosition;
  /** Resume from this state (a checkpoint); a fresh state otherwise. */
  readonly state?: S;
}

/** An event kept by a replay's filters. */
export const selected = (e: ProjectedEvent, o: ReplayOptions<unknown>): boolean => {
  if (o.asOf !== undefined && e.metadata.effectiveOn > o.asOf) return false;
  if (o.asKnownAt === undefined) return true;
  if (e.position === undefined) {
    throw new RangeError(`event ${e.metadata.eventId} has no position: asKnownAt needs positions`);
  }
  return comparePositions(e.position, o.asKnownAt) <= 0;
};

/**
 * Folds events into a projection's state, one at a time, keeping those the options select:
 * `asOf` (effective on or before a date) and `asKnownAt` (recorded at or before a position).
 * @example const books = replay(combine({ books: booksProjection() }), events, { asOf })
 */
export const replay = <S>(
  p: Projection<S>, events: Iterable<ProjectedEvent>, options: ReplayOptions<S> = {},
): S => {
  let state = options.state ?? p.initialState();
  const filtered = options.asOf !== undefined || options.asKnownAt !== undefined;
  for (const e of events) {
    if (filtered && !selected(e, options)) continue;
    state = p.apply(state, e);
  }
  return state;
};

/** As `replay`, over events read asynchronously (a store's `readAll`). */
export const replayAsync = async <S>(
  p: Projection<S>, events: AsyncIterable<ProjectedEvent>, options: ReplayOptions<S> = {},
): Promise<S> => {
  let state = options.state ?? p.initialState();
  for await (const e of events) {
    if (selected(e, options)) state = p.apply(state, e);
  }
  return state;
};
