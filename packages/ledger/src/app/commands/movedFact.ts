import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { FactSource } from './factSource.ts';

// A stream's last revision in the store (undefined: no such stream): one event read back.
// A store may ignore the not-found hint and throw (EventStoreDB does): that is "none" too.
const lastRevision = async (
  store: EventStore<LedgerEvent>, stream: string,
): Promise<bigint | undefined> => {
  try {
    for await (const e of store.readStream(stream, { direction: 'backwards',
      fromRevision: 'end', maxCount: 1, notFoundAsEmpty: true })) return e.revision;
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  return undefined;
};

/**
 * The first stream a decision's facts were read from that the store holds at another
 * revision now, or undefined when every one stands. A refusal stores nothing, so no append
 * condition checks its facts: this does, so that a fact held in memory (an index, the set-up
 * notes, a folded state) never decides a refusal another instance over the store would not.
 * The target is left out: it was read from the store right before the decision.
 */
export const movedFact = async (
  store: EventStore<LedgerEvent>, readFrom: ReadonlyArray<FactSource>, target: string,
): Promise<string | undefined> => {
  // Read once per stream: a stream read at two revisions (see appendDecided) moved at one.
  const last = new Map<string, bigint | undefined>();
  for (const { stream, revision } of readFrom) {
    if (stream === target) continue;
    if (!last.has(stream)) last.set(stream, await lastRevision(store, stream));
    if (last.get(stream) !== revision) return stream;
  }
  return undefined;
};
