// What each member of the scale history does, and how often: the parameters of a history, the
// products it runs on, and the monthly chances of each kind of business, chosen so that the
// history comes to about the number of events asked for. Pure: no Ledger, no I/O.
import type { ProductCatalogue } from '@usha/domain';
import { products as testProducts } from '@usha/domain/testing';

/** What a scale history is made of; the cache is keyed by all of it. */
export interface ScaleParameters {
  readonly events: number;
  readonly members: number;
  readonly branches: number;
  readonly years: number;
  readonly seed: number;
}

/**
 * Ten years of 48 branches: 20,000 members from a million events up, fewer below (one for
 * every 50 events), so that a small history for a test is still a decade of business.
 */
export const scaleParameters = (events: number): ScaleParameters => ({
  events, members: Math.min(20_000, Math.max(48, Math.round(events / 50))), branches: 48,
  years: 10, seed: 1995,
});

// Savings interest is posted half-yearly, not quarterly as in the test products: at a million
// events for 20,000 members a quarterly posting alone would be half of the history.
const { SB } = testProducts;

/** The products of the scale history: the test products, savings posted half-yearly. */
export const scaleProducts: ProductCatalogue = {
  ...testProducts,
  ...(SB?.kind === 'savings'
    ? { SB: { ...SB, compounding: 'half-yearly', posting: 'half-yearly' } } : {}),
};

/** The monthly chances of each kind of business for a member who may do it. */
export interface Chances {
  readonly deposit: number;
  readonly withdrawal: number;
  readonly loan: number; // of applying, when she has no loan running
  readonly recurring: number; // of opening a recurring deposit, when she has none running
}

/** The chances at intensity k (1: a deposit in 3 months, a loan or RD begun in 20). */
export const chancesAt = (k: number): Chances => ({
  deposit: Math.min(0.9, 0.3 * k),
  withdrawal: Math.min(0.5, 0.1 * k),
  loan: Math.min(0.5, 0.05 * k),
  recurring: Math.min(0.5, 0.05 * k),
});

/** The month (from 0) member i is admitted: a quarter at the start, the rest spread evenly. */
export const admissionMonth = (p: ScaleParameters, i: number): number => {
  const founders = Math.floor(p.members / 4);
  if (i < founders) return 0;
  return Math.floor(((i - founders) / (p.members - founders)) * p.years * 12);
};

// A loan stores 4 events when it begins (applied, approved, disbursed, and a note on her
// stream), one repayment a month, and at the 12th also LoanClosed; a recurring deposit 3
// (opened, the note, the first instalment), 11 more instalments, then matured and closed.
// Either may begin again in the month the last one ended.
const loanCycle = { start: 4, last: 2 };
const recurringCycle = { start: 3, last: 2 };
const cycleMonths = 12;
const admissionEvents = 5; // admitted, 5 shares bought, savings opened + note, first deposit
const postingEvery = 6;

/** Expected events of a cycle begun with `chance` a month while none runs, over `months`. */
export const expectedCycleEvents = (
  chance: number, months: number, cycle: { start: number; last: number },
): number => {
  // running[n]: the probability that the next month pays instalment n + 1 (idle: none).
  let running = new Float64Array(cycleMonths);
  let idle = 1;
  let events = 0;
  for (let month = 0; month < months; month += 1) {
    const next = new Float64Array(cycleMonths);
    let ending = 0;
    for (let n = 0; n < cycleMonths; n += 1) {
      const q = running[n] ?? 0;
      if (n === cycleMonths - 1) { events += q * cycle.last; ending += q; }
      else { events += q; next[n + 1] = q; }
    }
    const free = idle + ending;
    events += free * chance * cycle.start;
    next[0] = free * chance;
    idle = free * (1 - chance);
    running = next;
  }
  return events;
};

/** The events a history is expected to hold at intensity k (an estimate for calibration). */
export const expectedEvents = (p: ScaleParameters, k: number): number => {
  const c = chancesAt(k);
  const byMonths = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < p.members; i += 1) {
    const months = p.years * 12 - admissionMonth(p, i) - 1; // after the admission month
    let e = byMonths.get(months);
    if (e === undefined) {
      e = months * (c.deposit + c.withdrawal) + Math.floor((months + 1) / postingEvery)
        + expectedCycleEvents(c.loan, months, loanCycle)
        + expectedCycleEvents(c.recurring, months, recurringCycle);
      byMonths.set(months, e);
    }
    total += admissionEvents + e;
  }
  return total;
};

/** The intensity at which the expected events come to `p.events` (bisection). */
export const intensityFor = (p: ScaleParameters): number => {
  let lo = 0.001;
  let hi = 100;
  for (let step = 0; step < 60; step += 1) {
    const mid = (lo + hi) / 2;
    if (expectedEvents(p, mid) < p.events) lo = mid; else hi = mid;
  }
  return lo;
};
