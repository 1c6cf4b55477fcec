// Benchmark: daily-balance savings interest for 30,000 accounts with 50,000 transactions,
// against a plain fold of the same transactions into bigint balances, measured side by side
// in one run. Both start from the same transaction objects (string dates and amounts).
// The measured path is the compiled-product API, savingsInterestCalculator(product), checked
// once per product per pass as an app or projection would; savingsInterest(terms), which
// checks the product again for every account, is printed for information.
// Run: npx pnpm@10 bench savingsInterest
//   (= node --import tsx packages/domain/bench/savingsInterest.bench.ts)
import {
  savingsInterest, savingsInterestCalculator, type SavingsTerms,
} from '../src/finance/savingsInterest.ts';
import { addDays, businessDate } from '../src/dates/businessDate.ts';

// mulberry32: a seeded PRNG, so every run measures the same data.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const ACCOUNTS = 30_000;
const TRANSACTIONS = 50_000;
const start = businessDate('2024-04-01');

type Tx = { on: string; amount: string };
// The draws are made first and each account's objects built together, in account order, as a
// store read would: built in draw order, the set made second was allocated straight into old
// space (V8 pretenures a site whose objects survive), scattered, and read ~25% slower than
// the same figures made first, which the 1-vs-20-year ratio then charged to the 20 years.
const generate = (spanDays: number): Tx[][] => {
  const rand = prng(20240401);
  const draws: Array<Array<{ day: number; paise: number }>> =
    Array.from({ length: ACCOUNTS }, () => []);
  for (let i = 0; i < TRANSACTIONS; i += 1) {
    const a = i < ACCOUNTS ? i : Math.floor(rand() * ACCOUNTS);
    const day = i < ACCOUNTS ? 0 : Math.floor(rand() * spanDays);
    const paise = i < ACCOUNTS ? 100000 + Math.floor(rand() * 5000000)
      : Math.floor(rand() * 200000) - 50000;
    draws[a]!.push({ day, paise });
  }
  // A stable sort by day: the order the sort by date string gave.
  return draws.map((list) => list.sort((x, y) => x.day - y.day)
    .map(({ day, paise }) => ({ on: addDays(start, day), amount: (paise / 100).toFixed(2) })));
};

type Product = Omit<SavingsTerms, 'transactions' | 'from' | 'to'>;
const product = (posting: SavingsTerms['posting']): Product => ({
  rateAnnualPercent: '4', method: 'daily-balance', compounding: 'quarterly',
  posting, daysInYear: 365, postOn: 'next-day',
});

const fold = (accounts: Tx[][]): bigint => {
  let total = 0n;
  for (const list of accounts) {
    let balance = 0n;
    for (const tx of list) balance += BigInt(tx.amount.replace('.', ''));
    total += balance;
  }
  return total;
};

const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const RUNS = 5;
const best = (f: () => unknown): number =>
  Math.min(...Array.from({ length: RUNS }, () => time(f)));

const oneYear = generate(365);
const twentyYears = generate(365 * 20);
const yearEnd = addDays(start, 365);
const twentyEnd = addDays(start, 365 * 20);

// One pass: the product is checked once, then every account is computed.
const postAll = (accounts: Tx[][], posting: SavingsTerms['posting'], to: string) => () => {
  const calculator = savingsInterestCalculator(product(posting));
  const span = { from: start, to }; // every account opens on `start`: one span object
  let n = 0;
  for (const transactions of accounts) {
    n += calculator.postings(transactions, span).postings.length;
  }
  return n;
};
const accrueAll = (accounts: Tx[][], to: string) => () => {
  const calculator = savingsInterestCalculator(product('yearly'));
  const window = { from: start, to };
  let total = 0n;
  for (const transactions of accounts) {
    total += calculator.accrued(transactions, { from: start, to, window }).numerator;
  }
  return total;
};
const perAccountTerms = (accounts: Tx[][], to: string) => () => {
  for (const transactions of accounts) {
    savingsInterest({ ...product('quarterly'), from: start, to, transactions });
  }
};

for (let i = 0; i < 3; i += 1) { // warm up the JIT on every path
  fold(oneYear);
  postAll(oneYear, 'quarterly', yearEnd)();
  accrueAll(twentyYears, twentyEnd)();
  postAll(twentyYears, 'yearly', twentyEnd)();
}
const baseline = best(() => fold(oneYear));
const quarterly = best(postAll(oneYear, 'quarterly', yearEnd));
const baselineAgain = best(() => fold(oneYear));
const accrual1 = best(accrueAll(oneYear, yearEnd));
const accrual20 = best(accrueAll(twentyYears, twentyEnd));
const yearly1 = best(postAll(oneYear, 'yearly', yearEnd));
const yearly20 = best(postAll(twentyYears, 'yearly', twentyEnd));
const terms = best(perAccountTerms(oneYear, yearEnd));

const ms = (x: number) => `${x.toFixed(1)} ms`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const fold2 = Math.min(baseline, baselineAgain);
console.log(`${ACCOUNTS} accounts, ${TRANSACTIONS} transactions, daily balance, 4%, `
  + `quarterly compounding; best of ${RUNS}`);
console.log('measured: savingsInterestCalculator(product), product checked once per pass');
console.log(`plain bigint fold of the transactions:  ${ms(fold2)}`);
console.log(`one year, quarterly posting:            ${ms(quarterly)}  `
  + `ratio ${x(quarterly, fold2)} (target <= 10x)`);
console.log(`accrual only, 1 year vs 20 years:       ${ms(accrual1)} vs ${ms(accrual20)}  `
  + `ratio ${x(accrual20, accrual1)} (target <= 1.2x)`);
console.log(`yearly posting, 1 year vs 20 years:     ${ms(yearly1)} vs ${ms(yearly20)}  `
  + `ratio ${x(yearly20, yearly1)} (20 postings against 1)`);
console.log(`for information, savingsInterest(terms) per account, one year quarterly: `
  + `${ms(terms)} (${x(terms, fold2)}; ${((terms * 1000) / ACCOUNTS).toFixed(2)} µs/account)`);
