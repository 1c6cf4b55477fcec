import { comparePositions, type LogPosition, type ProjectedEvent } from './core/projectedEvent.ts';
import { isBusinessDate } from '@usha/domain';
import type { Projection } from './projection.ts';

/** A replay's option of the wrong kind: the field and why. */
export class ReplayOptionsError extends TypeError {
  override readonly name = 'ReplayOptionsError';
  constructor(readonly field: string, readonly reason: string) {
    super(`replay option ${field}: ${reason}`);
  }
}

// Each filter read once and checked: a date of another kind was compared as a string (a symbol
// threw, a number filtered nothing), a position of another kind compared nothing.
const checked = <S>(o: unknown): ReplayOptions<S> => {
  if (o === undefined) return {};
  if (o === null || typeof o !== 'object') throw new ReplayOptionsError('', 'not an object');
  let asOf: unknown;
  let asKnownAt: unknown;
  let state: unknown;
  try {
    asOf = Reflect.get(o, 'asOf');
    asKnownAt = Reflect.get(o, 'asKnownAt');
    state = Reflect.get(o, 'state');
  } catch {
    throw new ReplayOptionsError('', 'could not be read');
  }
  if (asOf !== undefined && !isBusinessDate(asOf)) {
    throw new ReplayOptionsError('asOf', 'not a business date (YYYY-MM-DD)');
  }
  let at: LogPosition | undefined;
  if (asKnownAt !== undefined) {
    const commit: unknown = typeof asKnownAt === 'object' && asKnownAt !== null
      ? Reflect.get(asKnownAt, 'commit') : undefined;
    const prepare: unknown = typeof asKnownAt === 'object' && asKnownAt !== null
      ? Reflect.get(asKnownAt, 'prepare') : undefined;
    if (typeof commit !== 'bigint' || typeof prepare !== 'bigint') {
      throw new ReplayOptionsError('asKnownAt', 'not a log position');
    }
    at = { commit, prepare };
  }
  return { ...asOf === undefined ? {} : { asOf }, ...at === undefined ? {} : { asKnownAt: at },
    ...state === undefined ? {} : { state: state as S } };
};

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
  p: Projection<S>, events: Iterable<ProjectedEvent>, given: ReplayOptions<S> = {},
): S => {
  const options = checked<S>(given);
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
  p: Projection<S>, events: AsyncIterable<ProjectedEvent>, given: ReplayOptions<S> = {},
): Promise<S> => {
  const options = checked<S>(given);
  let state = options.state ?? p.initialState();
  for await (const e of events) {
    if (selected(e, options)) state = p.apply(state, e);
  }
  return state;
};
