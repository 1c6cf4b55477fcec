import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// LGP: prepayment allowed (LP), guarantors above 20000.00.
const limited = must(ProductCatalogue, { ...products,
  LGP: { ...products.LP, id: 'LGP', guarantorsAbove: '20000.00' } });
const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

const lent = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: limited });
  await memberWithSavings(ledger, 'M1', '1000');
  await memberWithSavings(ledger, 'M2', '6000');
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02'), loanId: 'L1', memberId: 'M1',
    productId: 'LGP', principal: '25000', repayments: 12, firstRepaymentOn: null,
    guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' }] }));
  const approved = await ledger.approveWithLiens({ ...by('ap', '2024-04-03', 'checker'),
    loanId: 'L1', principal: '25000' });
  assert.is(approved.status, 'completed');
  ok(await ledger.disburseLoan({ ...by('d', '2024-04-03', 'cashier'), loanId: 'L1' }));
  return { store, ledger };
};
const close = { ...by('close', '2024-04-04', 'checker'), loanId: 'L1' };

test('a loan not settled is not closed and its lien stays', async () => {
  const { store, ledger } = await lent();
  const out = await ledger.closeLoanReleasingLiens(close);
  assert.equal(out.status === 'rejected' && out.rejection.type, 'loan_not_settled');
  assert.equal((await allEvents(store)).filter((e) => e.type === 'LienReleased'), []);
});

test('a loan repaid in full releases the lien on her guarantor\'s savings', async () => {
  const { store, ledger } = await lent();
  ok(await ledger.recordRepayment({ ...by('r', '2024-04-04', 'cashier'), loanId: 'L1',
    amount: '25000' }));
  const out = await ledger.closeLoanReleasingLiens(close);
  assert.is(out.status, 'completed');
  const released = (await allEvents(store)).filter((e) => e.type === 'LienReleased');
  assert.equal(released.map((e) => e.data), [{ accountId: 'SB-M2', memberId: 'M2',
    loanId: 'L1', on: '2024-04-04', amount: '5000.00' }]);
  ok(await ledger.withdraw({ ...by('w', '2024-04-05', 'clerk'), accountId: 'SB-M2',
    amount: '5900' }));
  // Her passbook shows the lien held and released, moving no money.
  const page = (await ledger.passbook('M2', 'SB-M2')).pages[0];
  assert.equal(page?.lines.map((l) => [l.on, l.particulars, l.withdrawal, l.deposit,
    l.balance]), [
    ['2024-04-01', 'By cash', 0n, 600000n, 600000n],
    ['2024-04-03', 'Lien 5000.00 for loan L1 held', 0n, 0n, 600000n],
    ['2024-04-04', 'Lien 5000.00 for loan L1 released', 0n, 0n, 600000n],
    ['2024-04-05', 'To cash', 590000n, 0n, 10000n],
  ]);
  await ledger.close();
});

test.run();
