import { EventIdConflictError } from './errors.ts';
import type { AppendResult } from './port.ts';
import type { Position } from './position.ts';
import {
  dataJsonOf, eventContentKey, metadataJsonOf, type PreparedEvent,
} from './prepareAppend.ts';

/** What a store knows of an event id already in the stream. */
export interface StoredRef {
  /**
   * The stream that holds it, where a store keeps event ids unique across streams and found
   * the id in another one; undefined means the stream asked about.
   */
  readonly stream?: string;
  readonly revision: bigint;
  readonly position: Position;
  /** The stored event's `eventContentKey`; may read it back from disk. */
  readonly contentKey: () => string | Promise<string>;
}

/**
 * Decides whether an append repeats one already stored. None of its ids stored: `'new'`.
 * All of them stored, in order, with the same content: the original result (a no-op).
 * Anything else is a conflict: the same id with other content, or part of an earlier append,
 * or (where the store keeps ids unique across streams) an id stored in another stream.
 */
export const detectRetry = async (
  stream: string,
  events: readonly PreparedEvent[],
  lookup: (eventId: string) => StoredRef | undefined | Promise<StoredRef | undefined>,
): Promise<'new' | AppendResult | EventIdConflictError> => {
  const refs = await Promise.all(events.map((e) => lookup(e.eventId)));
  if (refs.every((r) => r === undefined)) return 'new';
  for (const [i, ref] of refs.entries()) {
    if (ref?.stream !== undefined && ref.stream !== stream) {
      return new EventIdConflictError(stream, events[i]?.eventId ?? '',
        `already stored in stream ${ref.stream} at revision ${ref.revision}`);
    }
  }
  const partial = 'stored by an earlier append; a retry must repeat that append exactly';
  const firstStored = events.find((_, i) => refs[i] !== undefined);
  const first = refs[0];
  if (first === undefined)
    return new EventIdConflictError(stream, firstStored?.eventId ?? '', partial);
  for (const [i, event] of events.entries()) {
    const ref = refs[i];
    if (ref === undefined || ref.revision !== first.revision + BigInt(i)) {
      return new EventIdConflictError(stream, firstStored?.eventId ?? event.eventId, partial);
    }
    const key = eventContentKey(event.type, dataJsonOf(event), metadataJsonOf(event));
    if ((await ref.contentKey()) !== key) {
      const detail = `already stored at revision ${ref.revision} with different content`;
      return new EventIdConflictError(stream, event.eventId, detail);
    }
  }
  const last = refs[refs.length - 1];
  if (last === undefined) return 'new';
  return { nextExpectedRevision: last.revision, position: last.position };
};
