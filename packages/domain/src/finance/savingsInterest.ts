import { fromEpochDay, type BusinessDate } from '../dates/businessDate.ts';
import type { Decimal } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import { roundRatio } from './deposit/roundRatio.ts';
import { toDecimal } from './deposit/parseExact.ts';
import { interestBefore, postingEnds } from './deposit/savingsEngine.ts';
import { dayOf, normalSavingsTerms, type SavingsTerms } from './deposit/savingsTerms.ts';
import { qSub } from './deposit/qnum.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

export type { SavingsTerms, SavingsTransaction } from './deposit/savingsTerms.ts';
export type { PeriodType } from './deposit/periodType.ts';

/** One interest posting: its date, the interest, and the balance once it is posted. */
export interface SavingsPosting {
  readonly on: BusinessDate;
  readonly interest: Money;
  readonly balance: Money;
}

/**
 * Interest postings of a savings account from `from` (activation) for every posting period
 * whose posting date is on or before `to`, as Fineract posts them.
 * @example savingsInterest({ transactions: [{ on: '2025-02-01', amount: '10000' }],
 *   rateAnnualPercent: '10', from: '2025-02-01', to: '2025-03-01', method: 'daily-balance',
 *   compounding: 'yearly', posting: 'monthly', daysInYear: 365, postOn: 'next-day' })
 *   // postings: [{ on: '2025-03-01', interest: 76.71, balance: 10076.71 }]
 */
export const savingsInterest = (terms: SavingsTerms): { postings: SavingsPosting[] } => {
  const t = normalSavingsTerms(terms);
  const postedOn = (end: number) => (t.postOn === 'period-end' ? end : end + 1);
  const ends = postingEnds(t, t.toDay).filter((e) => postedOn(e) <= t.toDay);
  const { values, base } = interestBefore(t, [t.fromDay, ...ends.map((e) => e + 1)]);
  const postings: SavingsPosting[] = [];
  let posted = 0n;
  let balance = 0n;
  let i = 0;
  ends.forEach((end, p) => {
    for (; i < t.days.length && (t.days[i] ?? 0) <= end; i += 1) balance += t.amounts[i] ?? 0n;
    const before = values[p];
    const after = values[p + 1];
    if (before === undefined || after === undefined) return;
    const d = qSub(after, before, base);
    const interest = roundRatio(d.n, base.pow(d.k), t.rounding);
    if (interest <= 0n) return; // Fineract posts no zero interest transaction
    posted += interest;
    postings.push({
      on: fromEpochDay(postedOn(end)),
      interest: money(interest, t.digits),
      balance: money(balance + posted, t.digits),
    });
  });
  return { postings };
};

/** The days whose end-of-day balances earn interest: from <= day < to. */
export interface AccrualWindow {
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
}

/**
 * Unrounded interest earned on the days of `window`, exactly, as numerator / denominator in
 * currency units. Additive: [a, b) plus [b, c) is exactly [a, c).
 */
export const accruedSavingsInterestExact = (
  terms: SavingsTerms, window: AccrualWindow,
): { numerator: bigint; denominator: bigint } => {
  const t = normalSavingsTerms(terms);
  const a = dayOf(window.from, 'window.from');
  const b = dayOf(window.to, 'window.to');
  if (a < t.fromDay) throw new InvalidDepositTermsError('window.from', 'is before from');
  if (b < a) throw new InvalidDepositTermsError('window.to', 'must not be before window.from');
  const { values, base } = interestBefore(t, [a, b]);
  const d = qSub(values[1] ?? { n: 0n, k: 0 }, values[0] ?? { n: 0n, k: 0 }, base);
  return { numerator: d.n, denominator: base.pow(d.k) * 10n ** BigInt(t.digits) };
};

/**
 * Unrounded interest earned on the days of `window` (from <= day < to), as a Decimal of 60
 * significant digits; for accruals between balance changes.
 */
export const accruedSavingsInterest = (terms: SavingsTerms, window: AccrualWindow): Decimal => {
  const { numerator, denominator } = accruedSavingsInterestExact(terms, window);
  return toDecimal(numerator, denominator);
};
