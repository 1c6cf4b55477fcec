// The README's example, run as written: its printed figures are the ones promised there.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { loanSchedule } from '@usha/domain';

test("the README's loan example prints what the README says", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes('// 2025-05-10 788.49 100.00 888.49'));
  assert.ok(readme.includes("console.log(`${schedule.totalInterest}`); // 661.86"));
  const schedule = loanSchedule({
    principal: '10000', rateAnnualPercent: '12', repayments: 12, frequency: 'months',
    interestMethod: 'declining-balance', amortization: 'equal-installments',
    interestPeriod: 'same-as-repayment', disbursedOn: '2025-04-10',
    daysInYear: 365, daysInMonth: 30,
  });
  const first = schedule.installments[0];
  assert.ok(first !== undefined);
  assert.is([first.dueOn, `${first.principal}`, `${first.interest}`, `${first.total}`].join(' '),
    '2025-05-10 788.49 100.00 888.49');
  assert.is(`${schedule.totalInterest}`, '661.86');
});

test.run();
