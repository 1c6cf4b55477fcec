import * as t from 'io-ts';
import { ProductId } from '../shared/ids.ts';
import {
  Count, minorOf, MoneyString, PositiveCount, RatePercent, oneOf,
} from '../shared/codecs.ts';
import { withCheck } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { lendingLimitFields } from './lendingLimits.ts';
import { scheduleChangeFields, scheduleChangeProblem } from './scheduleChanges.ts';
import { RoundingModeCodec } from './settings.ts';
import { AllocationOrderCodec } from './allocationOrder.ts';
import { LatePaymentPenaltyRule } from '../charges/chargeRules.ts';

/** Repayments every `every` days, weeks or months. */
export const FrequencyCodec = oneOf('Frequency', ['days', 'weeks', 'months'] as const);
/** Interest on the declining balance, or flat on the original principal. */
export const InterestMethodCodec = oneOf('InterestMethod', ['declining-balance', 'flat'] as const);
/** Equal instalments (EMI) or equal principal. */
export const AmortizationCodec = oneOf('Amortization',
  ['equal-installments', 'equal-principal'] as const);
/** Fineract's interest calculation period. */
export const InterestPeriodCodec = oneOf('InterestPeriod', ['same-as-repayment', 'daily'] as const);
/** The days in a year for loan interest. */
export const DaysInYearCodec =
  t.union([t.literal(360), t.literal(364), t.literal(365), t.literal('actual')], 'DaysInYear');
/** The days in a month for loan interest. */
export const DaysInMonthCodec = t.union([t.literal(30), t.literal('actual')], 'DaysInMonth');
/** What a repayment beyond what is due does: refused, or paid ahead into principal. */
export const ExcessRepaymentCodec =
  oneOf('ExcessRepayment', ['reject', 'prepay-principal'] as const);

/**
 * A loan product; every schedule setting means what it means in Apache Fineract. The lending
 * limits (lendingLimits.ts) are optional: left out, there is no such limit.
 */
export const LoanProduct = withCheck(closedWithOptional({
  kind: t.literal('loan'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  minPrincipal: MoneyString,
  maxPrincipal: MoneyString,
  minRepayments: PositiveCount,
  maxRepayments: PositiveCount,
  frequency: FrequencyCodec,
  every: PositiveCount,
  interestMethod: InterestMethodCodec,
  amortization: AmortizationCodec,
  interestPeriod: InterestPeriodCodec,
  daysInYear: DaysInYearCodec,
  daysInMonth: DaysInMonthCodec,
  installmentMultipleOf: MoneyString,
  rounding: RoundingModeCodec,
  graceOnPrincipal: Count,
  graceOnInterestPayment: Count,
  graceOnInterestCharged: Count,
  allocationOrder: AllocationOrderCodec,
  excessRepayment: ExcessRepaymentCodec,
}, {
  ...lendingLimitFields, ...scheduleChangeFields,
  // Left out: no late-payment penalty is computed (penalties only as typed in by hand).
  latePaymentPenalty: LatePaymentPenaltyRule,
}, 'LoanProduct'), (p) =>
  minorOf(p.minPrincipal) <= 0n ? { field: 'minPrincipal', message: 'must be more than zero' }
  : minorOf(p.maxPrincipal) < minorOf(p.minPrincipal)
    ? { field: 'maxPrincipal', message: 'must be at least minPrincipal' }
  : p.maxRepayments < p.minRepayments
    ? { field: 'maxRepayments', message: 'must be at least minRepayments' }
  : minorOf(p.installmentMultipleOf) <= 0n
    ? { field: 'installmentMultipleOf', message: 'must be more than zero ("0.01" for paise)' }
  : p.guarantorsRequired !== undefined && p.guarantorsAbove === undefined
    ? { field: 'guarantorsRequired', message: 'needs guarantorsAbove, the principal they are for' }
  : scheduleChangeProblem(p));
export type LoanProduct = t.TypeOf<typeof LoanProduct>;
// The schedule-change codecs are read where the other schedule settings are.
export {
  InterestRecalculationCodec, RecalculationStrategyCodec, ScheduleTypeCodec,
} from './scheduleChanges.ts';
