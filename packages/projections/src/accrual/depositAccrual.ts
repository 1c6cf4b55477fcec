import {
  addDays, businessDate, Decimal, lastBusinessDate, depositDaysInYear, fromEpochDay, moneyString, productOf,
  roundMoney, steppedSavingsInterestCalculator, toEpochDay, type BusinessDate, type Period,
  type ProductCatalogue, type RateSteps, type RoundingMode, type SavingsInterestCalculator,
} from '@usha/domain';
import * as E from 'fp-ts/lib/Either.js';
import { AsOfError } from '../books/reports.ts';
import { asOfDay } from '../core/asOfDay.ts';
import { lastPeriodEnd } from './postingPeriods.ts';
import {
  movesOf, type AccrualAccount, type AccrualState, type MoveStore,
} from './state.ts';

/** Interest accrued on a deposit account and not yet credited, on a date. */
export interface DepositAccrual {
  readonly accountId: string;
  readonly memberId: string;
  readonly kind: AccrualAccount['kind'];
  /**
   * Paise: interest earned through the date, rounded as the product posts, less credited; never
   * below 0 (an account credited more than this reckoning earns owes nothing, and is not owed).
   */
  readonly accrued: bigint;
  readonly interestPosted: bigint;
}

interface Terms {
  readonly calculator: SavingsInterestCalculator;
  readonly posting: Period | null;
  readonly rounding: RoundingMode;
}

// As the deposit decider takes them for a posting to `d`: only the changes in force by then.
const inForce = (steps: RateSteps, productId: string, d: BusinessDate) =>
  (Object.hasOwn(steps, productId) ? steps[productId] ?? [] : [])
    .filter((x) => x.effectiveFrom <= d);

const signed = (x: bigint): string => (x < 0n ? `-${moneyString(-x)}` : moneyString(x));

/**
 * The product settings of an account's interest: the account's own rate, and for savings the
 * product's rate changes in force by the date asked (term deposits keep their opening rate).
 */
const termsOf = (
  products: ProductCatalogue, a: AccrualAccount, steps: RateSteps, d: BusinessDate,
  cache: Map<string, Terms>,
): Terms | undefined => {
  const key = `${a.productId} ${a.rateAnnualPercent}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const p = productOf(products, a.productId, a.kind);
  if (E.isLeft(p)) return undefined;
  const daysInYear = depositDaysInYear(p.right.dayCount);
  const posting = p.right.kind === 'savings' ? p.right.posting : null;
  const t: Terms = {
    calculator: steppedSavingsInterestCalculator({
      rateAnnualPercent: a.rateAnnualPercent, method: 'daily-balance',
      compounding: p.right.compounding, posting: posting ?? p.right.compounding, daysInYear,
      postOn: 'period-end', currencyDigits: 2, rounding: p.right.rounding,
    }, a.kind === 'savings' ? inForce(steps, a.productId, d) : []),
    posting, rounding: p.right.rounding,
  };
  cache.set(key, t);
  return t;
};

const rounded = (r: { numerator: bigint; denominator: bigint }, mode: RoundingMode): bigint =>
  roundMoney(new Decimal(String(r.numerator)).div(String(r.denominator)),
    { digits: 2, mode }).minor;

/**
 * Interest earned on a deposit account through the end of day `d`, as the ledger would credit
 * it: for savings, the finance core's postings of the posting periods ended by `d` (each
 * rounded) plus the unrounded interest of the period in progress, rounded once; for recurring
 * and fixed deposits, interest on the daily balance since opening, compounded as the product
 * says. Cost grows with the account's balance changes, not with days.
 */
export const earnedThrough = (
  st: MoveStore, a: AccrualAccount, t: Terms, d: BusinessDate,
): bigint => {
  const dDay = toEpochDay(d);
  const transactions: { on: string; amount: string }[] = [];
  const { days, amounts } = movesOf(st, a);
  days.forEach((day, i) => {
    if (day > dDay) return;
    transactions.push({ on: fromEpochDay(day), amount: signed(amounts[i] ?? 0n) });
  });
  const from = a.openedOn;
  const span = { from, to: d };
  if (t.posting === null) {
    return rounded(t.calculator.accrued(transactions,
      { ...span, window: { from, to: addDays(d, 1) } }), t.rounding);
  }
  const posted = t.calculator.postings(transactions, span).postings
    .reduce((x, p) => x + p.interest.minor, 0n);
  const end = lastPeriodEnd(businessDate(from), t.posting, d);
  const start = end === null ? from : addDays(end, 1);
  const partial = t.calculator.accrued(transactions,
    { ...span, window: { from: start, to: addDays(d, 1) } });
  return posted + rounded(partial, t.rounding);
};

/**
 * Interest accrued and not yet credited on every open deposit account, as of a date on or
 * after the latest event applied; accounts of a product the catalogue lacks are left out.
 */
export const depositAccruals = (
  s: AccrualState, products: ProductCatalogue, o: { readonly asOf?: string } = {},
): ReadonlyArray<DepositAccrual> => {
  asOfDay(s.through, o.asOf);
  const d = businessDate(o.asOf ?? s.through ?? '1970-01-01', 'asOf');
  // Interest is reckoned through the end of `d`, up to the day after it: that day must be a
  // date, so the last day of 2199 is past the reckoning.
  if (d === lastBusinessDate) {
    throw new AsOfError(`asOf: ${d}: interest is reckoned up to the day after, so ${
      addDays(d, -1)} is the last day accruals can be reckoned through`);
  }
  const cache = new Map<string, Terms>();
  const out: DepositAccrual[] = [];
  for (const a of s.accounts.values()) {
    if (a.status !== 'open' || a.openedOn > d) continue;
    const t = termsOf(products, a, s.rateSteps, d, cache);
    if (t === undefined) continue;
    // Credited beyond what the account earned by this reckoning (a paisa of rounding between
    // the postings the ledger made, each rounded when made, and this reckoning's postings of the
    // same periods on the transactions known now): nothing is owed, and nothing is taken back.
    const owed = earnedThrough(s.moves, a, t, d) - a.interestPosted;
    out.push({
      accountId: a.accountId, memberId: a.memberId, kind: a.kind,
      accrued: owed > 0n ? owed : 0n,
      interestPosted: a.interestPosted,
    });
  }
  return out;
};

/**
 * The products of open deposit accounts (opened by the date) that `products` does not hold,
 * sorted, each once: `depositAccruals` leaves those accounts out, so its figures are whole only
 * when this is empty.
 */
export const depositProductsMissing = (
  s: AccrualState, products: ProductCatalogue, o: { readonly asOf?: string } = {},
): ReadonlyArray<string> => {
  const d = businessDate(o.asOf ?? s.through ?? '1970-01-01', 'asOf');
  const missing = new Set<string>();
  for (const a of s.accounts.values()) {
    if (a.status !== 'open' || a.openedOn > d || missing.has(a.productId)) continue;
    if (E.isLeft(productOf(products, a.productId, a.kind))) missing.add(a.productId);
  }
  return [...missing].sort();
};
