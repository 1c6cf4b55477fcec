import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { EventStore } from '../../eventStore/port.ts';
import {
  comparePosition, positionFromString, positionToString, type Position,
} from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CheckpointStore } from './checkpointStore.ts';
import { checkpointStoreOf, methodsOf, projectionOf } from '../optionValues.ts';
import { readOptionFields } from '../../eventStore/storeOptionFields.ts';
import type { RunnableProjection as Projection } from './runnableProjection.ts';

/** Runs one projection (usually `combine(...)` of several) over the store's global feed. */
export interface ProjectionRunner<S> {
  /** Loads the checkpoint and starts following the feed; resolves once it is running. */
  readonly start: () => Promise<void>;
  /** The projection's state now (do not keep it: the runner goes on updating it). */
  readonly state: () => S;
  /** The position of the last event applied, or undefined before the first. */
  readonly position: () => Position | undefined;
  /**
   * Resolves once every event up to `position` (inclusive) has been applied; rejects with the
   * feed's failure, or ProjectionRunnerStoppedError if the runner stops first.
   */
  readonly waitFor: (position: Position) => Promise<void>;
  /**
   * Resolves once the runner has read everything stored when it started; rejects like
   * `waitFor` if the feed fails or the runner stops first.
   */
  readonly caughtUp: () => Promise<void>;
  /** Saves a checkpoint now. */
  readonly checkpoint: () => Promise<void>;
  /** Stops following the feed and saves a checkpoint. */
  readonly stop: () => Promise<void>;
}

export interface ProjectionRunnerOptions<S> {
  /** The feed followed (a store's `subscribeToAll`: nothing else of it is read). */
  readonly store: Pick<EventStore<LedgerEvent>, 'subscribeToAll'>;
  readonly projection: Projection<S>;
  /**
   * Where the checkpoint is kept. Omitted: none is kept, the projection is rebuilt at every
   * start, and its state is never serialized (a save costs a pass over the whole state).
   */
  readonly checkpoints?: CheckpointStore;
  /**
   * Save a checkpoint after at least this many events (and whenever the runner catches up, and
   * on stop); more as the state grows, see `checkpointCharsPerEvent`.
   */
  readonly checkpointEveryEvents?: number;
  /**
   * The next save waits one event for each this many characters of the last checkpoint (256 by
   * default): serializing costs as much as the state is large, so a save every fixed number of
   * events costs, over a long catch-up, the square of the log; spread over events that grow
   * with the state it costs about this many characters an event applied. Fewer saves cost less
   * and leave a longer catch-up after a crash: 256 characters cost about a quarter of applying
   * an event to the report projections, and the catch-up after a crash about four saves.
   */
  readonly checkpointCharsPerEvent?: number;
}

/** Options of `createProjectionRunner` it cannot use, naming the field. */
export class ProjectionRunnerOptionsError extends TypeError {
  override readonly name = 'ProjectionRunnerOptionsError';
  constructor(readonly field: string, readonly reason: string) {
    super(field === '' ? `createProjectionRunner options: ${reason}`
      : `createProjectionRunner option ${field}: ${reason}`);
  }
}

const refuse = (field: string, reason: string): never => {
  throw new ProjectionRunnerOptionsError(field, reason);
};

// A whole number from 1 to `max`, or the default when undefined.
const countOf = (field: string, v: unknown, byDefault: number, max: number): number => {
  if (v === undefined) return byDefault;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= max ? v
    : refuse(field, `not a whole number from 1 to ${max}`);
};

/**
 * The options read once and checked (ProjectionRunnerOptionsError): the feed and projection of
 * their shape, their methods read once; the counts whole numbers (NaN never saved before).
 */
const runnerOptions = <S>(given: unknown) => {
  const o = readOptionFields(given, ['store', 'projection', 'checkpoints',
    'checkpointEveryEvents', 'checkpointCharsPerEvent'], refuse);
  const projection = projectionOf<S>(o.projection, refuse)
    ?? refuse('projection', 'required');
  return {
    // The feed's one method, checked and read once, called on the store given.
    store: methodsOf(o.store, 'store', ['subscribeToAll'], refuse) as unknown as
      Pick<EventStore<LedgerEvent>, 'subscribeToAll'>,
    projection,
    checkpoints: checkpointStoreOf(o.checkpoints, 'checkpoints', refuse),
    checkpointEveryEvents: countOf('checkpointEveryEvents', o.checkpointEveryEvents, 1000,
      1_000_000_000),
    checkpointCharsPerEvent: countOf('checkpointCharsPerEvent', o.checkpointCharsPerEvent, 256,
      1_000_000_000),
  };
};

/** The events to apply before the next save, after a checkpoint of `chars` characters. */
export const eventsBeforeNextSave = (
  o: { readonly everyEvents: number; readonly charsPerEvent: number; readonly chars: number },
): number => Math.max(o.everyEvents, Math.ceil(o.chars / o.charsPerEvent));

const Saved = t.type({
  projection: t.string, position: t.union([t.string, t.null]), state: t.unknown,
});

interface Waiter { readonly at: Position; readonly resolve: () => void;
  readonly reject: (e: unknown) => void }
interface Pending { readonly resolve: () => void; readonly reject: (e: unknown) => void }

/**
 * Why a wait on a runner can never be met: it was stopped, or its feed ended, before the
 * position (or the catch-up) waited for was reached.
 */
export class ProjectionRunnerStoppedError extends Error {
  override readonly name = 'ProjectionRunnerStoppedError';
  constructor(readonly projection: string, readonly waitedFor: string) {
    super(`projection ${projection} stopped before ${waitedFor}`);
  }
}

/**
 * Subscribes to the store's global feed from the stored checkpoint, feeds the projection, and
 * checkpoints as it goes. The state and the position of the last event in it are saved in one
 * write, so a restart resumes exactly after that event: nothing lost, nothing counted twice.
 * Saves are spaced by `eventsBeforeNextSave`: all of them together serialize a number of
 * characters linear in the events applied, and a crash costs a catch-up of at most that gap.
 * A checkpoint of another projection version is dropped and the projection rebuilt.
 */
export const createProjectionRunner = <S>(
  options: ProjectionRunnerOptions<S>,
): ProjectionRunner<S> => {
  const o = runnerOptions<S>(options);
  const everyEvents = o.checkpointEveryEvents;
  const charsPerEvent = o.checkpointCharsPerEvent;
  let every = everyEvents;
  const label = `${o.projection.name}@${o.projection.version}`;
  let state = o.projection.initialState();
  let at: Position | undefined;
  let sinceSave = 0;
  let waiters: Waiter[] = [];
  let failure: unknown;
  let caught = false;
  let ended = false;
  let onCaughtUp: Pending[] = [];
  const abort = new AbortController();
  let loop: Promise<void> = Promise.resolve();
  let saving: Promise<void> = Promise.resolve();

  const checkpoints = o.checkpoints;
  const load = async () => {
    if (checkpoints === undefined) return;
    const text = await checkpoints.load();
    if (text === undefined) return;
    // A state resumed is as large as its checkpoint: the first save waits as a later one would.
    every = eventsBeforeNextSave({ everyEvents, charsPerEvent, chars: text.length });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return; // not JSON (a file cut short, or another's): rebuilt from the start, as below
    }
    const saved = Saved.decode(json);
    // Another projection or version: rebuild from the start rather than trust its state.
    if (E.isLeft(saved) || saved.right.projection !== label) return;
    // A part of a combined projection at another version (ProjectionVersionError), or a state
    // its projection cannot read back: the same. A checkpoint is a cache; the log is the truth.
    try {
      state = o.projection.deserialize(saved.right.state);
    } catch {
      return;
    }
    const p = saved.right.position === null ? undefined : positionFromString(saved.right.position);
    at = p === undefined || E.isLeft(p) ? undefined : p.right;
  };

  const save = (): Promise<void> => {
    sinceSave = 0;
    // Nowhere to keep it: serializing would only cost time, growing with the state.
    if (checkpoints === undefined) return saving;
    const text = JSON.stringify({
      projection: label, position: at === undefined ? null : positionToString(at),
      state: o.projection.serialize(state),
    });
    every = eventsBeforeNextSave({ everyEvents, charsPerEvent, chars: text.length });
    saving = saving.then(() => checkpoints.save(text));
    return saving;
  };

  const settle = () => {
    if (waiters.length === 0) return;
    const now = at;
    const ready = waiters.filter((w) => now !== undefined && comparePosition(w.at, now) <= 0);
    if (ready.length === 0) return;
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  };

  const follow = async () => {
    const from = at ?? 'start';
    for await (const m of o.store.subscribeToAll({ from, signal: abort.signal })) {
      if (m.kind === 'caught-up') {
        caught = true;
        for (const f of onCaughtUp) f.resolve();
        onCaughtUp = [];
        await save();
        continue;
      }
      state = o.projection.apply(state, m.event);
      at = m.event.position;
      sinceSave += 1;
      settle();
      if (sinceSave >= every) await save();
    }
  };

  const start = async () => {
    await load();
    // Whichever way the feed ends, no wait is left pending: a wait that can no longer be met
    // is refused with the failure, or with ProjectionRunnerStoppedError.
    loop = follow().then(() => {
      ended = true;
      for (const w of waiters) w.reject(stopped(`position ${positionToString(w.at)}`));
      for (const f of onCaughtUp) f.reject(stopped('catching up'));
      waiters = [];
      onCaughtUp = [];
    }, (e: unknown) => {
      failure = e;
      ended = true;
      for (const w of waiters) w.reject(e);
      for (const f of onCaughtUp) f.reject(e);
      waiters = [];
      onCaughtUp = [];
    });
  };

  const stopped = (waitedFor: string) => new ProjectionRunnerStoppedError(label, waitedFor);

  const waitFor = (p: Position): Promise<void> => {
    if (failure !== undefined) return Promise.reject(failure);
    if (at !== undefined && comparePosition(p, at) <= 0) return Promise.resolve();
    if (ended) return Promise.reject(stopped(`position ${positionToString(p)}`));
    return new Promise((resolve, reject) => { waiters.push({ at: p, resolve, reject }); });
  };

  const caughtUp = (): Promise<void> => {
    if (caught) return Promise.resolve();
    if (failure !== undefined) return Promise.reject(failure);
    if (ended) return Promise.reject(stopped('catching up'));
    return new Promise((resolve, reject) => { onCaughtUp.push({ resolve, reject }); });
  };

  const stop = async () => {
    abort.abort();
    await loop;
    await save();
  };

  return {
    start, state: () => state, position: () => at, waitFor, caughtUp,
    checkpoint: save, stop,
  };
};
