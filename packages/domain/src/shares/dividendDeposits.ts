import type { MoneyString } from '../shared/codecs.ts';
import { minorOf } from '../shared/codecs.ts';

/** A dividend credit to a savings account, standing: neither reversed nor redirected to cash. */
export interface StandingCredit {
  readonly financialYear: string;
  readonly amount: MoneyString;
  /** The day it was credited. */
  readonly on: string;
}

/**
 * A dividend deposit the account holds, not reversed, in paise: the year it brought
 * (DividendDeposited), or null for one stored before deposits named their year.
 */
export interface DividendDeposit {
  readonly financialYear: string | null;
  readonly amount: bigint;
  /** The day it was deposited. */
  readonly on: string;
}

/**
 * Of `credits` (oldest year first), the one a deposit of `amount` on day `on` brings: of that
 * amount, the one credited that day (the dividend run credits a part, then deposits it, the
 * same day), else the oldest credited on or before it. None: no credit of its amount awaits.
 */
export const creditFor = <C extends StandingCredit>(
  credits: ReadonlyArray<C>, amount: bigint, on: string,
): C | undefined => {
  const fits = credits.filter((c) => minorOf(c.amount) === amount && c.on <= on);
  return fits.find((c) => c.on === on) ?? fits[0];
};

/**
 * The credits still awaiting deposit, oldest year first: each credit less the deposit that
 * names its year; then a deposit that names none (an older log's) takes the credit left that
 * creditFor gives, so a log written before deposits named their year reads as its runs made
 * it. A deposit naming no credit left (its credit was reversed after it, as older versions
 * allowed) takes none, and holds up no later year's credit.
 */
export const creditsAwaiting = (
  credits: ReadonlyArray<StandingCredit>, deposits: ReadonlyArray<DividendDeposit>,
): StandingCredit[] => {
  const left = [...credits].sort((a, b) =>
    (a.financialYear < b.financialYear ? -1 : a.financialYear > b.financialYear ? 1 : 0));
  const take = (i: number) => { left.splice(i, 1); };
  for (const d of deposits) {
    if (d.financialYear === null) continue;
    const i = left.findIndex((c) => c.financialYear === d.financialYear);
    if (i >= 0) take(i);
  }
  for (const d of deposits) {
    if (d.financialYear !== null) continue;
    const c = creditFor(left, d.amount, d.on);
    if (c !== undefined) take(left.indexOf(c));
  }
  return left;
};

/** The sum of credits, in paise. */
export const creditsTotal = (credits: ReadonlyArray<StandingCredit>): bigint =>
  credits.reduce((sum, c) => sum + minorOf(c.amount), 0n);
