import type { EventStore } from '../../eventStore/port.ts';
import { comparePosition, type Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { QueryRequestError, positionOf } from '../reports/queryRequest.ts';
import { headPosition } from './headPosition.ts';

/**
 * A position a caller waits for, read once into a copy: one of an event stored (at or before
 * the log's last event now), else QueryRequestError naming the method and field. Waiting for a
 * position no event holds would never end.
 */
export const storedPosition = async (
  store: EventStore<LedgerEvent>, method: string, field: string, u: unknown,
): Promise<Position> => {
  let p: Position | undefined;
  try {
    p = positionOf(u);
  } catch {
    p = undefined;
  }
  if (p === undefined) throw new QueryRequestError(method, `${field}: not a log position`);
  const head = await headPosition(store);
  if (head === undefined || comparePosition(p, head) > 0) {
    throw new QueryRequestError(method, `${field}: after the log's last event`);
  }
  return p;
};
