import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tdsStatement } from './tdsStatement.ts';
import type { TdsDeducted } from './tdsDeducted.ts';

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

test.run();
