import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tdsStatement } from './tdsStatement.ts';
import type { TdsDeducted } from './tdsDeducted.ts';
import type { TdsReversed } from './tdsReversed.ts';

const deducted = (memberId: string, on: string, fy: string, interest: string, amount: string) =>
  ({ type: 'TdsDeducted', data: { accountId: 'A1', memberId, on, financialYear: fy, interest,
    rate: '10', amount } }) as unknown as TdsDeducted;

test('a member\'s statement lists her deductions of the year in date order, with totals', () => {
  const s = tdsStatement([
    deducted('M1', '2024-12-31', '2024-25', '1500.00', '150.00'),
    deducted('M2', '2024-09-30', '2024-25', '900.00', '90.00'),
    deducted('M1', '2024-09-30', '2024-25', '199.45', '20.00'),
    deducted('M1', '2025-06-30', '2025-26', '300.00', '30.00'),
  ], 'M1', '2024-25');
  assert.equal(s.lines.map((l) => [l.on, l.interest, l.amount]),
    [['2024-09-30', '199.45', '20.00'], ['2024-12-31', '1500.00', '150.00']]);
  assert.is(s.interestTotal, '1699.45');
  assert.is(s.tdsTotal, '170.00');
});

test('a year without deductions has an empty statement of zero', () => {
  const s = tdsStatement([], 'M1', '2024-25');
  assert.equal([s.lines.length, s.interestTotal, s.tdsTotal], [0, '0.00', '0.00']);
});

const givenBack = (on: string, fy: string, interest: string, amount: string) =>
  ({ type: 'TdsReversed', data: { accountId: 'A1', memberId: 'M1', on, reversedEventId: 'c3.0',
    financialYear: fy, interest, rate: '10', amount } }) as unknown as TdsReversed;

test('a deduction given back is a negative line of the deduction\'s year, netted in totals',
  () => {
    // Deducted 150.00 in December 2024, the posting reversed in April 2025: the line belongs
    // to 2024-25 (the year of the deduction), and the year's totals come back to 199.45 / 20.
    const s = tdsStatement([
      deducted('M1', '2024-09-30', '2024-25', '199.45', '20.00'),
      deducted('M1', '2024-12-31', '2024-25', '1500.00', '150.00'),
      givenBack('2025-04-02', '2024-25', '1500.00', '150.00'),
    ], 'M1', '2024-25');
    assert.equal(s.lines.map((l) => [l.on, l.interest, l.amount, l.reversedEventId]), [
      ['2024-09-30', '199.45', '20.00', undefined],
      ['2024-12-31', '1500.00', '150.00', undefined],
      ['2025-04-02', '-1500.00', '-150.00', 'c3.0']]);
    assert.equal([s.interestTotal, s.tdsTotal], ['199.45', '20.00']);
    assert.is(tdsStatement([givenBack('2025-04-02', '2024-25', '1500.00', '150.00')], 'M1',
      '2025-26').lines.length, 0);
  });

test.run();
