import type { EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** The position of the last event in the store now, or undefined for an empty store. */
export const headPosition = async (
  store: EventStore<LedgerEvent>,
): Promise<Position | undefined> => {
  for await (const e of store.readAll({ from: 'end', direction: 'backwards', maxCount: 1 })) {
    return e.position;
  }
  return undefined;
};
