import { InvalidEventError } from './errors.ts';
import { decodesToPlainEvents, type EventSchema, type StoredForm } from './eventSchema.ts';
import type { EventShape, RecordedEvent } from './port.ts';
import type { Position } from './position.ts';

/** The parts of a stored event that are the store's, not the schema's. */
export interface RecordedFields {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly recordedAt: Date;
}

/** Decodes one stored event and adds the store's fields; see `decodeRecorded`. */
export type RecordedDecoder<E extends EventShape> = (
  fields: RecordedFields,
  stored: StoredForm,
) => RecordedEvent<E>;

/**
 * The decoder of a store's reads, chosen once per store. For a schema whose events are exactly
 * `{ type, data, metadata }` the recorded event is one object literal: `Object.assign` of the
 * event and the fields costs several times as much, and this runs for every event read (object
 * spread is slower still on Node 20).
 */
export const recordedDecoder = <E extends EventShape>(
  schema: EventSchema<E>,
): RecordedDecoder<E> => {
  const decode = (fields: RecordedFields, stored: StoredForm): E => {
    const decoded = schema.decode(stored);
    if (decoded._tag === 'Right') return decoded.right;
    const { field, message } = decoded.left;
    throw new InvalidEventError(fields.stream, fields.revision, stored.type, field, message);
  };
  if (!decodesToPlainEvents(schema)) {
    return (fields, stored) => Object.assign({}, decode(fields, stored), fields);
  }
  return (fields, stored) => {
    const e = decode(fields, stored);
    const recorded = {
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      eventId: fields.eventId,
      stream: fields.stream,
      revision: fields.revision,
      position: fields.position,
      recordedAt: fields.recordedAt,
    };
    // Sound for these schemas only: E has exactly the three fields copied here, and the schema
    // asserted E at its own boundary (see eventSchemaFromCodecs).
    return recorded as RecordedEvent<E>;
  };
};

/** Decodes a stored event with the schema; a failure names stream, revision, type and field. */
export const decodeRecorded = <E extends EventShape>(
  schema: EventSchema<E>,
  fields: RecordedFields,
  stored: StoredForm,
): RecordedEvent<E> => recordedDecoder(schema)(fields, stored);
