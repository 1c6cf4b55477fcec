import * as t from 'io-ts';
import { AccountId } from '../shared/ids.ts';
import { DateString, MoneyString, oneOf } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { InstructionId } from './instructionId.ts';

/** What a standing instruction pays: a recurring deposit's instalment or a loan's. */
export const InstructionKind = oneOf('InstructionKind',
  ['rd-instalment', 'loan-instalment'] as const);
export type InstructionKind = t.TypeOf<typeof InstructionKind>;

/**
 * Why an instruction's transfer was refused: the tag of the rejection met (a lower-case word
 * with underscores), never free text, which could carry a name into the log. A value of
 * another shape is withheld from the error (errors get logged); its length is told instead.
 */
export const RefusalReason = new t.Type<string, string, unknown>('RefusalReason',
  (u): u is string => typeof u === 'string' && /^[a-z][a-z_]{0,59}$/.test(u),
  (u, c) => typeof u === 'string' && /^[a-z][a-z_]{0,59}$/.test(u) ? t.success(u)
    : t.failure(typeof u === 'string' ? `(withheld: ${u.length} characters)` : u, c,
      'expected a rejection tag (lower-case letters and _)'),
  t.identity);

/**
 * A member instructed a recurring transfer from her savings account: from `startOn`, through
 * `endOn` if given, on each due date of what `toAccountId` names (the recurring deposit's
 * account id, or the loan's id for a loan instalment).
 */
export const StandingInstructionGiven = eventCodec('StandingInstructionGiven', {
  instructionId: InstructionId, fromAccountId: AccountId, toAccountId: AccountId,
  what: InstructionKind, startOn: DateString, endOn: t.union([DateString, t.null]),
  on: DateString,
});
export type StandingInstructionGiven = t.TypeOf<typeof StandingInstructionGiven>;

/** The instruction is paused: due dates from `on` are passed over until it is resumed. */
export const StandingInstructionPaused = eventCodec('StandingInstructionPaused', {
  instructionId: InstructionId, on: DateString,
});
export type StandingInstructionPaused = t.TypeOf<typeof StandingInstructionPaused>;

/** The instruction runs again from `on`; due dates passed over while paused stay passed. */
export const StandingInstructionResumed = eventCodec('StandingInstructionResumed', {
  instructionId: InstructionId, on: DateString,
});
export type StandingInstructionResumed = t.TypeOf<typeof StandingInstructionResumed>;

/** The instruction ends for good on `on`. */
export const StandingInstructionCancelled = eventCodec('StandingInstructionCancelled', {
  instructionId: InstructionId, on: DateString,
});
export type StandingInstructionCancelled = t.TypeOf<typeof StandingInstructionCancelled>;

/** The due date `on` was paid: `amount` moved (by the withdrawal and payment beside it). */
export const StandingInstructionExecuted = eventCodec('StandingInstructionExecuted', {
  instructionId: InstructionId, on: DateString, amount: MoneyString,
});
export type StandingInstructionExecuted = t.TypeOf<typeof StandingInstructionExecuted>;

/** The due date `on` was not paid: `amount` was due and `reason` stopped it (balance short). */
export const StandingInstructionRefused = eventCodec('StandingInstructionRefused', {
  instructionId: InstructionId, on: DateString, amount: MoneyString, reason: RefusalReason,
});
export type StandingInstructionRefused = t.TypeOf<typeof StandingInstructionRefused>;

/** The events of a standing instruction's stream, by type. */
export const standingInstructionEvents = {
  StandingInstructionGiven, StandingInstructionPaused, StandingInstructionResumed,
  StandingInstructionCancelled, StandingInstructionExecuted, StandingInstructionRefused,
} as const;
export type StandingInstructionEvent = StandingInstructionGiven | StandingInstructionPaused
  | StandingInstructionResumed | StandingInstructionCancelled | StandingInstructionExecuted
  | StandingInstructionRefused;
