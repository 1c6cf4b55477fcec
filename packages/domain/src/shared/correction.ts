import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { EventId, MemberId, isOpaqueId } from './ids.ts';
import { DateString, oneOf } from './codecs.ts';
import { commandCodec, eventCodec } from './shape.ts';
import type { Rejection } from './rejection.ts';
import { mapGet, mapSet, type PersistentMap } from './persistentMap.ts';

/** The aggregate a correction is addressed to. */
export const AggregateKindCodec = oneOf('AggregateKind',
  ['member', 'shares', 'deposit', 'loan', 'society'] as const);

/** The id of any aggregate: an opaque id. */
export const AggregateIdCodec = new t.Type<string, string, unknown>(
  'AggregateId',
  (u): u is string => typeof u === 'string' && isOpaqueId(u),
  (u, c) => typeof u === 'string' && isOpaqueId(u) ? t.success(u)
    : t.failure(u, c, 'expected an opaque id'),
  t.identity,
);

// A code, never free text: a note typed at a counter can carry a name.
/** Why an event is reversed. */
export const ReversalReason = oneOf('ReversalReason', [
  'entry_error', 'duplicate', 'wrong_account', 'wrong_amount', 'wrong_date', 'payment_bounced',
  'other',
  // A charge forgiven (maker-checker), not a mistake: the rule does not charge it again.
  'charge_waived',
] as const);
export type ReversalReason = t.TypeOf<typeof ReversalReason>;

/** A correction: reverses one earlier money event of the same stream, named by its id. */
export const EventReversed = eventCodec('EventReversed', {
  aggregate: AggregateKindCodec,
  aggregateId: AggregateIdCodec,
  memberId: MemberId,
  on: DateString,
  reversedEventId: EventId,
  reversedEventType: t.string,
  reason: ReversalReason,
});
export type EventReversed = t.TypeOf<typeof EventReversed>;

/** Reverse an earlier money event of an aggregate; routed by `aggregate` and `aggregateId`. */
export const ReverseEvent = commandCodec('ReverseEvent', {
  aggregate: AggregateKindCodec,
  aggregateId: AggregateIdCodec,
  eventId: EventId,
  reason: ReversalReason,
});
export type ReverseEvent = t.TypeOf<typeof ReverseEvent>;

/** What a state remembers of a reversible event. */
export interface PostingRecord {
  readonly eventType: string;
  readonly reversed: boolean;
}

/** The record of a posting that exists and has not been reversed, or why not. */
export const reversiblePosting = <P extends PostingRecord>(
  postings: PersistentMap<P>,
  eventId: string,
): E.Either<Rejection, P> => {
  const p = mapGet(postings, eventId);
  if (p === undefined) return E.left({ type: 'event_not_found', eventId });
  if (p.reversed) return E.left({ type: 'already_reversed', eventId });
  return E.right(p);
};

/** The postings with one marked reversed. */
export const markReversed = <P extends PostingRecord>(
  postings: PersistentMap<P>,
  eventId: string,
): PersistentMap<P> => {
  const p = mapGet(postings, eventId);
  return p === undefined ? postings : mapSet(postings, eventId, { ...p, reversed: true });
};
