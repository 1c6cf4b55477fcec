import * as t from 'io-ts';
import { EventId, LoanId, MemberId, ProductId, UserId } from '../shared/ids.ts';
import {
  Count, DateString, MoneyString, PositiveCount, RatePercent, oneOf,
} from '../shared/codecs.ts';
import { BranchAtOpening } from '../member/branchAtOpening.ts';
import { closed, eventCodec } from '../shared/shape.ts';
import { EventReversed } from '../shared/correction.ts';
import { GuarantorsNamed } from './guarantors.ts';
import {
  AmortizationCodec, DaysInMonthCodec, DaysInYearCodec, ExcessRepaymentCodec, FrequencyCodec,
  InterestMethodCodec, InterestPeriodCodec, InterestRecalculationCodec, RecalculationStrategyCodec,
  ScheduleTypeCodec,
} from '../products/loanProduct.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { AllocationOrderCodec } from '../products/allocationOrder.ts';
import { RoundingModeCodec } from '../products/settings.ts';
import { ChargeRuleRef } from '../charges/chargeRuleRef.ts';

const loan = { loanId: LoanId, memberId: MemberId };

/** Why a loan application was turned down: a code, never free text. */
export const LoanRejectionReason = oneOf('LoanRejectionReason', [
  'repayment_capacity', 'insufficient_savings', 'incomplete_application', 'member_request',
  'other',
] as const);

/** A member applied for a loan; `recordedBy` is the user who recorded it (the maker). */
export const LoanApplied = eventCodec('LoanApplied', {
  ...loan, branchId: BranchAtOpening, productId: ProductId, on: DateString, principal: MoneyString,
  repayments: PositiveCount, firstRepaymentOn: t.union([DateString, t.null]), recordedBy: UserId,
});
export type LoanApplied = t.TypeOf<typeof LoanApplied>;

/** The loan was approved, for `principal`, by a user other than the maker (the checker). */
export const LoanApproved = eventCodec('LoanApproved', {
  ...loan, on: DateString, principal: MoneyString, approvedBy: UserId,
});
export type LoanApproved = t.TypeOf<typeof LoanApproved>;

/** The application was turned down. */
export const LoanRejected = eventCodec('LoanRejected', {
  ...loan, on: DateString, reason: LoanRejectionReason, rejectedBy: UserId,
});
export type LoanRejected = t.TypeOf<typeof LoanRejected>;

/** The product settings a loan was disbursed under; they do not change with the product. */
export const LoanTermsSnapshot = closed({
  rateAnnualPercent: RatePercent,
  interestMethod: InterestMethodCodec,
  amortization: AmortizationCodec,
  interestPeriod: InterestPeriodCodec,
  repayments: PositiveCount,
  every: PositiveCount,
  frequency: FrequencyCodec,
  firstRepaymentOn: t.union([DateString, t.null]),
  daysInYear: DaysInYearCodec,
  daysInMonth: DaysInMonthCodec,
  installmentMultipleOf: MoneyString,
  rounding: RoundingModeCodec,
  graceOnPrincipal: Count,
  graceOnInterestPayment: Count,
  graceOnInterestCharged: Count,
  allocationOrder: AllocationOrderCodec,
  excessRepayment: ExcessRepaymentCodec,
  // Since version 2 of LoanDisbursed; older events are read with the defaults noted.
  scheduleType: ScheduleTypeCodec, // 'cumulative'
  downPaymentPercent: RatePercent, // "0": no down payment
  interestRecalculation: InterestRecalculationCodec, // 'none'
  maxTranches: PositiveCount, // 1: paid out at once
}, 'LoanTermsSnapshot');
export type LoanTermsSnapshot = t.TypeOf<typeof LoanTermsSnapshot>;

/** One instalment of the schedule fixed at disbursement; `balance` is principal after it. */
export const ScheduledInstallment = closed({
  n: PositiveCount, dueOn: DateString, days: Count, principal: MoneyString,
  interest: MoneyString, total: MoneyString, balance: MoneyString,
}, 'ScheduledInstallment');
export type ScheduledInstallment = t.TypeOf<typeof ScheduledInstallment>;

/**
 * A whole loan's schedule. A later schedule carries over the instalments due before it
 * unchanged, so the latest one alone says what the loan owes.
 */
export const LoanScheduleData = closed({
  installments: t.readonlyArray(ScheduledInstallment),
  totalPrincipal: MoneyString, totalInterest: MoneyString, totalDue: MoneyString,
}, 'LoanScheduleData');
export type LoanScheduleData = t.TypeOf<typeof LoanScheduleData>;

/** The loan a top-up pays off, and what paying it off took out of the new principal. */
export const TopUpOf = closed({ loanId: LoanId, payoff: MoneyString }, 'TopUpOf');
export type TopUpOf = t.TypeOf<typeof TopUpOf>;

/**
 * The loan (or its first tranche, `principal`) was paid out, with the schedule from
 * loanSchedule. A top-up names the loan it pays off; the member receives principal - payoff.
 */
export const LoanDisbursed = eventCodec('LoanDisbursed', {
  ...loan, productId: ProductId, on: DateString, principal: MoneyString,
  terms: LoanTermsSnapshot,
  schedule: LoanScheduleData,
  topUpOf: t.union([TopUpOf, t.null]),
});
export type LoanDisbursed = t.TypeOf<typeof LoanDisbursed>;

/** A later tranche (2, 3, ...) of a multi-tranche loan; tranches never pass the approval. */
export const LoanTrancheDisbursed = eventCodec('LoanTrancheDisbursed', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString, tranche: PositiveCount,
  schedule: LoanScheduleData,
});
export type LoanTrancheDisbursed = t.TypeOf<typeof LoanTrancheDisbursed>;

/** A reschedule changes the terms only; a restructure also answers the member's distress. */
export const RescheduleKind = oneOf('RescheduleKind', ['rescheduled', 'restructured'] as const);

/** What a reschedule changes from `from` on; a field left out stays as it was. */
export const LoanScheduleChange = closedWithOptional({}, {
  rateAnnualPercent: RatePercent, extraRepayments: Count, moratoriumPeriods: Count,
  interestOnlyPeriods: Count,
}, 'LoanScheduleChange');
export type LoanScheduleChange = t.TypeOf<typeof LoanScheduleChange>;

/** The schedule was changed from `from` on, asked by one user and approved by another. */
export const LoanRescheduled = eventCodec('LoanRescheduled', {
  eventId: EventId, ...loan, on: DateString, from: DateString, kind: RescheduleKind,
  change: LoanScheduleChange, requestedBy: UserId, approvedBy: UserId,
  schedule: LoanScheduleData,
});
export type LoanRescheduled = t.TypeOf<typeof LoanRescheduled>;

/** Principal paid off the schedule (`cause`, a repayment) recomputed the rest of it. */
export const LoanScheduleRecalculated = eventCodec('LoanScheduleRecalculated', {
  eventId: EventId, ...loan, on: DateString, cause: EventId, strategy: RecalculationStrategyCodec,
  schedule: LoanScheduleData,
});
export type LoanScheduleRecalculated = t.TypeOf<typeof LoanScheduleRecalculated>;

/** How a repayment was shared out; with `prepayment` it sums exactly to the amount received. */
export const Allocation = closed({
  penalties: MoneyString, fees: MoneyString, interest: MoneyString, principal: MoneyString,
}, 'Allocation');
export type Allocation = t.TypeOf<typeof Allocation>;

/** A repayment, allocated in the product's order; `prepayment` is principal paid ahead. */
export const RepaymentReceived = eventCodec('RepaymentReceived', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString, allocation: Allocation,
  prepayment: MoneyString, principalOutstandingAfter: MoneyString,
});
export type RepaymentReceived = t.TypeOf<typeof RepaymentReceived>;

/** Why a penalty was charged. */
export const PenaltyReason = oneOf('PenaltyReason', ['late_payment', 'other'] as const);
/** Why a fee was charged. */
export const FeeReason = oneOf('FeeReason', ['processing', 'documentation', 'other'] as const);

/** The rule that computed a charge, or null for one typed in by hand (all before version 2). */
const ChargedByRule = t.union([ChargeRuleRef, t.null]);

/** A penalty (late payment) was charged, by hand or by the product's rule (`rule`). */
export const PenaltyCharged = eventCodec('PenaltyCharged', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString,
  reason: PenaltyReason, rule: ChargedByRule,
});
export type PenaltyCharged = t.TypeOf<typeof PenaltyCharged>;

/** A fee was charged, by hand or by the product's rule (`rule`). */
export const FeeCharged = eventCodec('FeeCharged', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString,
  reason: FeeReason, rule: ChargedByRule,
});
export type FeeCharged = t.TypeOf<typeof FeeCharged>;

/** Interest due was waived. */
export const InterestWaived = eventCodec('InterestWaived', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString,
});
export type InterestWaived = t.TypeOf<typeof InterestWaived>;

/** The loan was written off: what was outstanding and due then. */
export const LoanWrittenOff = eventCodec('LoanWrittenOff', {
  ...loan, on: DateString, principal: MoneyString, interest: MoneyString,
  penalties: MoneyString, fees: MoneyString,
});
export type LoanWrittenOff = t.TypeOf<typeof LoanWrittenOff>;

/** Money recovered on a written-off loan (income, not a repayment). */
export const RecoveryReceived = eventCodec('RecoveryReceived', {
  eventId: EventId, ...loan, on: DateString, amount: MoneyString,
});
export type RecoveryReceived = t.TypeOf<typeof RecoveryReceived>;

/** A top-up loan (`byLoanId`) paid this loan off: `amount` allocated as a repayment would be. */
export const LoanPaidOffByTopUp = eventCodec('LoanPaidOffByTopUp', {
  eventId: EventId, ...loan, on: DateString, byLoanId: LoanId, amount: MoneyString,
  allocation: Allocation, principalOutstandingAfter: MoneyString,
});
export type LoanPaidOffByTopUp = t.TypeOf<typeof LoanPaidOffByTopUp>;

/** The loan is closed: repaid in full, written off and done with, or paid off by a top-up. */
export const LoanClosed = eventCodec('LoanClosed', {
  ...loan, on: DateString,
  reason: oneOf('LoanClosure', ['repaid', 'written_off', 'topped_up'] as const),
});
export type LoanClosed = t.TypeOf<typeof LoanClosed>;

/** The loan's events, by type. */
export const loanEvents = {
  LoanApplied, LoanApproved, LoanRejected, LoanDisbursed, RepaymentReceived, PenaltyCharged,
  FeeCharged, InterestWaived, LoanWrittenOff, RecoveryReceived, LoanClosed, EventReversed,
  GuarantorsNamed, LoanTrancheDisbursed, LoanRescheduled, LoanScheduleRecalculated,
  LoanPaidOffByTopUp,
} as const;
export type LoanEvent =
  | LoanApplied | LoanApproved | LoanRejected | LoanDisbursed | RepaymentReceived
  | PenaltyCharged | FeeCharged | InterestWaived | LoanWrittenOff | RecoveryReceived
  | LoanClosed | EventReversed | GuarantorsNamed | LoanTrancheDisbursed | LoanRescheduled
  | LoanScheduleRecalculated | LoanPaidOffByTopUp;
