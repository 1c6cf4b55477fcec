import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import {
  addDays, businessDate, dateParts, daysBetween, daysInMonth, fromParts, type BusinessDate,
} from '../dates/businessDate.ts';
import { days30360 } from '../dates/dayCount.ts';
import { savingsInterest, type SavingsTerms } from './savingsInterest.ts';

const start = businessDate('2023-01-01');
const periods = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
type Period = (typeof periods)[number];

const paise = (n: bigint): string => {
  const a = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

const termsArb = fc.record({
  txs: fc.array(fc.record({ day: fc.integer({ min: 0, max: 799 }),
    paise: fc.bigInt({ min: -500000n, max: 5000000n }) }), { maxLength: 6 }),
  rate: fc.constantFrom('3.65', '7.3', '10', '4.5', '12'),
  compounding: fc.constantFrom(...periods),
  posting: fc.constantFrom(...periods),
  fy: fc.constantFrom(1, 4, 7),
  days: fc.integer({ min: 1, max: 800 }),
  daysInYear: fc.constantFrom(360 as const, 364 as const, 365 as const, 'actual' as const,
    '30/360' as const),
  method: fc.constantFrom('daily-balance' as const, 'average-daily-balance' as const),
  min: fc.constantFrom(undefined, '100', '20000'),
}).map((g): SavingsTerms => ({
  transactions: g.txs.map((t) => ({ on: addDays(start, t.day), amount: paise(t.paise) })),
  rateAnnualPercent: g.rate, from: start, to: addDays(start, g.days), method: g.method,
  compounding: g.compounding, posting: g.posting, financialYearStartMonth: g.fy,
  daysInYear: g.daysInYear, postOn: 'next-day', minBalanceForInterest: g.min,
}));

// The reference: a day-by-day walk in reduced bigint fractions, sharing no code with the
// engine. A day's share of the annual rate comes straight from each count's definition.
type Frac = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Frac): Frac => { const g = gcd(n, d) || 1n; return [n / g, d / g]; };
const plus = (a: Frac, b: Frac): Frac => norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
const times = (a: Frac, b: Frac): Frac => norm([a[0] * b[0], a[1] * b[1]]);
const ZERO: Frac = [0n, 1n];

// The year a day belongs to under 'actual': the financial year from fy's month 1st.
const financialYearDays = (d: BusinessDate, fy: number): number => {
  const { year, month } = dateParts(d);
  const y = month >= fy ? year : year - 1;
  return daysBetween(fromParts({ year: y, month: fy, day: 1 }),
    fromParts({ year: y + 1, month: fy, day: 1 }));
};

/** The fraction of a year that day d counts for. */
const yearShare = (d: BusinessDate, t: SavingsTerms): Frac => {
  const c = t.daysInYear;
  if (c === 'actual') return [1n, BigInt(financialYearDays(d, t.financialYearStartMonth ?? 4))];
  if (c === '30/360') return norm([BigInt(days30360(d, addDays(d, 1))), 360n]);
  return [1n, BigInt(c)];
};

const closes = (d: BusinessDate, type: Period, fy: number): boolean => {
  const { year, month, day } = dateParts(d);
  if (day !== daysInMonth(year, month)) return false;
  const step = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 }[type];
  const last = fy === 1 ? 12 : fy - 1;
  return (((month - last) % step) + step) % step === 0;
};

const roundHalfEven = ([num, den]: Frac): bigint => {
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && q % 2n !== 0n)) q += 1n;
  return q;
};
const paiseOf = (s: unknown) => String(s).replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');

const reference = (t: SavingsTerms): string[] => {
  const rate: Frac = norm([BigInt(Math.round(Number(t.rateAnnualPercent) * 100)), 10000n]);
  const fy = t.financialYearStartMonth ?? 4;
  const floor = t.minBalanceForInterest ? BigInt(Number(t.minBalanceForInterest) * 100) : 0n;
  const reaches = (x: Frac) => x[0] >= 0n && x[0] >= floor * x[1];
  const out: string[] = [];
  let balance = 0n;
  let funded = false;
  let compounded = ZERO;
  let uncompounded = ZERO;
  let period = ZERO;
  // Average daily balance: one piece per compounding period cut by posting periods.
  let pieceSum = ZERO;
  let pieceDays = 0n;
  let pieceInterest = ZERO;
  const closePiece = () => {
    if (pieceDays > 0n && reaches(times(pieceSum, [1n, pieceDays]))
      && pieceSum[0] !== 0n) {
      uncompounded = plus(uncompounded, pieceInterest);
      period = plus(period, pieceInterest);
    }
    pieceSum = ZERO;
    pieceDays = 0n;
    pieceInterest = ZERO;
  };
  const n = daysBetween(businessDate(t.from), businessDate(t.to));
  for (let i = 0; i < n; i += 1) {
    const d = addDays(businessDate(t.from), i);
    for (const tx of t.transactions) {
      if (tx.on === d) { balance += BigInt(paiseOf(tx.amount)); funded = true; }
    }
    const base = plus([balance, 1n], compounded);
    const earned = times(base, times(rate, yearShare(d, t)));
    if (t.method === 'daily-balance') {
      if (reaches(base)) {
        uncompounded = plus(uncompounded, earned);
        period = plus(period, earned);
      }
    } else if (funded) { // days before the first transaction are not counted
      pieceSum = plus(pieceSum, base);
      pieceDays += 1n;
      pieceInterest = plus(pieceInterest, earned);
    }
    const compounds = closes(d, t.compounding as Period, fy);
    const posts = closes(d, t.posting as Period, fy);
    if (compounds || posts) closePiece();
    if (compounds) {
      compounded = plus(compounded, uncompounded);
      uncompounded = ZERO;
    }
    if (posts) {
      const q = roundHalfEven(period);
      if (q > 0n) out.push(`${addDays(d, 1)} ${paise(q)}`);
      period = ZERO;
    }
  }
  return out;
};

test('every day count posts what an exact rational reference posts (bigint fractions), '
  + 'daily and average daily balance', () => {
  fc.assert(fc.property(termsArb, (terms) => {
    const got = savingsInterest(terms).postings.map((p) => `${p.on} ${p.interest}`);
    assert.equal(got, reference(terms));
  }), { numRuns: 300 });
});

test('a whole financial year at a constant balance earns exactly the rate under actual/actual '
  + 'and 30/360', () => {
  fc.assert(fc.property(fc.integer({ min: 1990, max: 2150 }), fc.constantFrom(1, 4, 7),
    fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.constantFrom('actual' as const, '30/360' as const),
    (year, fy, minor, daysInYear) => {
      const from = fromParts({ year, month: fy, day: 1 });
      const to = addDays(fromParts({ year: year + 1, month: fy, day: 1 }), -1);
      const r = savingsInterest({ transactions: [{ on: from, amount: paise(minor) }],
        rateAnnualPercent: '8', from, to, method: 'daily-balance', compounding: 'yearly',
        posting: 'yearly', financialYearStartMonth: fy, daysInYear, postOn: 'period-end' });
      const expected = roundHalfEven([minor * 8n, 100n]);
      assert.equal(r.postings.map((p) => p.interest.minor), expected > 0n ? [expected] : []);
    }), { numRuns: 200 });
});

test.run();
