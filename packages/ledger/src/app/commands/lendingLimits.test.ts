// The lending limits through the Ledger: it reads the borrower's shares, savings and loans
// and each guarantor's standing from their streams, at the application and at the approval.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import { isAccepted, type CommandOutcome } from './outcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// LG: at most 3x shares and savings, 2 loans at once, guarantors above 20000.00.
const limited = must(ProductCatalogue, { ...products,
  LG: { ...products.LN, id: 'LG', savingsMultiple: 3, maxLoansAtOnce: 2,
    guarantorsAbove: '20000.00' } });
const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;
const application = (loanId: string, principal: string, on = '2024-04-02') => ({
  ...by(`apply-${loanId}`, on), loanId, memberId: 'M1', productId: 'LG', principal,
  repayments: 12, firstRepaymentOn: null,
});

test('the savings multiple is read from her shares and savings when she applies', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: limited });
  // 10 shares of 10.00 and 2000.00 saved: a basis of 2100.00.
  await memberWithSavings(ledger, 'M1', '2000');
  assert.equal(rejection(await ledger.applyForLoan(application('L1', '6300.01'))), {
    type: 'loan_limit_exceeded', limit: 'savings_multiple', multiple: 3, basis: '2100.00',
    maximum: '6300.00', requested: '6300.01',
  });
  ok(await ledger.applyForLoan({ ...application('L1', '6300'), commandId: 'apply-again' }));
});

test('a withdrawal after the application is seen at the approval', async () => {
  const ledger = await testLedger(memoryStore(), { products: limited });
  await memberWithSavings(ledger, 'M1', '2000');
  ok(await ledger.applyForLoan(application('L1', '6300')));
  ok(await ledger.withdraw({ ...by('w1', '2024-04-03'), accountId: 'SB-M1', amount: '1000' }));
  assert.equal(rejection(await ledger.approveLoan({ ...by('ap', '2024-04-04', 'checker'),
    loanId: 'L1', principal: '6300' })), {
    type: 'loan_limit_exceeded', limit: 'savings_multiple', multiple: 3, basis: '1100.00',
    maximum: '3300.00', requested: '6300.00',
  });
  ok(await ledger.approveLoan({ ...by('ap2', '2024-04-04', 'checker'), loanId: 'L1',
    principal: '3300' }));
});

test('a third loan at once is too_many_loans; a guarantor is read from her own streams',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, { products: limited });
    await memberWithSavings(ledger, 'M1', '9000');
    await memberWithSavings(ledger, 'M2', '6000');
    ok(await ledger.applyForLoan(application('L1', '1000')));
    ok(await ledger.applyForLoan({ ...application('L2', '25000'),
      guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' }] }));
    assert.equal(rejection(await ledger.applyForLoan(application('L3', '1000'))),
      { type: 'too_many_loans', maximum: 2, open: 2 });
    const named = (await allEvents(store)).filter((e) => e.type === 'GuarantorsNamed');
    assert.equal(named.map((e) => e.data), [{ loanId: 'L2', memberId: 'M1', on: '2024-04-02',
      guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000.00' }] }]);
    assert.equal(rejection(await ledger.applyForLoan({ ...application('L4', '1000'),
      guarantors: [{ memberId: 'M3', accountId: 'SB-M3', amount: '500' }] })),
    { type: 'invalid_guarantor', memberId: 'M3', why: 'not_admitted' });
  });

test.run();
