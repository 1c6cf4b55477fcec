// The revisions of an append's condition streams, read from the server just before the
// append is sent. EventStoreDB checks an expected revision on one stream per append only, so
// the adapter declares `appendConditions: 'checked-before'`: a write to a condition stream that
// lands between these reads and the append goes unseen (see docs/reference/event-store.md).
import { isClientError } from './eventStoreClient.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import type { AppendCondition } from '@usha/ledger';
import { mapError } from './mapError.ts';

// Reads kept in flight at once: a dividend is decided on every member's share stream.
const readsAtOnce = 32;

// The last revision of one stream; undefined if it has no events. Read to the end (one event),
// not left early: a read abandoned midway stays open on the connection.
const lastRevision = async (client: EventStoreClient, stream: string,
  toServer: (stream: string) => string): Promise<bigint | undefined> => {
  let last: bigint | undefined;
  try {
    for await (const resolved of client.readStream(toServer(stream),
      { direction: 'backwards', fromRevision: 'end', maxCount: 1 })) {
      last = resolved.event?.revision ?? last;
    }
  } catch (e) {
    if (isClientError(e, 'stream-not-found')) return undefined;
    throw mapError(e, { stream, reading: true });
  }
  return last;
};

/** Each condition stream's revision now, by its port name (server names via `toServer`). */
export const conditionRevisions = async (
  client: EventStoreClient, conditions: readonly AppendCondition[],
  toServer: (stream: string) => string,
): Promise<Map<string, bigint | undefined>> => {
  const streams = [...new Set(conditions.map((c) => c.stream))];
  const found = new Map<string, bigint | undefined>();
  for (let i = 0; i < streams.length; i += readsAtOnce) {
    const slice = streams.slice(i, i + readsAtOnce);
    const revisions = await Promise.all(slice.map((s) => lastRevision(client, s, toServer)));
    slice.forEach((s, j) => found.set(s, revisions[j]));
  }
  return found;
};
