import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  CommandId, decodeDomainEvent, encodeDomainEvent, eventCodecs, EventMetadata, schemaVersionOf,
  type DomainEnvelope, type DomainEvent,
} from '@usha/domain';
import type { EventSchema, StoredForm } from '../../eventStore/eventSchema.ts';
import { ioTsFailures, type FieldFailure } from '../../eventStore/fieldPath.ts';
import { ProcessRecord } from '../processes/processRecord.ts';

/**
 * What the Ledger adds to the domain's metadata on every event it stores: the command's type
 * and the hash of its canonical request, so that a retry, even after a restart, is recognised
 * from the log alone; and, for a step of a process, the process's id, on its first step the
 * process and its request (`process`), and on its last step `processEnd`.
 */
export const CommandRecord = t.intersection([
  t.type({ commandType: t.string, commandHash: t.string }),
  t.partial({ processId: CommandId, process: ProcessRecord, processEnd: t.literal(true) }),
], 'CommandRecord');
export type CommandRecord = t.TypeOf<typeof CommandRecord>;

/** The metadata of a stored event: the domain's, plus the command record. */
export type LedgerMetadata = EventMetadata & CommandRecord;

/** An event as the Ledger stores it: a domain event with its metadata. */
export type LedgerEvent = DomainEnvelope<DomainEvent> & { readonly metadata: LedgerMetadata };

const dataOf = (encoded: unknown): unknown =>
  typeof encoded === 'object' && encoded !== null ? Reflect.get(encoded, 'data') : undefined;

// Keys in sorted order, as the canonical text has them: the store then writes this object as
// it stands, without a sorted copy (the stored text is the same either way).
const encodeMetadata = (m: LedgerMetadata): Record<string, unknown> =>
  // A plain command's metadata (the usual case) as one literal, without the spreads.
  m.process === undefined && m.processEnd === undefined && m.processId === undefined ? {
    actor: m.actor, commandHash: m.commandHash, commandId: m.commandId,
    commandType: m.commandType, effectiveOn: m.effectiveOn, eventId: m.eventId,
    schemaVersion: m.schemaVersion,
  } : {
    actor: m.actor, commandHash: m.commandHash, commandId: m.commandId,
    commandType: m.commandType, effectiveOn: m.effectiveOn, eventId: m.eventId,
    ...(m.process === undefined ? {} : { process: ProcessRecord.encode(m.process) }),
    ...(m.processEnd === undefined ? {} : { processEnd: m.processEnd }),
    ...(m.processId === undefined ? {} : { processId: m.processId }),
    schemaVersion: m.schemaVersion,
  };

// How the data of an event of each type is checked. The domain's event codecs are closed
// `{ type: literal, data }` objects (its `eventCodec`): an event `{ type, data }` of the type
// is valid exactly when its data is, so the data codec alone is asked, and no `{ type, data }`
// object is made for the whole codec. A codec of another shape is asked whole.
const propOf = (codec: t.Mixed, key: string): unknown => {
  const props: unknown = Reflect.get(codec, 'props');
  return typeof props === 'object' && props !== null && Object.keys(props).length === 2
    ? Reflect.get(props, key) : undefined;
};
const dataCheckOf = (type: string, codec: t.Mixed): ((data: unknown) => boolean) => {
  const typeCodec = propOf(codec, 'type');
  const dataCodec = propOf(codec, 'data');
  if (typeCodec instanceof t.LiteralType && typeCodec.value === type
    && dataCodec instanceof t.Type) {
    return (data) => dataCodec.is(data);
  }
  return (data) => codec.is({ type, data });
};
const dataChecks: ReadonlyMap<string, (data: unknown) => boolean> = new Map(
  Object.entries(eventCodecs).map(([type, codec]) => [type, dataCheckOf(type, codec)]));
const isEventOfType = (type: string, u: { readonly data: unknown }): u is DomainEvent =>
  dataChecks.get(type)?.(u.data) === true;

/**
 * An event stored at its type's current schema version, checked with the codecs' `is`: the
 * domain's codecs decode a value their `is` accepts to that same value, and no upcaster runs
 * at the current version, so this is what the full decode returns, at a fraction of its
 * cost (it builds an io-ts context per field). Undefined: take the full decode, which upcasts
 * and names the field at fault. A process record (a codec of its own) always takes it.
 */
export const currentLedgerEvent = (stored: StoredForm): LedgerEvent | undefined => {
  const { type, metadata } = stored;
  if (!EventMetadata.is(metadata) || !CommandRecord.is(metadata)) return undefined;
  if (metadata.process !== undefined || metadata.schemaVersion !== schemaVersionOf(type)) {
    return undefined;
  }
  const event = { type, data: stored.data, metadata: { ...metadata } };
  return isEventOfType(type, event) ? event : undefined;
};

/** The full decode of a stored event: upcast to the current version, every field decoded. */
export const decodeLedgerEvent = (stored: StoredForm): E.Either<FieldFailure, LedgerEvent> => {
  const domain = decodeDomainEvent(stored);
  if (E.isLeft(domain)) {
    const f = domain.left.fields[0];
    return E.left({ field: f?.path ?? '', message: f?.message ?? domain.left.message });
  }
  const record = CommandRecord.decode(stored.metadata);
  if (E.isLeft(record)) {
    const f = ioTsFailures(record.left)[0];
    return E.left({ field: `metadata.${f?.field ?? ''}`, message: f?.message ?? 'invalid' });
  }
  const { processId, process, processEnd } = record.right;
  const metadata: LedgerMetadata = {
    ...domain.right.metadata, commandType: record.right.commandType,
    commandHash: record.right.commandHash, ...(processId === undefined ? {} : { processId }),
    ...(process === undefined ? {} : { process }),
    ...(processEnd === undefined ? {} : { processEnd }),
  };
  return E.right({ ...domain.right, metadata });
};

/**
 * The schema the Ledger opens stores with: the domain catalogue (upcasting old schema
 * versions on read) and the command record in metadata.
 */
export const ledgerEventSchema: EventSchema<LedgerEvent> = {
  decode: (stored) => {
    const current = currentLedgerEvent(stored);
    if (current !== undefined) return E.right(current);
    return decodeLedgerEvent(stored);
  },
  encode: (event) => ({
    type: event.type,
    data: dataOf(encodeDomainEvent(event)),
    metadata: encodeMetadata(event.metadata),
  }),
};

/** A stored event as the Ledger's indexes see it: the event, its stream and revision. */
export type StreamEvent = LedgerEvent & { readonly stream: string; readonly revision: bigint };
