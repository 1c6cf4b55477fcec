import { money } from '../../money/money.ts';
import { COMPOUNDED_PARTS_PER_MINOR as PARTS, roundPartsHalfEven } from './fixedPoint.ts';
import type { PostingPlan } from './postingPlan.ts';
import { roundRatio } from '../../money/roundRatio.ts';
import type { NormalAccount } from './savingsAccount.ts';
import type { SavingsPosting } from './savingsPostings.ts';
import type { NormalProduct } from './savingsProduct.ts';
import { COMPOUND, type SteppedSchedule } from './steppedSchedule.ts';

const FIVES = 5n ** 24n; // PARTS = 2^24 * 5^24
// PARTS / 2 = 2^24 * (FIVES - 1) / 2 + 2^23: the remainder by FIVES of a tie's upper bits.
const HALF_FIVES = (FIVES - 1n) / 2n;

/**
 * Posted interest of a period whose snapshot and the previous one both fall on compounding
 * days, half-even, from the parts compounded in it alone; undefined near a tie.
 */
// There earned = c * q + r with r the last compounding's remainder, |r| <= q/2, so d / q =
// dc + (r - prevR) / q lies within 1 part of dc. Unless dc's upper bits (dc >> 24) are a tie's
// by FIVES, dc is at least 2^23 parts from half a minor unit and rounds as d does; near a tie
// the caller rounds the exact numerator. The remainder by FIVES is below 2^64, so its low 64
// bits are all of it, and V8 computes BigInt.asUintN(64, ...) in machine words, allocating
// nothing.
export const alignedHalfEven = (dc: bigint): bigint | undefined => {
  const upper = dc >> 24n;
  const whole = upper / FIVES;
  const rest = BigInt.asUintN(64, upper - whole * FIVES);
  if (rest < HALF_FIVES) return whole;
  if (rest > HALF_FIVES) return whole + 1n;
  return undefined;
};

/**
 * u / q rounded half-even to an integer (u >= 0, q even and below 2^63, halfQ = q / 2): the
 * compounding point. The remainder, below q, is computed in machine words as above.
 */
export const compoundedParts = (u: bigint, q: bigint, halfQ: bigint): bigint => {
  const down = u / q;
  const rest = BigInt.asUintN(64, u - down * q);
  return rest > halfQ || (rest === halfQ && (down & 1n) !== 0n) ? down + 1n : down;
};

/**
 * savingsPostings for daily-balance interest whose schedule applies: one pass over the
 * transactions and the schedule, the state in local variables, with the figures of
 * earnedBefore (the same accrual, compounding and rounding points, in the same order).
 * One function rather than several: this is the hot loop of every account's postings.
 */
export const steppedPostings = (
  p: NormalProduct, a: NormalAccount, plan: PostingPlan, schedule: SteppedSchedule,
): SavingsPosting[] => {
  const { days, amounts } = a;
  const { q, floorParts, rateTimesDays, digits } = p;
  const { halfQ } = schedule;
  const halfEven = p.rounding === 'half-even';
  const postings: SavingsPosting[] = [];
  let base = 0n; // balance + compounded interest, in parts: what earns interest
  let u = 0n; // interest of the open compounding period, a numerator over q of parts
  let t = a.fromDay;
  let shown = 0n; // balance with posted interest, minor units
  let dc = 0n; // parts compounded since the last snapshot
  // The last compounding rounded lastU / q to lastParts: its remainder is lastU - lastParts * q.
  let lastU = 0n;
  let lastParts = 0n;
  let compoundedOn = -1;
  // Earned at the last snapshot less the parts compounded by then: prevU - prevParts * q.
  let prevU = 0n;
  let prevParts = 0n;
  let prevAligned = true;
  let i = 0;
  let k = 0;
  const length = schedule.days.length;
  for (let e = 0; e < length; e += 1) {
    const day = schedule.days[e] ?? 0;
    for (; i < days.length && (days[i] ?? 0) < day; i += 1) {
      const txDay = days[i] ?? 0;
      if (txDay > t) {
        if (base >= floorParts) u = plus(u, base * rateTimesDays(t, txDay));
        t = txDay;
      }
      const amount = amounts[i] ?? 0n;
      base = plus(base, amount * PARTS);
      shown = plus(shown, amount);
    }
    if (day > t && base >= floorParts) u = plus(u, base * rateTimesDays(t, day));
    t = day;
    if (schedule.kinds[e] === COMPOUND) {
      const parts = u === 0n ? 0n : compoundedParts(u, q, halfQ);
      lastU = u;
      lastParts = parts;
      dc = plus(dc, parts);
      // A compounding on the last snapshot's day need not reach base: no day earns after it.
      if (e + 2 < length || schedule.days[e + 1] !== day) base = plus(base, parts);
      u = 0n;
      compoundedOn = day;
      continue;
    }
    const aligned = compoundedOn === day;
    const fast = aligned && prevAligned && halfEven ? alignedHalfEven(dc) : undefined;
    // Remainders are wanted only by the exact rounding, so they are kept as their terms.
    const rU = aligned ? lastU : u;
    const rParts = aligned ? lastParts : 0n;
    const interest = fast
      ?? rounded(dc * q + (rU - rParts * q) - (prevU - prevParts * q), p);
    dc = 0n;
    prevU = rU;
    prevParts = rParts;
    prevAligned = aligned;
    const period = k;
    k += 1;
    if (interest <= 0n) continue;
    shown += interest;
    postings.push({
      on: plan.dateOf(period), interest: money(interest, digits), balance: money(shown, digits),
    });
  }
  return postings;
};

// x + more, allocating nothing when x is 0 (the first piece of most compounding periods).
const plus = (x: bigint, more: bigint): bigint => (x === 0n ? more : x + more);

// A period's unrounded interest d (a numerator over p.den) rounded by the product's mode.
const rounded = (d: bigint, p: NormalProduct): bigint =>
  p.rounding === 'half-even'
    ? roundPartsHalfEven(d, p.q, p.den) : roundRatio(d, p.den, p.rounding);
