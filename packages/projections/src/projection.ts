import type { ResolvedEvent } from './core/projectedEvent.ts';

/**
 * A projection: a pure, incremental fold over events. `apply` may update the state it is given
 * in place and return it (the projection owns its state: nothing else holds a reference), so a
 * caller keeps only the state returned. `serialize` gives a JSON-ready value that `deserialize`
 * turns back into an equal state, so a replay can be checkpointed and resumed. `version` changes
 * whenever what the projection computes changes: a state of another version is rebuilt by
 * replaying from the start. Run projections through `combine` (redeliveries, reversals).
 */
export interface Projection<S> {
  readonly name: string;
  readonly version: number;
  initialState(): S;
  apply(state: S, event: ResolvedEvent): S;
  serialize(state: S): unknown;
  deserialize(json: unknown): S;
}

/** A checkpoint of another projection or version: rebuild it by replaying from the start. */
export class ProjectionVersionError extends Error {
  override readonly name = 'ProjectionVersionError';
  constructor(readonly expected: string, readonly got: string) {
    super(`checkpoint is of ${got}, this projection is ${expected}: replay from the start`);
  }
}

/** A checkpoint whose shape is not that of the projection's state. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
  constructor(readonly projection: string, readonly detail: string) {
    super(`${projection}: not a checkpoint of this projection: ${detail}`);
  }
}

const label = (name: string, version: number) => `${name}@${version}`;

/** A state as checkpoint text: the projection's name and version, and the state. */
export const checkpoint = <S>(p: Projection<S>, state: S): string =>
  JSON.stringify({ projection: label(p.name, p.version), state: p.serialize(state) });

/** A state from checkpoint text; throws ProjectionVersionError for another version. */
export const restore = <S>(p: Projection<S>, text: string): S => {
  const json: unknown = JSON.parse(text);
  const got: unknown = typeof json === 'object' && json !== null
    ? Reflect.get(json, 'projection') : undefined;
  if (got !== label(p.name, p.version)) {
    throw new ProjectionVersionError(label(p.name, p.version), String(got));
  }
  return p.deserialize(Reflect.get(Object(json), 'state'));
};
