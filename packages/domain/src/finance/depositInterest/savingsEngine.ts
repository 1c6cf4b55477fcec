import { roundHalfEven } from '../../money/roundRatio.ts';
import { applyFactor, COMPOUNDED_PARTS_PER_MINOR as PARTS } from './fixedPoint.ts';
import { postingPeriodEnd } from './periodEnds.ts';
import type { NormalAccount } from './savingsAccount.ts';
import type { NormalProduct } from './savingsProduct.ts';

// An account's interest at the start of day `t`, as Fineract keeps it: the balance excludes
// posted interest; `c` is interest compounded so far and `u` interest earned in the current
// compounding period, uncompounded (CompoundInterestValues). Amounts are integers of parts of
// a minor unit (fixedPoint.ts); `u` and `pieceSum * rate` are exact numerators over q. A period
// is compounded lazily, when a later day is needed, so interest to a period's end is exact.
interface State {
  t: number;
  base: bigint; // balance + c, in parts: what earns interest
  c: bigint;
  u: bigint;
  k: number; // the compounding period `u` belongs to
  cpEnd: number; // its last day
  pieceSum: bigint; // average daily balance: sum of base * days over the open piece
  pieceDays: number;
  pieceWeighted: bigint; // sum of base * weighted days (dayWeights.ts) over the open piece
  funded: boolean; // a transaction has been applied: days before the first have no balance
}

/**
 * Runs of at least this many whole compounding periods without a balance change are
 * compounded in closed form and rounded once; shorter runs are compounded period by period.
 */
export const CLOSED_FORM_MIN_PERIODS = 8;

const accrue = (s: State, from: number, to: number, p: NormalProduct): void => {
  if (to > from && s.base >= p.floorParts) s.u += s.base * p.rateTimesDays(from, to);
};

// Fineract averages over the days that have an end-of-day balance, and the first one is the
// first transaction's day (PostingPeriod.createFrom builds balances from transactions only):
// days before it are not zero-balance days, they are not counted at all.
const addPiece = (s: State, from: number, to: number, p: NormalProduct): void => {
  if (to <= from || !s.funded) return;
  s.pieceSum += s.base * BigInt(to - from);
  s.pieceDays += to - from;
  s.pieceWeighted += s.base * BigInt(p.weights.between(from, to));
};

// Average daily balance: interest of the open piece on its average, if that reaches the floor.
const pieceInterest = (s: State, p: NormalProduct): bigint => {
  if (s.pieceDays === 0 || s.pieceSum === 0n) return 0n;
  if (s.pieceSum < p.floorParts * BigInt(s.pieceDays)) return 0n;
  return s.pieceWeighted * p.rateUnits;
};

const closePiece = (s: State, p: NormalProduct): void => {
  if (s.pieceDays === 0) return;
  s.u += pieceInterest(s, p);
  s.pieceSum = 0n;
  s.pieceDays = 0;
  s.pieceWeighted = 0n;
};

// The rounding point: a period's interest joins the compounded interest, half-even in parts.
const compound = (s: State, p: NormalProduct): void => {
  if (s.u === 0n) return;
  const parts = roundHalfEven(s.u, p.q);
  s.c += parts;
  s.base += parts;
  s.u = 0n;
};

// Whole periods k .. last - 1 at a constant balance, then period `last` is the open one.
const wholePeriods = (s: State, last: number, p: NormalProduct): void => {
  const grid = p.grid;
  if (grid === undefined) return;
  if (last - s.k >= CLOSED_FORM_MIN_PERIODS) {
    if (s.base >= p.floorParts && s.base !== 0n) {
      const grown = applyFactor(s.base, grid.growthBetween(s.k, last));
      s.c += grown - s.base;
      s.base = grown;
    }
  } else {
    for (let k = s.k; k < last; k += 1) {
      accrue(s, grid.endOf(k - 1) + 1, grid.endOf(k) + 1, p);
      compound(s, p);
    }
  }
  s.k = last;
  s.t = grid.endOf(last - 1) + 1;
  s.cpEnd = grid.endOf(last);
};

// Simple interest (or the open piece) inside a compounding period, compounded at its end.
const advancePeriods = (s: State, t2: number, p: NormalProduct): void => {
  const average = p.method === 'average-daily-balance';
  if (t2 > s.cpEnd + 1 && p.grid !== undefined) {
    if (average) {
      addPiece(s, s.t, s.cpEnd + 1, p);
      closePiece(s, p);
    } else accrue(s, s.t, s.cpEnd + 1, p);
    compound(s, p);
    s.t = s.cpEnd + 1;
    s.k += 1;
    s.cpEnd = p.grid.endOf(s.k);
    if (t2 > s.cpEnd + 1) wholePeriods(s, p.grid.periodOf(t2 - 1), p);
  }
  if (average) addPiece(s, s.t, t2, p);
  else accrue(s, s.t, t2, p);
  s.t = t2;
};

// Daily compounding: the base grows by (1 + r/n)^days (EndOfDayBalance's future value),
// whatever the method, as Fineract's DailyCompoundingPeriod ignores the calculation type.
const advanceDaily = (s: State, t2: number, p: NormalProduct): void => {
  const days = t2 - s.t;
  if (days > 0 && s.base >= p.floorParts && s.base !== 0n && p.rateUnits !== 0n) {
    const grown = days === 1
      ? roundHalfEven(s.base * (p.q + p.rateUnits), p.q)
      : applyFactor(s.base, p.dailyGrowth(days));
    s.c += grown - s.base;
    s.base = grown;
  }
  s.t = t2;
};

const advance = (s: State, t2: number, p: NormalProduct): void => {
  if (t2 <= s.t) return;
  if (p.grid === undefined) advanceDaily(s, t2, p);
  else advancePeriods(s, t2, p);
};

// Whether advancing `s` to t2 compounds period by period (no closed form), so that stopping
// on the way changes nothing: then snapshots may be read from a state moved step by step.
const stepwise = (s: State, t2: number, p: NormalProduct): boolean =>
  p.grid !== undefined &&
  (t2 <= s.cpEnd + 1 || p.grid.periodOf(t2 - 1) - (s.k + 1) < CLOSED_FORM_MIN_PERIODS);

// Interest earned before day s.t: compounded, uncompounded and the open piece so far (as
// Fineract would compute it with the interest calculation date at t - 1).
const earned = (s: State, p: NormalProduct): bigint =>
  s.c * p.q + s.u + (s.pieceDays === 0 ? 0n : pieceInterest(s, p));

/** Posting period last days from `fromDay`, while a period starts on or before `lastStart`. */
export const postingEnds = (
  p: Pick<NormalProduct, 'posting' | 'fyStartMonth'>, fromDay: number, lastStart: number,
): number[] => {
  const ends: number[] = [];
  for (let start = fromDay; start <= lastStart;) {
    const end = postingPeriodEnd(start, p.posting, p.fyStartMonth);
    ends.push(end);
    start = end + 1;
  }
  return ends;
};

/** Days that close an average-daily-balance piece (posting period starts) up to `last`. */
export const pieceCuts = (p: NormalProduct, fromDay: number, last: number): number[] =>
  p.method === 'average-daily-balance' && p.grid !== undefined
    ? postingEnds(p, fromDay, last).map((e) => e + 1).filter((d) => d <= last) : [];

// An object literal, not a spread: spread is several times slower on Node 20.
const copyOf = (s: State): State => ({
  t: s.t, base: s.base, c: s.c, u: s.u, k: s.k, cpEnd: s.cpEnd, pieceSum: s.pieceSum,
  pieceDays: s.pieceDays, pieceWeighted: s.pieceWeighted, funded: s.funded,
});

const startState = (p: NormalProduct, fromDay: number): State => {
  const k = p.grid === undefined ? 0 : p.grid.periodOf(fromDay);
  const cpEnd = p.grid === undefined ? fromDay : p.grid.endOf(k);
  return {
    t: fromDay, base: 0n, c: 0n, u: 0n, k, cpEnd, pieceSum: 0n, pieceDays: 0,
    pieceWeighted: 0n, funded: false,
  };
};

/**
 * Unrounded interest earned before each of `snapDays` (ascending, each >= fromDay), as
 * numerators over p.den. `cuts` are pieceCuts. Every figure is what moving the state from the
 * last balance change (or cut) straight to the snapshot gives, so it does not depend on which
 * others are asked for and accruals add up exactly. Cost grows with transactions, cuts and
 * snapshots, not days.
 */
export const earnedBefore = (
  p: NormalProduct, a: NormalAccount, snapDays: ReadonlyArray<number>,
  cuts: ReadonlyArray<number>,
): bigint[] => {
  let s = startState(p, a.fromDay); // at the last balance change or cut
  let cursor = s; // s moved step by step through snapshots, while that equals moving straight
  const values: bigint[] = [];
  const { days, amounts } = a;
  let i = 0;
  let j = 0;
  const moveTo = (t: number): void => {
    if (cursor !== s && cursor.t <= t && stepwise(s, t, p)) s = cursor;
    advance(s, t, p);
    cursor = s;
  };
  for (const snap of snapDays) {
    for (;;) {
      const tx = days[i] ?? Infinity;
      const cut = cuts[j] ?? Infinity;
      if (cut <= tx && cut <= snap) {
        moveTo(cut);
        closePiece(s, p);
        j += 1;
      } else if (tx < snap) {
        moveTo(tx);
        const amount = (amounts[i] ?? 0n) * PARTS;
        s.base += amount;
        s.funded = true;
        i += 1;
      } else break;
    }
    if (stepwise(s, snap, p)) {
      if (cursor === s) cursor = copyOf(s);
      advance(cursor, snap, p);
      values.push(earned(cursor, p));
    } else {
      const straight = copyOf(s);
      advance(straight, snap, p);
      values.push(earned(straight, p));
    }
  }
  return values;
};
