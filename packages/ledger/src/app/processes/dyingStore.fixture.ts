// A store that dies partway: for tests of processes cut short, in the same process (the
// SIGKILL tests, killBetweenSteps.fixture.ts, kill a real child instead).
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** What an append past the store's death throws. */
export class Crash extends Error {}

/** `store`, but every append after the first `appends` throws, as if the process were killed. */
export const dyingAfter = (
  store: EventStore<LedgerEvent>, appends: number,
): EventStore<LedgerEvent> => {
  let left = appends;
  return { ...store, appendToStream: (stream, events, o) => {
    if (left <= 0) return Promise.reject(new Crash('killed'));
    left -= 1;
    return store.appendToStream(stream, events, o);
  } };
};
