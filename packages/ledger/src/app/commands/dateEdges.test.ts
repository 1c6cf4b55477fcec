// Commands near the last day the domain has dates for (2199-12-31): one whose figures would run
// past it (a loan's schedule, a deposit's maturity) is refused, typed, with nothing written,
// where before the runtime's RangeError, or the domain's InvalidDateError, was thrown.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scheduleProducts } from '../ledger/scheduleProducts.fixture.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });

test('a loan paid out, and deposits opened, on 2199-12-01 with terms past 2199 are refused '
  + 'cannot_compute, nothing written; a weekly loan whose last instalment falls in 2199 is paid '
  + 'out', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000', '2199-11-01');
  // Weekly: 4 instalments end on 2199-12-29, 6 run to 2200-01-12 (the first past 2199 is
  // 2200-01-05). (Before the last day of 2199 was
  // counted right, the first was refused too, as if its days after 22 November had no date.)
  for (const [loanId, repayments] of [['L0', 4], ['L1', 6]] as const) {
    ok(await ledger.applyForLoan({ ...by(`apply-${loanId}`, '2199-12-01', 'maker'), loanId,
      memberId: 'M1', productId: 'LP', principal: '2000', repayments, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by(`approve-${loanId}`, '2199-12-01', 'checker'), loanId,
      principal: '2000' }));
  }
  ok(await ledger.disburseLoan({ ...by('disburse-L0', '2199-12-01', 'checker'), loanId: 'L0' }));
  const before = (await allEvents(store)).length;
  const outcomes = [
    await ledger.disburseLoan({ ...by('disburse', '2199-12-01', 'checker'), loanId: 'L1' }),
    await ledger.openFixedDeposit({ ...by('fd', '2199-12-01'), accountId: 'FD-1',
      memberId: 'M1', productId: 'FD', principal: '1000', termMonths: 12 }),
    await ledger.openRecurringDeposit({ ...by('rd', '2199-12-01'), accountId: 'RD-1',
      memberId: 'M1', productId: 'RD', instalment: '100', termMonths: 12 }),
  ];
  // Each names the first day it cannot reach, as a date.
  assert.equal(outcomes.map((o) => o.status === 'rejected' && o.rejection), [
    { type: 'cannot_compute', field: 'date',
      reason: 'date: 2200-01-05: year must be between 1900 and 2199' },
    ...[0, 1].map(() => ({ type: 'cannot_compute', field: 'date',
      reason: 'date: 2200-12-01: year must be between 1900 and 2199' })),
  ]);
  assert.is((await allEvents(store)).length, before);
});

test('a top-up on 2199-12-01 whose schedule runs past 2199 is refused cannot_compute by its own '
  + 'check, before any step', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: scheduleProducts });
  await memberWithSavings(ledger, 'M1', '1000', '2199-05-01');
  for (const [loanId, on, principal] of [['L1', '2199-05-01', '2000'],
    ['L2', '2199-12-01', '5000']] as const) {
    ok(await ledger.applyForLoan({ ...by(`apply-${loanId}`, on, 'maker'), loanId,
      memberId: 'M1', productId: 'LT', principal, repayments: 3, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by(`approve-${loanId}`, on, 'mgr'), loanId, principal }));
  }
  ok(await ledger.disburseLoan({ ...by('disburse-L1', '2199-05-01'), loanId: 'L1' }));
  const before = (await allEvents(store)).length;
  const o = await ledger.topUpLoan({ ...by('top-up', '2199-12-01'), loanId: 'L2',
    topUpOf: 'L1' });
  assert.equal([o.status, o.status === 'rejected' && o.rejection.type, o.steps.length],
    ['rejected', 'cannot_compute', 0]);
  assert.is((await allEvents(store)).length, before);
});

test.run();
