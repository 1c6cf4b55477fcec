import { compoundingPeriodEnd, postingPeriodEnd } from './periodEnds.ts';
import {
  qAdd, qBase, qCompare, qInt, qScale, qSub, qZero, type QBase, type QNum,
} from './qnum.ts';
import type { NormalTerms } from './savingsTerms.ts';

// The state of an account's interest at the start of day `t`, as Fineract keeps it: the
// balance B excludes posted interest; C is interest compounded so far and U interest earned
// in the current compounding period, both unrounded (CompoundInterestValues).
interface State {
  t: number;
  b: bigint;
  c: QNum;
  u: QNum;
  cpEnd: number;
  pieceSum: QNum; // average-daily-balance: sum of (B + C) * days in the current piece
  pieceDays: number;
}

interface Ctx {
  readonly terms: NormalTerms;
  readonly base: QBase;
}

const eligible = (base: QNum, ctx: Ctx): boolean =>
  qCompare(base, qInt(ctx.terms.floorMinMinor), ctx.base) >= 0;

const cpEndFrom = (t: number, ctx: Ctx): number =>
  ctx.terms.compounding === 'daily'
    ? Number.MAX_SAFE_INTEGER
    : compoundingPeriodEnd(t, ctx.terms.compounding, ctx.terms.fyStartMonth);

// Daily compounding: base grows by (1 + r/n)^days (EndOfDayBalance's future value), whatever
// the method, as Fineract's DailyCompoundingPeriod ignores the calculation type.
const advanceDaily = (s: State, t2: number, ctx: Ctx): void => {
  const base = qAdd(qInt(s.b), s.c, ctx.base);
  const d = t2 - s.t;
  if (d > 0 && eligible(base, ctx)) {
    const grown = qScale(base, (ctx.base.q + ctx.terms.rateUnits) ** BigInt(d), d);
    s.c = qSub(grown, qInt(s.b), ctx.base);
  }
  s.t = t2;
};

// Simple interest within a compounding period, compounded at its end; runs of whole periods
// go in closed form, one power per distinct period length.
const advanceDailyBalance = (s: State, t2: number, ctx: Ctx): void => {
  const { q } = ctx.base;
  const r = ctx.terms.rateUnits;
  while (s.t < t2) {
    const base = qAdd(qInt(s.b), s.c, ctx.base);
    const ok = eligible(base, ctx);
    if (s.cpEnd >= t2) {
      if (ok) s.u = qAdd(s.u, qScale(base, r * BigInt(t2 - s.t), 1), ctx.base);
      s.t = t2;
      return;
    }
    if (ok) s.u = qAdd(s.u, qScale(base, r * BigInt(s.cpEnd + 1 - s.t), 1), ctx.base);
    s.c = qAdd(s.c, s.u, ctx.base);
    s.u = qZero;
    s.t = s.cpEnd + 1;
    s.cpEnd = cpEndFrom(s.t, ctx);
    if (s.cpEnd >= t2 || !ok) continue;
    const lengths = new Map<number, number>();
    let m = 0;
    while (s.cpEnd < t2) {
      const len = s.cpEnd + 1 - s.t;
      lengths.set(len, (lengths.get(len) ?? 0) + 1);
      m += 1;
      s.t = s.cpEnd + 1;
      s.cpEnd = cpEndFrom(s.t, ctx);
    }
    let factor = 1n;
    for (const [len, count] of lengths) factor *= (q + r * BigInt(len)) ** BigInt(count);
    const grown = qScale(qAdd(qInt(s.b), s.c, ctx.base), factor, m);
    s.c = qSub(grown, qInt(s.b), ctx.base);
  }
};

// Average daily balance: interest per piece (a compounding period cut by posting periods) on
// the piece's average of (B + C), if that average is at least the minimum balance.
const pieceInterest = (s: State, ctx: Ctx): QNum => {
  if (s.pieceDays === 0 || s.pieceSum.n === 0n) return qZero;
  const floor = qInt(ctx.terms.floorMinMinor * BigInt(s.pieceDays));
  if (qCompare(s.pieceSum, floor, ctx.base) < 0) return qZero;
  return qScale(s.pieceSum, ctx.terms.rateUnits, 1);
};

const closePiece = (s: State, ctx: Ctx): void => {
  s.u = qAdd(s.u, pieceInterest(s, ctx), ctx.base);
  s.pieceSum = qZero;
  s.pieceDays = 0;
};

const advanceAverage = (s: State, t2: number, ctx: Ctx): void => {
  while (s.t < t2) {
    const stop = Math.min(t2, s.cpEnd + 1);
    const base = qAdd(qInt(s.b), s.c, ctx.base);
    s.pieceSum = qAdd(s.pieceSum, qScale(base, BigInt(stop - s.t), 0), ctx.base);
    s.pieceDays += stop - s.t;
    s.t = stop;
    if (stop === s.cpEnd + 1) {
      closePiece(s, ctx);
      s.c = qAdd(s.c, s.u, ctx.base);
      s.u = qZero;
      s.cpEnd = cpEndFrom(s.t, ctx);
    }
  }
};

const advance = (s: State, t2: number, ctx: Ctx): void => {
  if (ctx.terms.compounding === 'daily') advanceDaily(s, t2, ctx);
  else if (ctx.terms.method === 'daily-balance') advanceDailyBalance(s, t2, ctx);
  else advanceAverage(s, t2, ctx);
};

// Interest earned before day t: compounded, uncompounded and the open piece so far (as
// Fineract would compute it with the interest calculation date at t - 1).
const earned = (s: State, ctx: Ctx): QNum =>
  qAdd(qAdd(s.c, s.u, ctx.base), pieceInterest(s, ctx), ctx.base);

/** Posting period last days from `fromDay`, while a period starts on or before `lastStart`. */
export const postingEnds = (t: NormalTerms, lastStart: number): number[] => {
  const ends: number[] = [];
  for (let start = t.fromDay; start <= lastStart;) {
    const end = postingPeriodEnd(start, t.posting, t.fyStartMonth);
    ends.push(end);
    start = end + 1;
  }
  return ends;
};

/**
 * Unrounded interest earned before each of `snapDays` (ascending, each >= fromDay), as an exact
 * n / q^k in minor units. Cost grows with transactions, postings and snapshots, not days.
 */
export const interestBefore = (
  terms: NormalTerms, snapDays: ReadonlyArray<number>,
): { values: QNum[]; base: QBase } => {
  const ctx: Ctx = { terms, base: qBase(terms.q) };
  const last = snapDays[snapDays.length - 1] ?? terms.fromDay;
  const cuts = terms.method === 'average-daily-balance' && terms.compounding !== 'daily'
    ? postingEnds(terms, last).map((e) => e + 1) : [];
  const s: State = {
    t: terms.fromDay, b: 0n, c: qZero, u: qZero, cpEnd: cpEndFrom(terms.fromDay, ctx),
    pieceSum: qZero, pieceDays: 0,
  };
  const values: QNum[] = [];
  let i = 0;
  let j = 0;
  for (const snap of snapDays) {
    for (;;) {
      const tx = terms.days[i] ?? Infinity;
      const cut = cuts[j] ?? Infinity;
      if (cut <= tx && cut <= snap) {
        advance(s, cut, ctx);
        closePiece(s, ctx);
        j += 1;
      } else if (tx < snap) {
        advance(s, tx, ctx);
        s.b += terms.amounts[i] ?? 0n;
        i += 1;
      } else break;
    }
    advance(s, snap, ctx);
    values.push(earned(s, ctx));
  }
  return { values, base: ctx.base };
};
