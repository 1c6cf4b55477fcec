import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { byTag } from './shared/shape.ts';
import { EventMetadata, type DomainEnvelope } from './shared/metadata.ts';
import { reportErrors, type FieldError } from './shared/reportErrors.ts';
import { memberEvents, type MemberEvent } from './member/events.ts';
import { shareEvents, type ShareEvent } from './shares/events.ts';
import { depositEvents, type DepositEvent } from './deposit/events.ts';
import { loanEvents, type LoanEvent } from './loan/events.ts';
import { societyEvents, type SocietyEvent } from './society/events.ts';
import { staffEvents, type StaffEvent } from './staff/events.ts';
import { approvalEvents, type ApprovalEvent } from './staff/approval/events.ts';
import {
  standingInstructionEvents, type StandingInstructionEvent,
} from './standingInstruction/events.ts';
import { branchEvents, type BranchEvent } from './branch/events.ts';
import { coordinationEvents, type CoordinationEvent } from './coordination/events.ts';
import { schemaVersionOf, upcast } from './upcasting/registry.ts';

/** Every event codec, by type. EventReversed is shared by shares, deposit and loan streams. */
export const eventCodecs = {
  ...memberEvents, ...shareEvents, ...depositEvents, ...loanEvents, ...societyEvents,
  ...staffEvents, ...approvalEvents, ...standingInstructionEvents,
  ...branchEvents, ...coordinationEvents,
} as const;

/** Every event type. */
export type DomainEventType = keyof typeof eventCodecs;
/** Any event of the domain. */
export type DomainEvent = MemberEvent | ShareEvent | DepositEvent | LoanEvent | SocietyEvent
  | StaffEvent | ApprovalEvent | StandingInstructionEvent | BranchEvent | CoordinationEvent;
/** The codec of any event, decoded by its `type`. */
export const DomainEvent: t.Type<DomainEvent, unknown, unknown> =
  byTag('DomainEvent', 'type', eventCodecs);

/** Every event type, in catalogue order. */
export const domainEventTypes = Object.keys(eventCodecs);

/** An event that could not be decoded: names the stream, revision, event type and fields. */
export class EventDecodeError extends Error {
  override readonly name = 'EventDecodeError';
  constructor(
    readonly stream: string | undefined,
    readonly revision: bigint | undefined,
    readonly eventType: unknown,
    readonly fields: ReadonlyArray<FieldError>,
  ) {
    const where = [
      stream === undefined ? undefined : `stream ${stream}`,
      revision === undefined ? undefined : `revision ${revision}`,
      `event ${typeof eventType === 'string' ? eventType : JSON.stringify(eventType)}`,
    ].filter((x) => x !== undefined).join(', ');
    super(`${where}: ${fields.map((f) => f.message).join('; ')}`);
  }
}

const field = (path: string, message: string): FieldError =>
  ({ path, expected: '', got: '', message: `${path}: ${message}` });

/**
 * Decodes a stored event: its metadata, then its data upcast from the stored schema version to
 * the current one. The envelope returned carries the current schema version.
 */
export const decodeDomainEvent = (
  stored: { readonly type: unknown; readonly data: unknown; readonly metadata: unknown },
  where: { readonly stream?: string; readonly revision?: bigint } = {},
): E.Either<EventDecodeError, DomainEnvelope<DomainEvent>> => {
  const fail = (fields: ReadonlyArray<FieldError>) =>
    E.left(new EventDecodeError(where.stream, where.revision, stored.type, fields));
  const metadata = EventMetadata.decode(stored.metadata);
  if (E.isLeft(metadata)) {
    return fail(reportErrors(metadata.left).map((f) => ({ ...f, path: `metadata.${f.path}`,
      message: `metadata.${f.message}` })));
  }
  const type = stored.type;
  if (typeof type !== 'string' || !Object.hasOwn(eventCodecs, type)) {
    return fail([field('type', `unknown event type ${JSON.stringify(type)}`)]);
  }
  const data = upcast(type, metadata.right.schemaVersion, stored.data, metadata.right);
  if (E.isLeft(data)) return fail([field('metadata.schemaVersion', data.left)]);
  const event = DomainEvent.decode({ type, data: data.right });
  if (E.isLeft(event)) return fail(reportErrors(event.left));
  return E.right({
    ...event.right, metadata: { ...metadata.right, schemaVersion: schemaVersionOf(type) },
  });
};

/** The JSON-ready form of an event (amounts and dates are already strings). */
export const encodeDomainEvent = (e: DomainEvent): unknown => DomainEvent.encode(e);
