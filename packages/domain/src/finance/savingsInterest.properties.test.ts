import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, daysBetween, businessDate, dateParts } from '../dates/businessDate.ts';
import { daysInMonth } from '../dates/businessDate.ts';
import {
  accruedSavingsInterestExact, savingsInterest, savingsInterestCalculator, type SavingsTerms,
} from './savingsInterest.ts';

const start = businessDate('2024-01-01');
const periods = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;

const termsArb = (maxDays: number, compounding: fc.Arbitrary<SavingsTerms['compounding']>) =>
  fc.record({
    txs: fc.array(fc.record({ day: fc.integer({ min: 0, max: maxDays - 1 }),
      paise: fc.bigInt({ min: -500000n, max: 5000000n }) }), { maxLength: 6 }),
    rate: fc.constantFrom('3.65', '7.3', '10', '4.5', '0'),
    compounding,
    posting: fc.constantFrom(...periods),
    fy: fc.constantFrom(1, 4, 7),
    days: fc.integer({ min: 1, max: maxDays }),
    daysInYear: fc.constantFrom(360 as const, 365 as const),
    min: fc.constantFrom(undefined, '100', '20000'),
  }).map((g): SavingsTerms => ({
    transactions: g.txs.map((t) => ({ on: addDays(start, t.day), amount: paise(t.paise) })),
    rateAnnualPercent: g.rate, from: start, to: addDays(start, g.days), method: 'daily-balance',
    compounding: g.compounding, posting: g.posting, financialYearStartMonth: g.fy,
    daysInYear: g.daysInYear, postOn: 'next-day', minBalanceForInterest: g.min,
  }));

const paise = (n: bigint) => {
  const a = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

test('savings interest accrued over [a, c] equals that over [a, b] plus [b, c] before rounding',
  () => {
    fc.assert(fc.property(termsArb(800, fc.constantFrom('daily', ...periods)),
      fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }),
      fc.integer({ min: 0, max: 800 }), (terms, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((d) => addDays(start, d ?? 0));
        const part = (from: string, to: string) =>
          accruedSavingsInterestExact(terms, { from, to });
        const ab = part(a!, b!);
        const bc = part(b!, c!);
        const ac = part(a!, c!);
        // ab + bc == ac as exact fractions: cross-multiply.
        const lhs = (ab.numerator * bc.denominator + bc.numerator * ab.denominator)
          * ac.denominator;
        assert.is(lhs, ac.numerator * ab.denominator * bc.denominator);
      }), { numRuns: 150 });
  });

// The reference: a plain day-by-day walk in reduced bigint fractions, written from Fineract's
// description (end-of-day balance plus compounded interest, simple inside a compounding period,
// compounded at its end, each posting period rounded half-even), sharing no code with the engine.
type Frac = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Frac): Frac => { const g = gcd(n, d) || 1n; return [n / g, d / g]; };
const plus = (a: Frac, b: Frac): Frac => norm([a[0] * b[1] + b[0] * a[1], a[1] * b[1]]);
const times = (a: Frac, b: Frac): Frac => norm([a[0] * b[0], a[1] * b[1]]);

const closes = (d: string, type: (typeof periods)[number], fy: number): boolean => {
  const { year, month, day } = dateParts(businessDate(d));
  if (day !== daysInMonth(year, month)) return false;
  const step = { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 }[type];
  const last = fy === 1 ? 12 : fy - 1;
  return (((month - last) % step) + step) % step === 0;
};

const reference = (t: SavingsTerms): string[] => {
  const rate: Frac = norm([BigInt(Math.round(Number(t.rateAnnualPercent) * 100)),
    10000n * BigInt(t.daysInYear)]);
  const minimum = t.minBalanceForInterest ? BigInt(Number(t.minBalanceForInterest) * 100) : 0n;
  const out: string[] = [];
  let balance = 0n;
  let compounded: Frac = [0n, 1n];
  let uncompounded: Frac = [0n, 1n];
  let period: Frac = [0n, 1n];
  const n = daysBetween(businessDate(t.from), businessDate(t.to));
  for (let i = 0; i < n; i += 1) {
    const d = addDays(businessDate(t.from), i);
    for (const tx of t.transactions) if (tx.on === d) balance += BigInt(paiseOf(tx.amount));
    const base = plus([balance, 1n], compounded);
    const floor = minimum > 0n ? minimum : 0n;
    if (base[0] >= floor * base[1]) {
      const earned = times(base, rate);
      uncompounded = plus(uncompounded, earned);
      period = plus(period, earned);
    }
    if (closes(d, t.compounding as (typeof periods)[number], t.financialYearStartMonth ?? 4)) {
      compounded = plus(compounded, uncompounded);
      uncompounded = [0n, 1n];
    }
    if (closes(d, t.posting as (typeof periods)[number], t.financialYearStartMonth ?? 4)) {
      const [num, den] = period;
      let q = num / den;
      const twice = 2n * (num - q * den);
      if (twice > den || (twice === den && q % 2n !== 0n)) q += 1n;
      if (q > 0n) out.push(`${addDays(d, 1)} ${paise(q)}`);
      period = [0n, 1n];
    }
  }
  return out;
};
const paiseOf = (s: unknown) => String(s).replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');

test('posted interest equals an exact rational reference (bigint numerator and denominator), '
  + 'half-paise ties included', () => {
  fc.assert(fc.property(termsArb(400, fc.constantFrom(...periods)), (terms) => {
    const got = savingsInterest(terms).postings.map((p) => `${p.on} ${p.interest}`);
    assert.equal(got, reference(terms));
  }), { numRuns: 200 });
});

test('a sum of parts never loses a paisa: posted balances are deposits plus postings', () => {
  fc.assert(fc.property(termsArb(400, fc.constantFrom('daily', ...periods)), (terms) => {
    const { postings } = savingsInterest(terms);
    let posted = 0n;
    for (const p of postings) {
      posted += p.interest.minor;
      const deposits = terms.transactions.filter((tx) => tx.on < p.on)
        .reduce((a, tx) => a + BigInt(paiseOf(tx.amount)), 0n);
      assert.is(p.balance.minor, deposits + posted);
    }
  }), { numRuns: 100 });
});

const withMethod = (arb: fc.Arbitrary<SavingsTerms>) =>
  fc.tuple(arb, fc.constantFrom('daily-balance' as const, 'average-daily-balance' as const),
    fc.constantFrom('period-end' as const, 'next-day' as const))
    .map(([t, method, postOn]): SavingsTerms => ({ ...t, method, postOn }));

test('the compiled calculator and savingsInterest agree on every history', () => {
  fc.assert(fc.property(withMethod(termsArb(800, fc.constantFrom('daily', ...periods))),
    fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (terms, x, y) => {
      const { transactions, from, to, ...product } = terms;
      const calculator = savingsInterestCalculator(product);
      const show = (r: ReturnType<typeof savingsInterest>) =>
        r.postings.map((p) => `${p.on} ${p.interest} ${p.balance}`);
      assert.equal(show(calculator.postings(transactions, { from, to })),
        show(savingsInterest(terms)));
      const [a, b] = [x, y].sort((p, q) => p - q).map((d) => addDays(start, d ?? 0));
      const window = { from: a!, to: b! };
      assert.equal(calculator.accrued(transactions, { from, to, window }),
        accruedSavingsInterestExact(terms, window));
    }), { numRuns: 200 });
});

test('twenty years of quarterly postings on one deposit equal exact compounding', () => {
  // Runs of 8 or more whole periods compound in closed form; the reference compounds each
  // quarter exactly: interest (balance + compounded) * r * days, posted rounded half-even.
  const terms: SavingsTerms = {
    transactions: [{ on: '2024-04-01', amount: '123456.78' }], rateAnnualPercent: '7.3',
    from: '2024-04-01', to: '2044-04-01', method: 'daily-balance', compounding: 'quarterly',
    posting: 'quarterly', daysInYear: 365, postOn: 'next-day',
  };
  const expected: string[] = [];
  let compounded: Frac = [12345678n, 1n]; // balance plus compounded interest, in paise
  let periodStart = businessDate(terms.from);
  for (let d = periodStart; d < terms.to; d = addDays(d, 1)) {
    const next = addDays(d, 1);
    if (closes(d, 'quarterly', 4)) {
      const days = daysBetween(periodStart, next);
      periodStart = next;
      const u = times(compounded, norm([73n * BigInt(days), 365000n]));
      const [num, den] = u;
      let q = num / den;
      const twice = 2n * (num - q * den);
      if (twice > den || (twice === den && q % 2n !== 0n)) q += 1n;
      expected.push(`${next} ${paise(q)}`);
      compounded = plus(compounded, u);
    }
  }
  const got = savingsInterest(terms).postings.map((p) => `${p.on} ${p.interest}`);
  assert.is(got.length, 80);
  assert.equal(got, expected);
});

test.run();
