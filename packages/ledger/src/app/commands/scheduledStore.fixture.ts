// A store whose every read and append waits for fast-check's scheduler, so that a property
// test chooses how several writers over one store interleave.
import type fc from 'fast-check';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** `store` with each append and stream read waiting for `s`; `name` labels them in a report. */
export const scheduledStore = (
  s: fc.Scheduler, store: EventStore<LedgerEvent>, name = '',
): EventStore<LedgerEvent> => {
  const label = name === '' ? '' : `${name} `;
  return {
    ...store,
    appendToStream: (stream, events, o) =>
      s.schedule(Promise.resolve(), `${label}append ${stream}`).then(() =>
        store.appendToStream(stream, events, o)),
    readStream: (stream, o) => (async function* () {
      await s.schedule(Promise.resolve(), `${label}read ${stream}`);
      yield* store.readStream(stream, o);
    })(),
  };
};
