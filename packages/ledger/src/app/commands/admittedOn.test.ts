// Only members do business, from the day they are admitted: an opening, a share purchase or a
// loan application dated before her admission is refused, naming the day she was admitted.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'clerk', on });

test('business dated before her admission is refused member_not_admitted, naming the day',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    ok(await ledger.admitMember({ ...by('admit', '2025-06-01'), memberId: 'M5',
      branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 }));
    const before = (await allEvents(store)).length;
    const refused = { type: 'member_not_admitted', memberId: 'M5', admittedOn: '2025-06-01' };
    const open = await ledger.openSavingsAccount({ ...by('open', '2025-04-10'),
      accountId: 'SB-5', memberId: 'M5', productId: 'SB' });
    assert.equal(open.status === 'rejected' && open.rejection, refused);
    const shares = await ledger.purchaseShares({ ...by('shares', '2025-04-10'),
      accountId: 'SH-5', memberId: 'M5', productId: 'SH', shares: 5 });
    assert.equal(shares.status === 'rejected' && shares.rejection, refused);
    const loan = await ledger.applyForLoan({ ...by('apply', '2025-04-10'), loanId: 'L5',
      memberId: 'M5', productId: 'LN', principal: '5000', repayments: 6,
      firstRepaymentOn: null });
    assert.equal(loan.status === 'rejected' && loan.rejection, refused);
    assert.is((await allEvents(store)).length, before);
    // From the day of her admission on, accepted.
    ok(await ledger.openSavingsAccount({ ...by('open-2', '2025-06-01'), accountId: 'SB-5',
      memberId: 'M5', productId: 'SB' }));
  });

test.run();
