import type { BusinessDate } from '../dates/businessDate.ts';
import { Decimal } from '../money/decimal.ts';
import { roundMoney } from '../money/rounding.ts';
import { moneyString } from '../shared/codecs.ts';
import { fixedDepositMaturity, fixedDepositPrematureClosure } from '../finance/fixedDeposit.ts';
import { recurringDepositMaturity } from '../finance/recurringDeposit.ts';
import { accruedSavingsInterest, savingsInterest } from '../finance/savingsInterest.ts';
import type { SavingsTerms } from '../finance/depositInterest/savingsTerms.ts';
import type { SavingsDayCount } from '../finance/depositInterest/dayWeights.ts';
import { depositDaysInYear } from '../products/settings.ts';
import type {
  FixedDepositProduct, RecurringDepositProduct, SavingsProduct,
} from '../products/depositProducts.ts';
import type { AccountHistory } from './accountHistory.ts';
import type { DepositState } from './state.ts';

// The figures a deposit command credits, from the account, its product and its history, with
// the finance functions (Fineract's engines). An engine that refuses the terms throws
// InvalidDepositTermsError; the decider turns it into `cannot_compute`.

type Open = Exclude<DepositState, { status: 'none' }>;
type Product = SavingsProduct | RecurringDepositProduct | FixedDepositProduct;

const daysInYear = (p: Product): SavingsDayCount => depositDaysInYear(p.dayCount);
const compoundingMonths = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 } as const;
const rupees = (minor: bigint): string => moneyString(minor < 0n ? -minor : minor);
const signed = (minor: bigint): string => (minor < 0n ? `-${rupees(minor)}` : rupees(minor));
const atLeastZero = (minor: bigint): bigint => (minor > 0n ? minor : 0n);

const terms = (
  a: Open, p: Product, h: AccountHistory, to: BusinessDate, rate = h.rateAnnualPercent,
): SavingsTerms => ({
  transactions: h.transactions.filter((t) => t.on <= to)
    .map((t) => ({ on: t.on, amount: signed(t.minor) })),
  rateAnnualPercent: rate, from: a.openedOn, to, method: 'daily-balance',
  compounding: p.compounding, posting: p.kind === 'savings' ? p.posting : p.compounding,
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
): InterestDue => {
  const { postings } = savingsInterest(terms(a, p, h, periodTo));
  const total = postings.reduce((sum, x) => sum + x.interest.minor, 0n);
  const through = postings.at(-1)?.on ?? null;
  return { minor: atLeastZero(total - h.interestPostedMinor), through };
};

const deposited = (h: AccountHistory): bigint => h.transactions.reduce((s, t) => s + t.minor, 0n);

// Interest on the actual balances over [openedOn, to), at `rate`: for a recurring deposit not
// paid on schedule, or closed early (at the rate less the penalty).
const accrued = (a: Open, p: Product, h: AccountHistory, to: BusinessDate, rate: string) =>
  roundMoney(accruedSavingsInterest(terms(a, p, h, to, rate), { from: a.openedOn, to }),
    { digits: 2, mode: p.rounding }).minor;

/** Interest credited at maturity (fixedDepositMaturity / recurringDepositMaturity). */
export const interestAtMaturity = (
  a: Open, p: RecurringDepositProduct | FixedDepositProduct, h: AccountHistory,
): bigint => {
  const maturesOn = a.maturesOn ?? a.openedOn;
  const term = a.termMonths ?? 0;
  if (p.kind === 'fixed') {
    const principal = deposited(h);
    const maturity = fixedDepositMaturity({
      principal: rupees(principal), rateAnnualPercent: h.rateAnnualPercent, tenureMonths: term,
      compoundingMonths: compoundingMonths[p.compounding], startOn: a.openedOn,
      daysInYear: daysInYear(p), currencyDigits: 2, rounding: p.rounding,
    });
    return atLeastZero(maturity.minor - principal - h.interestPostedMinor);
  }
  const onSchedule = a.instalmentsPaid === term && a.instalmentsMissed.length === 0;
  if (!onSchedule) {
    return atLeastZero(accrued(a, p, h, maturesOn, h.rateAnnualPercent) - h.interestPostedMinor);
  }
  const maturity = recurringDepositMaturity({
    instalment: rupees(a.instalment ?? 0n), rateAnnualPercent: h.rateAnnualPercent,
    tenureMonths: term, startOn: a.openedOn, compounding: p.compounding,
    daysInYear: daysInYear(p), currencyDigits: 2, rounding: p.rounding,
  });
  return atLeastZero(maturity.minor - deposited(h) - h.interestPostedMinor);
};

/** Interest credited on closing early, at the rate less the product's penalty. */
export const interestOnEarlyClosure = (
  a: Open, p: RecurringDepositProduct | FixedDepositProduct, h: AccountHistory,
  closedOn: BusinessDate,
): bigint => {
  if (p.kind === 'fixed') {
    const principal = deposited(h);
    const payout = fixedDepositPrematureClosure({
      principal: rupees(principal), rateAnnualPercent: h.rateAnnualPercent,
      tenureMonths: a.termMonths ?? 0, compoundingMonths: compoundingMonths[p.compounding],
      startOn: a.openedOn, closedOn, penaltyRatePercent: p.prematureClosurePenaltyPercent,
      daysInYear: daysInYear(p), currencyDigits: 2, rounding: p.rounding,
    });
    return atLeastZero(payout.minor - principal - h.interestPostedMinor);
  }
  const net = Decimal.max(0, new Decimal(h.rateAnnualPercent)
    .minus(p.prematureClosurePenaltyPercent)).toString();
  return atLeastZero(accrued(a, p, h, closedOn, net) - h.interestPostedMinor);
};
