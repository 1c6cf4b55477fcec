import * as t from 'io-ts';
import { CommandId, isOpaqueId } from '../shared/ids.ts';
import { DateString } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';

// An opaque id that is no aggregate's: a society's or a member of staff's (SetUpNoted), a
// Ledger instance's (ProcessClaimed).
const OpaqueName = new t.Type<string, string, unknown>('OpaqueName',
  (u): u is string => typeof u === 'string' && isOpaqueId(u),
  (u, c) => typeof u === 'string' && isOpaqueId(u) ? t.success(u) : t.failure(u, c),
  (s) => s);

// An instant as ISO 8601 in UTC with milliseconds ("2026-12-05T10:00:00.000Z"), as
// `Date.prototype.toISOString` writes it: the clock of the app that claimed, never the domain's.
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const Instant = new t.Type<string, string, unknown>('Instant',
  (u): u is string => typeof u === 'string' && instant.test(u)
    && !Number.isNaN(Date.parse(u)),
  (u, c) => typeof u === 'string' && instant.test(u) && !Number.isNaN(Date.parse(u))
    ? t.success(u) : t.failure(u, c),
  (s) => s);

/**
 * A society's first configuration, or the log's first staff appointment, is about to be
 * stored: noted on the log's one set-up stream first, so that a decision taken while the log
 * held neither (conditioned on that stream) is refused and taken again once it does.
 */
export const SetUpNoted = eventCodec('SetUpNoted', {
  kind: t.keyof({ society: null, staff: null }),
  id: OpaqueName,
  /** The business date of the configuration or appointment. */
  on: DateString,
});
export type SetUpNoted = t.TypeOf<typeof SetUpNoted>;

/**
 * A Ledger instance claimed an unfinished process to complete it, until `leaseUntil`: the
 * claim stream's expected revision lets one claim win; a claim whose lease has run out may be
 * taken over by another instance.
 */
export const ProcessClaimed = eventCodec('ProcessClaimed', {
  processId: CommandId,
  claimant: OpaqueName,
  leaseUntil: Instant,
  /** The business date of the process's request. */
  on: DateString,
});
export type ProcessClaimed = t.TypeOf<typeof ProcessClaimed>;

/** The events that coordinate Ledger instances over one store, by type. */
export const coordinationEvents = { SetUpNoted, ProcessClaimed } as const;
export type CoordinationEvent = SetUpNoted | ProcessClaimed;

/** `ledger-setup`: the log's one set-up stream (SetUpNoted). */
export const setUpStream = 'ledger-setup';
/** `process-<processId>`: the claims on one process (ProcessClaimed). */
export const processClaimStream = (processId: CommandId): string => `process-${processId}`;
