// Benchmark: savings interest for 30,000 accounts with 50,000 transactions, against a plain
// fold of the same transactions into bigint balances, measured side by side in one run.
// Run: node --import tsx packages/domain/bench/savingsInterest.bench.ts
import {
  accruedSavingsInterest, savingsInterest, type SavingsTerms,
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
const generate = (spanDays: number): Tx[][] => {
  const rand = prng(20240401);
  const accounts: Tx[][] = Array.from({ length: ACCOUNTS }, () => []);
  for (let i = 0; i < TRANSACTIONS; i += 1) {
    const a = i < ACCOUNTS ? i : Math.floor(rand() * ACCOUNTS);
    const day = i < ACCOUNTS ? 0 : Math.floor(rand() * spanDays);
    const paise = i < ACCOUNTS ? 100000 + Math.floor(rand() * 5000000)
      : Math.floor(rand() * 200000) - 50000;
    accounts[a]!.push({ on: addDays(start, day), amount: (paise / 100).toFixed(2) });
  }
  for (const list of accounts) list.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  return accounts;
};

const product = (to: string, posting: SavingsTerms['posting']): Omit<SavingsTerms, 'transactions'> => ({
  rateAnnualPercent: '4', from: start, to, method: 'daily-balance', compounding: 'quarterly',
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
const best = (f: () => unknown, runs = 3): number =>
  Math.min(...Array.from({ length: runs }, () => time(f)));

const oneYear = generate(365);
const twentyYears = generate(365 * 20);
const yearEnd = addDays(start, 365);
const twentyEnd = addDays(start, 365 * 20);

const postAll = (accounts: Tx[][], terms: Omit<SavingsTerms, 'transactions'>) => () => {
  for (const transactions of accounts) savingsInterest({ ...terms, transactions });
};
const accrueAll = (accounts: Tx[][], to: string) => () => {
  const terms = product(to, 'yearly');
  for (const transactions of accounts) {
    accruedSavingsInterest({ ...terms, transactions }, { from: start, to });
  }
};

postAll(oneYear, product(yearEnd, 'quarterly'))(); // warm up
const baseline = best(() => fold(oneYear));
const quarterly = best(postAll(oneYear, product(yearEnd, 'quarterly')));
const accrual1 = best(accrueAll(oneYear, yearEnd));
const accrual20 = best(accrueAll(twentyYears, twentyEnd));
const yearly1 = best(postAll(oneYear, product(yearEnd, 'yearly')));
const yearly20 = best(postAll(twentyYears, product(twentyEnd, 'yearly')));

const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`${ACCOUNTS} accounts, ${TRANSACTIONS} transactions, daily balance, 4%, quarterly compounding`);
console.log(`plain bigint fold of the transactions: ${ms(baseline)}`);
console.log(`one year, quarterly posting:           ${ms(quarterly)}  ratio ${(quarterly / baseline).toFixed(2)}x (target <= 10x)`);
console.log(`accrual only, 1 year vs 20 years:      ${ms(accrual1)} vs ${ms(accrual20)}  ratio ${(accrual20 / accrual1).toFixed(2)}x (target <= 1.2x)`);
console.log(`yearly posting, 1 year vs 20 years:    ${ms(yearly1)} vs ${ms(yearly20)}  ratio ${(yearly20 / yearly1).toFixed(2)}x`);
