import * as t from 'io-ts';
import { LoanId, LoanIdInput, MemberId, ProductId, UserIdInput } from '../shared/ids.ts';
import {
  DateString, intBetween, PositiveCountInput, PositiveMoneyInput, RatePercent,
} from '../shared/codecs.ts';
import { MAX_COMMAND_COUNT } from '../money/limits.ts';
import { closed, commandCodec, commandFields } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { GuaranteesInput } from './guarantors.ts';
import { ReverseEvent } from '../shared/correction.ts';
import { ApplyCharges } from '../charges/commands.ts';
import { FeeReason, LoanRejectionReason, PenaltyReason, RescheduleKind } from './events.ts';

const loan = { loanId: LoanId };

/**
 * Record a member's application; the actor is the maker. `guarantors` (optional, none when
 * left out) names members who guarantee it, each from a savings account of her own.
 */
export const ApplyForLoan = closed({
  type: t.literal('ApplyForLoan'),
  data: closedWithOptional({
    ...commandFields,
    // A new loan id has the shape of an id; later commands name the loan as the log holds it.
    loanId: LoanIdInput, memberId: MemberId, productId: ProductId, principal: PositiveMoneyInput,
    repayments: PositiveCountInput, firstRepaymentOn: t.union([DateString, t.null]),
  }, { guarantors: GuaranteesInput }, 'ApplyForLoanData'),
}, 'ApplyForLoan');
export type ApplyForLoan = t.TypeOf<typeof ApplyForLoan>;

/** Approve an application for `principal` (at most what was applied for); the checker acts. */
export const ApproveLoan = commandCodec('ApproveLoan', { ...loan, principal: PositiveMoneyInput });
export type ApproveLoan = t.TypeOf<typeof ApproveLoan>;

/** Turn an application down. */
export const RejectLoan = commandCodec('RejectLoan', { ...loan, reason: LoanRejectionReason });
export type RejectLoan = t.TypeOf<typeof RejectLoan>;

/**
 * Pay the approved loan out on `on` and fix its schedule. `amount` (optional, all of the
 * approved principal when left out) is the first tranche of a product with `maxTranches` above
 * 1. `topUpOf` (optional) names an active loan of hers that this one pays off (a top-up).
 */
export const DisburseLoan = closed({
  type: t.literal('DisburseLoan'),
  data: closedWithOptional({ ...commandFields, ...loan },
    { amount: PositiveMoneyInput, topUpOf: LoanId }, 'DisburseLoanData'),
}, 'DisburseLoan');
export type DisburseLoan = t.TypeOf<typeof DisburseLoan>;

/** Pay out the next tranche, `amount`, of a multi-tranche loan; the schedule is recomputed. */
export const DisburseTranche = commandCodec('DisburseTranche', {
  ...loan, amount: PositiveMoneyInput,
});
export type DisburseTranche = t.TypeOf<typeof DisburseTranche>;

/** A number of repayment periods in a command: 0 to MAX_COMMAND_COUNT. */
const PeriodsInput = intBetween('PeriodsInput', 0, MAX_COMMAND_COUNT);

/** What a reschedule changes; a field left out stays as it was, and at least one is given. */
export const ScheduleChangeInput = closedWithOptional({}, {
  rateAnnualPercent: RatePercent, extraRepayments: PeriodsInput,
  moratoriumPeriods: PeriodsInput, interestOnlyPeriods: PeriodsInput,
}, 'ScheduleChangeInput');

/**
 * Change an active loan's schedule from `from` on. `requestedBy` is the user who asked for it
 * (the maker); the actor approves it (the checker), and must be someone else.
 */
export const RescheduleLoan = commandCodec('RescheduleLoan', {
  ...loan, from: DateString, kind: RescheduleKind, change: ScheduleChangeInput,
  requestedBy: UserIdInput,
});
export type RescheduleLoan = t.TypeOf<typeof RescheduleLoan>;

/** Close this loan with `amount`, paid out of the top-up loan `byLoanId`: all it owes today. */
export const PayOffByTopUp = commandCodec('PayOffByTopUp', {
  ...loan, byLoanId: LoanId, amount: PositiveMoneyInput,
});
export type PayOffByTopUp = t.TypeOf<typeof PayOffByTopUp>;

/** Receive a repayment of `amount`. */
export const RecordRepayment = commandCodec('RecordRepayment', {
  ...loan, amount: PositiveMoneyInput,
});
export type RecordRepayment = t.TypeOf<typeof RecordRepayment>;

/** Charge a penalty. */
export const ChargePenalty = commandCodec('ChargePenalty', {
  ...loan, amount: PositiveMoneyInput, reason: PenaltyReason,
});
export type ChargePenalty = t.TypeOf<typeof ChargePenalty>;

/** Charge a fee. */
export const ChargeFee = commandCodec('ChargeFee', {
  ...loan, amount: PositiveMoneyInput, reason: FeeReason,
});
export type ChargeFee = t.TypeOf<typeof ChargeFee>;

/** Waive interest that is due. */
export const WaiveInterest = commandCodec('WaiveInterest', { ...loan, amount: PositiveMoneyInput });
export type WaiveInterest = t.TypeOf<typeof WaiveInterest>;

/** Write the loan off. */
export const WriteOffLoan = commandCodec('WriteOffLoan', loan);
export type WriteOffLoan = t.TypeOf<typeof WriteOffLoan>;

/** Record money recovered after a write-off. */
export const RecordRecovery = commandCodec('RecordRecovery', {
  ...loan, amount: PositiveMoneyInput,
});
export type RecordRecovery = t.TypeOf<typeof RecordRecovery>;

/** Close a loan that is settled, or written off. */
export const CloseLoan = commandCodec('CloseLoan', loan);
export type CloseLoan = t.TypeOf<typeof CloseLoan>;

/** The loan's commands, by type. */
export const loanCommands = {
  ApplyForLoan, ApproveLoan, RejectLoan, DisburseLoan, RecordRepayment, ChargePenalty,
  ChargeFee, WaiveInterest, WriteOffLoan, RecordRecovery, CloseLoan, ReverseEvent,
  DisburseTranche, RescheduleLoan, PayOffByTopUp, ApplyCharges,
} as const;
export type LoanCommand =
  | ApplyForLoan | ApproveLoan | RejectLoan | DisburseLoan | RecordRepayment | ChargePenalty
  | ChargeFee | WaiveInterest | WriteOffLoan | RecordRecovery | CloseLoan | ReverseEvent
  | DisburseTranche | RescheduleLoan | PayOffByTopUp | ApplyCharges;
