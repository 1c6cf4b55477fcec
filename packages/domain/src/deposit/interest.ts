import type { BusinessDate } from '../dates/businessDate.ts';
import { moneyString } from '../shared/codecs.ts';
import { fixedDepositMaturity, fixedDepositPrematureClosure } from '../finance/fixedDeposit.ts';
import {
  recurringDepositOnPaid, recurringDepositPrematureClosure,
} from '../finance/recurringDeposit.ts';
import { savingsInterest } from '../finance/savingsInterest.ts';
import type { SavingsTerms } from '../finance/depositInterest/savingsTerms.ts';
import type { SavingsDayCount } from '../finance/depositInterest/dayWeights.ts';
import { depositDaysInYear } from '../products/settings.ts';
import type {
  FixedDepositProduct, RecurringDepositProduct, SavingsProduct,
} from '../products/depositProducts.ts';
import type { AccountHistory } from './accountHistory.ts';
import type { DepositState } from './state.ts';
import type { RateStep } from '../products/rateChange.ts';
import { steppedSavingsInterest } from './rateSteps.ts';

// The figures a deposit command credits, from the account, its product and its history, with
// the finance functions (Fineract's engines). An engine that refuses the terms throws
// InvalidDepositTermsError; the decider turns it into `cannot_compute`.

type Open = Exclude<DepositState, { status: 'none' }>;
type Product = SavingsProduct | RecurringDepositProduct | FixedDepositProduct;

const daysInYear = (p: Product): SavingsDayCount => depositDaysInYear(p.dayCount);
const rupees = (minor: bigint): string => moneyString(minor < 0n ? -minor : minor);
const signed = (minor: bigint): string => (minor < 0n ? `-${rupees(minor)}` : rupees(minor));
const atLeastZero = (minor: bigint): bigint => (minor > 0n ? minor : 0n);

// A savings product's own options. Recurring and fixed deposit products here name neither:
// their interest stays on the daily balance, with no floor.
const savingsOptions = (p: Product): Pick<SavingsTerms, 'method' | 'minBalanceForInterest'> =>
  p.kind !== 'savings' ? { method: 'daily-balance' } : {
    method: p.interestCalculation ?? 'daily-balance',
    ...(p.minimumBalanceForInterest === undefined ? {}
      : { minBalanceForInterest: p.minimumBalanceForInterest }),
  };

const terms = (
  a: Open, p: Product, h: AccountHistory, to: BusinessDate, rate = h.rateAnnualPercent,
): SavingsTerms => ({
  // Tax deducted leaves the balance the engine earns on, as Fineract's withholding-tax debit
  // does (accountHistory.ts); the term deposits' own formulas below keep to the money paid in.
  transactions: [...h.transactions, ...h.taxMoves ?? []].filter((t) => t.on <= to)
    .map((t) => ({ on: t.on, amount: signed(t.minor) })),
  rateAnnualPercent: rate, from: a.openedOn, to, ...savingsOptions(p),
  compounding: p.compounding, posting: p.kind === 'savings' ? p.posting
    : p.kind === 'fixed' ? p.posting ?? p.compounding : p.compounding,
  daysInYear: daysInYear(p), postOn: 'period-end', currencyDigits: 2, rounding: p.rounding,
});

/** Interest due up to a date, and the last day of the last posting period it covers. */
export interface InterestDue {
  readonly minor: bigint;
  /** The last posting period's end on or before the date asked; null when none has ended. */
  readonly through: BusinessDate | null;
}

/**
 * Interest to credit for the period ending `periodTo`: what Fineract's engine posts from the
 * opening to `periodTo` (posting periods ended by then), less what was credited already. So
 * postings add up to Fineract's figures however the periods were cut. Only the money moves
 * dated up to `periodTo` count, so events dated later do not change it.
 */
export const interestForPeriod = (
  a: Open, p: Product, h: AccountHistory, periodTo: BusinessDate,
  rateSteps: ReadonlyArray<RateStep> = [],
): InterestDue => {
  // A savings product's rate changes apply to its accounts day by day (rateSteps.ts); term
  // deposits keep the rate they were opened at.
  const { postings } = p.kind === 'savings' && rateSteps.length > 0
    ? steppedSavingsInterest(terms(a, p, h, periodTo), rateSteps)
    : savingsInterest(terms(a, p, h, periodTo));
  const total = postings.reduce((sum, x) => sum + x.interest.minor, 0n);
  const through = postings.at(-1)?.on ?? null;
  return { minor: atLeastZero(total - h.interestPostedMinor), through };
};

const deposited = (h: AccountHistory): bigint => h.transactions.reduce((s, t) => s + t.minor, 0n);

// A term deposit's own settings: posting when compounded unless a fixed deposit product says.
const termSettings = (p: RecurringDepositProduct | FixedDepositProduct) => ({
  compounding: p.compounding, posting: p.kind === 'fixed' ? p.posting ?? p.compounding
    : p.compounding,
  daysInYear: daysInYear(p), currencyDigits: 2, rounding: p.rounding,
});

// A recurring deposit's money in as it came (dates and amounts), up to a day.
const paidBy = (h: AccountHistory, on: BusinessDate) =>
  h.transactions.filter((t) => t.on <= on).map((t) => ({ on: t.on, amount: signed(t.minor) }));

const fixedTerms = (a: Open, p: FixedDepositProduct, h: AccountHistory) => ({
  principal: rupees(deposited(h)), rateAnnualPercent: h.rateAnnualPercent,
  term: a.term ?? { length: 0, unit: 'months' as const }, startOn: a.openedOn,
  ...termSettings(p),
});

/**
 * Interest credited at maturity: a fixed deposit's by fixedDepositMaturity; a recurring
 * deposit's on the instalments as paid (recurringDepositOnPaid), which is
 * recurringDepositMaturity's figure when each was paid on its due date.
 */
export const interestAtMaturity = (
  a: Open, p: RecurringDepositProduct | FixedDepositProduct, h: AccountHistory,
): bigint => {
  const maturesOn = a.maturesOn ?? a.openedOn;
  if (p.kind === 'fixed') {
    const maturity = fixedDepositMaturity(fixedTerms(a, p, h));
    return atLeastZero(maturity.minor - deposited(h) - h.interestPostedMinor);
  }
  const r = recurringDepositOnPaid({ paid: paidBy(h, maturesOn), endOn: maturesOn,
    rateAnnualPercent: h.rateAnnualPercent, startOn: a.openedOn, ...termSettings(p) });
  return atLeastZero(r.interest.minor - h.interestPostedMinor);
};

/**
 * Interest credited on closing early, at the rate less the product's penalty: a fixed
 * deposit's on its principal, a recurring deposit's on the instalments actually paid.
 */
export const interestOnEarlyClosure = (
  a: Open, p: RecurringDepositProduct | FixedDepositProduct, h: AccountHistory,
  closedOn: BusinessDate,
): bigint => {
  const penaltyRatePercent = p.prematureClosurePenaltyPercent;
  if (p.kind === 'fixed') {
    const payout = fixedDepositPrematureClosure({ ...fixedTerms(a, p, h), closedOn,
      penaltyRatePercent });
    return atLeastZero(payout.minor - deposited(h) - h.interestPostedMinor);
  }
  const r = recurringDepositPrematureClosure({ paid: paidBy(h, closedOn), closedOn,
    penaltyRatePercent, rateAnnualPercent: h.rateAnnualPercent, startOn: a.openedOn,
    ...termSettings(p) });
  return atLeastZero(r.interest.minor - h.interestPostedMinor);
};
