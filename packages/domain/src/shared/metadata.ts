import * as t from 'io-ts';
import { CommandId, EventId, UserId } from './ids.ts';
import { DateString, SchemaVersion } from './codecs.ts';

/**
 * What the application layer attaches to each decided event when it stores it. Deciders return
 * bare `{ type, data }`; the metadata says who, which command, and which schema version.
 */
export const EventMetadata = t.type({
  eventId: EventId,
  commandId: CommandId,
  actor: UserId,
  effectiveOn: DateString,
  schemaVersion: SchemaVersion,
}, 'EventMetadata');
export type EventMetadata = t.TypeOf<typeof EventMetadata>;

/**
 * An event as stored: the event `{ type, data }` with its metadata. Distributes over a union,
 * so an envelope narrows by `type` and can be handed to `evolve` as it is.
 */
export type DomainEnvelope<E extends { readonly type: string; readonly data: unknown }> =
  E & { readonly metadata: EventMetadata };
