import type { RecordedEvent } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/**
 * What the runner needs of a projection: the shape of `Projection` in @usha/projections (a
 * `combine(...)` of projections is one), stated here so the runner depends on the shape only.
 * `apply` may update the state in place; `serialize` gives JSON that `deserialize` reads back.
 */
export interface RunnableProjection<S> {
  readonly name: string;
  readonly version: number;
  initialState(): S;
  apply(state: S, event: RecordedEvent<LedgerEvent>): S;
  serialize(state: S): unknown;
  deserialize(json: unknown): S;
}
