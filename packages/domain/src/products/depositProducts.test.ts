import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from './productCatalogue.ts';
import { depositDaysInYear } from './settings.ts';
import { reportErrors } from '../shared/reportErrors.ts';

// A savings product as catalogues already written name it; every day count they could name.
const savings = (dayCount: unknown) => ({
  kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount, compounding: 'quarterly',
  posting: 'quarterly', minimumBalance: '100.00', rounding: 'half-even',
});
const decode = (dayCount: unknown) => ProductCatalogue.decode({ SB: savings(dayCount) });

test('catalogues already written decode with each day count, and each has its own rule', () => {
  const counts = ['actual/365', 'actual/360', 'actual/364', 'actual/actual', '30/360'] as const;
  for (const c of counts) assert.ok(E.isRight(decode(c)), c);
  assert.equal(counts.map(depositDaysInYear), [365, 360, 364, 'actual', '30/360']);
});

test('an unknown day count is refused at decode, naming the field', () => {
  const r = decode('actual/366');
  assert.equal(E.isLeft(r) ? reportErrors(r.left).map((f) => f.path) : [], ['SB.dayCount']);
});

test('a savings product may name its interest calculation and a minimum for interest', () => {
  const sb = { ...savings('actual/365'), interestCalculation: 'average-daily-balance',
    minimumBalanceForInterest: '5000.00' };
  const r = ProductCatalogue.decode({ SB: sb });
  assert.equal(E.isRight(r) ? r.right.SB : undefined, sb);
  const older = ProductCatalogue.decode({ SB: savings('actual/365') });
  assert.equal(E.isRight(older) ? Object.keys(older.right.SB ?? {}).length : 0, 8);
});

test('an unknown interest calculation is refused at decode, naming the field', () => {
  const r = ProductCatalogue.decode({ SB: { ...savings('actual/365'),
    interestCalculation: 'minimum-balance' } });
  assert.equal(E.isLeft(r) ? reportErrors(r.left).map((f) => f.path) : [],
    ['SB.interestCalculation']);
});

test.run();
