import type { Command } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CommandRef } from './commandIndex.ts';
import type { Accepted } from './outcome.ts';

/** The outcome of a command stored earlier, read back from its stream: a duplicate. */
export const originalOutcome = async (
  store: EventStore<LedgerEvent>, c: Command, ref: CommandRef,
): Promise<Accepted> => {
  const events = [];
  for await (const e of store.readStream(ref.stream,
    { fromRevision: ref.firstRevision, maxCount: ref.count })) events.push(e);
  const last = events[events.length - 1];
  if (last === undefined) throw new Error(`command ${ref.commandId}: its events are gone`);
  return {
    status: 'accepted', commandId: ref.commandId, commandType: c.type, stream: ref.stream,
    events: events.map((e) => ({ eventId: e.eventId, revision: e.revision, event: e })),
    revision: last.revision, position: last.position, duplicate: true,
  };
};
