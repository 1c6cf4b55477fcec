import * as t from 'io-ts';
import { ProductId } from '../shared/ids.ts';
import { intBetween, minorOf, MoneyString, oneOf, RatePercent } from '../shared/codecs.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { closed, withCheck } from '../shared/shape.ts';
import { DayCountCodec, PeriodCodec, RoundingModeCodec, type Period } from './settings.ts';
import { TermUnitCodec } from './termUnit.ts';
import { BelowMinimumBalanceRule, MissedInstalmentRule } from '../charges/chargeRules.ts';
import { maxTermLength, type TermUnit } from '../finance/depositTerm.ts';

const Months = intBetween('Months', 1, 600);

/** How a savings product's interest is figured: Fineract's interest calculation types. */
export const InterestCalculationCodec =
  oneOf('InterestCalculation', ['daily-balance', 'average-daily-balance'] as const);
export type InterestCalculation = t.TypeOf<typeof InterestCalculationCodec>;

/**
 * A savings account: interest on the daily balance (or, if the product says so, on each
 * period's average daily balance), compounded and posted by period. `minimumBalance` is
 * Fineract's minRequiredBalance: how low a withdrawal may take the balance. Interest is
 * figured on every balance unless `minimumBalanceForInterest` (Fineract's
 * minBalanceForInterestCalculation, a separate setting there too) is set. Both fields came
 * after catalogues were written: left out, they mean daily balance and no floor, the figures
 * such catalogues always gave.
 */
export const SavingsProduct = closedWithOptional({
  kind: t.literal('savings'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: PeriodCodec,
  posting: PeriodCodec,
  minimumBalance: MoneyString,
  rounding: RoundingModeCodec,
}, {
  interestCalculation: InterestCalculationCodec,
  minimumBalanceForInterest: MoneyString,
  // Months without a member's own deposit or withdrawal after which the account is dormant
  // (deposit/dormancy.ts); left out, an account never falls dormant.
  dormantAfterMonths: Months,
  // Left out: no below-minimum-balance charge (charges/belowMinimumBalanceCharges.ts).
  belowMinimumBalanceCharge: BelowMinimumBalanceRule,
}, 'SavingsProduct');
export type SavingsProduct = t.TypeOf<typeof SavingsProduct>;

const termCheck = (p: { minTermMonths: number; maxTermMonths: number }) =>
  p.maxTermMonths < p.minTermMonths
    ? { field: 'maxTermMonths', message: 'must be at least minTermMonths' }
    : undefined;

/** A recurring deposit: a fixed instalment each month for a term. */
export const RecurringDepositProduct = withCheck(closedWithOptional({
  kind: t.literal('recurring'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: PeriodCodec,
  minTermMonths: Months,
  maxTermMonths: Months,
  minimumInstalment: MoneyString,
  // Percentage points taken off the rate when closed before maturity.
  prematureClosurePenaltyPercent: RatePercent,
  rounding: RoundingModeCodec,
}, {
  // Left out: no missed-instalment penalty (charges/missedInstalmentPenalties.ts).
  missedInstalmentPenalty: MissedInstalmentRule,
}, 'RecurringDepositProduct'), (p) =>
  termCheck(p) ?? (minorOf(p.minimumInstalment) <= 0n
    ? { field: 'minimumInstalment', message: 'must be more than zero' } : undefined));
export type RecurringDepositProduct = t.TypeOf<typeof RecurringDepositProduct>;

/** How often a term deposit's interest is compounded: a savings period, or daily. */
export const TermCompoundingCodec = oneOf('TermCompounding',
  ['daily', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const);

const TermLength = intBetween('TermLength', 1, maxTermLength.days);
const periodOrder = ['daily', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;

type FixedTerms = {
  minTermMonths?: number; maxTermMonths?: number; termUnit?: TermUnit; minTerm?: number;
  maxTerm?: number; compounding: (typeof periodOrder)[number]; posting?: Period;
};

// The term range is said one of two ways: months (catalogues written before term units) or a
// unit with its own bounds. Half of one way, or parts of both, is refused.
const fixedTermCheck = (p: FixedTerms): { field: string; message: string } | undefined => {
  const inMonths = p.minTermMonths !== undefined || p.maxTermMonths !== undefined;
  const inUnit = p.termUnit !== undefined || p.minTerm !== undefined || p.maxTerm !== undefined;
  if (inMonths && inUnit) {
    return { field: inMonths && p.termUnit !== undefined ? 'termUnit' : 'minTerm',
      message: 'give minTermMonths and maxTermMonths, or termUnit, minTerm and maxTerm' };
  }
  const r = fixedDepositTermRange(p);
  if (r === undefined) {
    const missing = inUnit ? ['termUnit', 'minTerm', 'maxTerm'] : ['minTermMonths',
      'maxTermMonths'];
    const field = missing.find((f) => !Object.hasOwn(p, f)) ?? missing[0] ?? 'minTermMonths';
    return { field, message: 'is required' };
  }
  const max = inUnit ? 'maxTerm' : 'maxTermMonths';
  if (r.max < r.min) return { field: max, message: `must be at least ${r.min}` };
  if (r.max > maxTermLength[r.unit]) {
    return { field: max, message: `must be at most ${maxTermLength[r.unit]} ${r.unit}` };
  }
  // Fineract's posting-to-compounding rule: interest compounds no less often than it posts.
  if (p.posting !== undefined &&
    periodOrder.indexOf(p.compounding) > periodOrder.indexOf(p.posting)) {
    return { field: 'compounding', message: `must not be longer than posting (${p.posting})` };
  }
  return undefined;
};

/** A fixed deposit product's term range in its unit (months for older catalogues). */
export const fixedDepositTermRange = (
  p: Pick<FixedTerms, 'minTermMonths' | 'maxTermMonths' | 'termUnit' | 'minTerm' | 'maxTerm'>,
): { unit: TermUnit; min: number; max: number } | undefined => {
  if (p.minTermMonths !== undefined && p.maxTermMonths !== undefined) {
    return { unit: 'months', min: p.minTermMonths, max: p.maxTermMonths };
  }
  if (p.termUnit === undefined || p.minTerm === undefined || p.maxTerm === undefined) {
    return undefined;
  }
  return { unit: p.termUnit, min: p.minTerm, max: p.maxTerm };
};

/**
 * A fixed deposit: one principal for a term, compounded (usually quarterly) and posted
 * (`posting`, by default when compounded). The term range is minTermMonths-maxTermMonths, or
 * minTerm-maxTerm counted in `termUnit` (days, weeks, months or years).
 */
export const FixedDepositProduct = withCheck(closedWithOptional({
  kind: t.literal('fixed'),
  id: ProductId,
  rateAnnualPercent: RatePercent,
  dayCount: DayCountCodec,
  compounding: TermCompoundingCodec,
  minimumPrincipal: MoneyString,
  prematureClosurePenaltyPercent: RatePercent,
  rounding: RoundingModeCodec,
}, {
  minTermMonths: Months,
  maxTermMonths: Months,
  termUnit: TermUnitCodec,
  minTerm: TermLength,
  maxTerm: TermLength,
  posting: PeriodCodec,
}, 'FixedDepositProduct'), fixedTermCheck);
export type FixedDepositProduct = t.TypeOf<typeof FixedDepositProduct>;
