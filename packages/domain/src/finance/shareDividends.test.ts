import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';
import { shareDividends } from './shareDividends.ts';

const fy = { from: '2024-04-01', to: '2025-03-31' } as const;
const holdings = [
  { memberId: 'm1', changes: [{ on: '2023-01-01', shares: 10 }] },
  { memberId: 'm2', changes: [{ on: '2024-10-01', shares: 10 }] },
  { memberId: 'm3', changes: [{ on: '2024-04-01', shares: 5 }, { on: '2025-01-01', shares: -5 }] },
];
const parts = (r: ReturnType<typeof shareDividends>) =>
  r.parts.map((p) => `${p.memberId} ${p.shareDays} ${p.amount}`);

test('1000 over share-days; the last 2 paise go by largest remainder', () => {
  const r = shareDividends({ ...fy, total: '1000', holdings });
  assert.equal(parts(r), ['m1 3650 533.23', 'm2 1820 265.89', 'm3 1375 200.88']);
});

test('a rate on share capital: 10% of 10 shares of Rs 10 for a year is Rs 10', () => {
  const r = shareDividends({ ...fy, ratePercent: '10', faceValue: '10', holdings: [holdings[0]!] });
  assert.is(String(r.total), '10.00');
});

test('members under the minimum days held get nothing', () => {
  const r = shareDividends({ ...fy, total: '100', holdings, minimumDaysHeld: 200 });
  assert.equal(parts(r), ['m1 3650 72.64', 'm2 0 0.00', 'm3 1375 27.36']);
});

test('ties in remainders go to the smaller member id', () => {
  const same = (id: string) => ({ memberId: id, changes: [{ on: '2024-04-01', shares: 1 }] });
  const r = shareDividends({ ...fy, total: '0.02', holdings: [same('b'), same('c'), same('a')] });
  assert.equal(parts(r), ['b 365 0.01', 'c 365 0.00', 'a 365 0.01']);
});

test('refuses bad terms, naming the field', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['from', { from: 'x' }], ['to', { to: '2024-01-01' }], ['total', { total: '-1' }],
    ['minimumDaysHeld', { minimumDaysHeld: -1 }],
    ['holdings[1].memberId', { holdings: [holdings[0], holdings[0]] }],
    ['holdings[0].changes',
      { holdings: [{ memberId: 'x', changes: [{ on: '2024-05-01', shares: -1 }] }] }],
    ['holdings[0].changes[0].shares',
      { holdings: [{ memberId: 'x', changes: [{ on: '2024-05-01', shares: 1.5 }] }] }],
    ['holdings', { holdings: [] }], ['currencyDigits', { currencyDigits: 10 }],
  ];
  for (const [field, patch] of cases) {
    assert.throws(() => shareDividends({ ...fy, total: '5', holdings, ...patch } as never),
      (e: unknown) => e instanceof InvalidDepositTermsError && e.field === field, field);
  }
  assert.throws(
    () => shareDividends({ ...fy, ratePercent: '1', faceValue: '0', holdings } as never),
    (e: unknown) => e instanceof InvalidDepositTermsError && e.field === 'faceValue');
});

test.run();
