// Only members do business: the Ledger reads the member's own stream for every command that
// opens an account, takes money in or lends, and refuses one for a member never admitted or
// gone. Her stream is read, not an index: another Ledger over the same store may have written.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isAccepted, type CommandOutcome } from './outcome.ts';
import { loanDisbursed } from './loanDisbursed.fixture.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on = '2024-04-01', actor = 'clerk') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;

test('no account, share or loan for a member never admitted', async () => {
  const ledger = await testLedger(memoryStore());
  const nobody = { type: 'member_not_admitted', memberId: 'M-9999' };
  assert.equal(rejection(await ledger.applyForLoan({ ...by('a1', '2024-04-01', 'maker'),
    loanId: 'L-1', memberId: 'M-9999', productId: 'LN', principal: '5000', repayments: 6,
    firstRepaymentOn: null })), nobody);
  assert.equal(rejection(await ledger.openSavingsAccount({ ...by('o1'), accountId: 'SB-1',
    memberId: 'M-9999', productId: 'SB' })), nobody);
  assert.equal(rejection(await ledger.openFixedDeposit({ ...by('o2'), accountId: 'FD-1',
    memberId: 'M-9999', productId: 'FD', principal: '1000', termMonths: 12 })), nobody);
  assert.equal(rejection(await ledger.purchaseShares({ ...by('p1'), accountId: 'SH-1',
    memberId: 'M-9999', productId: 'SH', shares: 5 })), nobody);
});

test('after her exit: no purchase, opening, deposit or loan; her dividend is still hers',
  async () => {
    const ledger = await testLedger(memoryStore());
    ok(await ledger.admitMember({ ...by('adm'), memberId: 'M-0001', branchId: 'B-1',
      shareProductId: 'SH', shares: 5 }));
    ok(await ledger.exitMember({ ...by('ex', '2024-05-01'), memberId: 'M-0001' }));
    const gone = { type: 'member_exited', memberId: 'M-0001' };
    const on = '2024-05-02';
    assert.equal(rejection(await ledger.purchaseShares({ ...by('p', on), accountId: 'SH-1',
      memberId: 'M-0001', productId: 'SH', shares: 5 })), gone);
    assert.equal(rejection(await ledger.openSavingsAccount({ ...by('o', on), accountId: 'SB-1',
      memberId: 'M-0001', productId: 'SB' })), gone);
    assert.equal(rejection(await ledger.applyForLoan({ ...by('a', on, 'maker'), loanId: 'L-1',
      memberId: 'M-0001', productId: 'LN', principal: '5000', repayments: 6,
      firstRepaymentOn: null })), gone);
  });

test('an approval and a disbursement are refused once the applicant has exited', async () => {
  const ledger = await testLedger(memoryStore());
  ok(await ledger.admitMember({ ...by('adm'), memberId: 'M1', branchId: 'B-1',
    shareProductId: 'SH', shares: 5 }));
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-01', 'maker'), loanId: 'L1',
    memberId: 'M1', productId: 'LN', principal: '5000', repayments: 6,
    firstRepaymentOn: null }));
  // An application owes nothing: she may leave with one pending.
  ok(await ledger.exitMember({ ...by('ex', '2024-04-02'), memberId: 'M1' }));
  assert.equal(rejection(await ledger.approveLoan({ ...by('ap', '2024-04-03', 'checker'),
    loanId: 'L1', principal: '5000' })), { type: 'member_exited', memberId: 'M1' });
});

test('a member admitted by another Ledger over the same store does business here', async () => {
  const store = memoryStore();
  const here = await testLedger(store);
  // This Ledger reads her stream once, before she exists, and caches what it read.
  assert.equal(rejection(await here.openSavingsAccount({ ...by('o1'), accountId: 'SB-1',
    memberId: 'M1', productId: 'SB' })), { type: 'member_not_admitted', memberId: 'M1' });
  const there = await testLedger(store);
  ok(await there.admitMember({ ...by('adm'), memberId: 'M1', branchId: 'B-1',
    shareProductId: 'SH', shares: 5 }));
  // Here holds her as active now (a refused opening read her stream); her exit recorded
  // there is read before the next opening here.
  assert.equal(rejection(await here.openFixedDeposit({ ...by('o3'), accountId: 'FD-1',
    memberId: 'M1', productId: 'FD', principal: '10', termMonths: 12 }))?.type,
  'amount_out_of_range');
  ok(await there.exitMember({ ...by('ex', '2024-04-02'), memberId: 'M1' }));
  assert.equal(rejection(await here.openFixedDeposit({ ...by('o4', '2024-04-03'),
    accountId: 'FD-1', memberId: 'M1', productId: 'FD', principal: '1000', termMonths: 12 })),
  { type: 'member_exited', memberId: 'M1' });
});

test('a member in good standing borrows and saves as before', async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '1000');
  await loanDisbursed(ledger, { on: '2024-04-01', productId: 'LN', principal: '5000',
    repayments: 6 });
  ok(await ledger.makeDeposit({ ...by('d2', '2024-04-02'), accountId: 'SB-M1', amount: '50',
    source: 'cash' }));
});

test.run();
