// The society-wide lending limits through the Ledger: read from the society's settings in force
// on the command's date, at the application and at the approval, beside the product's own.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must, products } from '@usha/domain/testing';
import { defaultProvisioningNorms, ProductCatalogue } from '@usha/domain';
import { isAccepted, type CommandOutcome } from './outcome.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;
const society = { societyId: 'USHA', statutoryReservePercent: '25',
  dividendRateCapPercent: '15' };
const application = (loanId: string, principal: string, productId = 'LN') => ({
  ...by(`apply-${loanId}`, '2024-04-02'), loanId, memberId: 'M1', productId, principal,
  repayments: 12, firstRepaymentOn: null,
});
const approval = (loanId: string, principal: string, on = '2024-04-05') => ({
  ...by(`approve-${loanId}-${principal}`, on, 'checker'), loanId, principal });

const limitedSociety = async (maxOutstandingPrincipal: string | null,
  maxLoansAtOnce: number | null, more = {}) => {
  const ledger = await testLedger(memoryStore(), more);
  ok(await ledger.configureSociety({ ...by('cfg', '2024-04-01', 'board'), ...society,
    lendingLimits: { maxOutstandingPrincipal, maxLoansAtOnce } }));
  await memberWithSavings(ledger, 'M1', '1000');
  return ledger;
};

test('a cap of 12000.00 on her principal: 5000.00 approved, then 8000.00 is refused and '
  + '7000.00 recorded', async () => {
  const ledger = await limitedSociety('12000.00', null);
  ok(await ledger.applyForLoan(application('L1', '5000.00')));
  ok(await ledger.approveLoan(approval('L1', '5000.00')));
  assert.equal(rejection(await ledger.applyForLoan(application('L2', '8000.00'))), {
    type: 'loan_limit_exceeded', limit: 'society_outstanding_principal', maximum: '12000.00',
    outstanding: '5000.00', requested: '8000.00' });
  ok(await ledger.applyForLoan({ ...application('L2', '7000.00'), commandId: 'again' }));
});

test('a cap lowered to 10000.00 before the approval is applied at the approval', async () => {
  const ledger = await limitedSociety('12000.00', null);
  ok(await ledger.applyForLoan(application('L1', '5000.00')));
  ok(await ledger.approveLoan(approval('L1', '5000.00')));
  ok(await ledger.applyForLoan(application('L2', '7000.00')));
  ok(await ledger.changeSocietySettings({ ...by('set', '2024-04-03', 'board'), ...society,
    provisioningNorms: defaultProvisioningNorms,
    lendingLimits: { maxOutstandingPrincipal: '10000.00', maxLoansAtOnce: null } }));
  assert.equal(rejection(await ledger.approveLoan(approval('L2', '7000.00'))), {
    type: 'loan_limit_exceeded', limit: 'society_outstanding_principal', maximum: '10000.00',
    outstanding: '5000.00', requested: '7000.00' });
  ok(await ledger.approveLoan(approval('L2', '5000.00')));
});

test('a disbursed loan counts what is outstanding on it, 5000.00', async () => {
  const ledger = await limitedSociety('6000.00', null);
  ok(await ledger.applyForLoan(application('L1', '5000.00')));
  ok(await ledger.approveLoan(approval('L1', '5000.00')));
  ok(await ledger.disburseLoan({ ...by('d1', '2024-04-05', 'cashier'), loanId: 'L1' }));
  assert.equal(rejection(await ledger.applyForLoan(application('L2', '1000.01'))), {
    type: 'loan_limit_exceeded', limit: 'society_outstanding_principal', maximum: '6000.00',
    outstanding: '5000.00', requested: '1000.01' });
  ok(await ledger.applyForLoan({ ...application('L2', '1000.00'), commandId: 'again' }));
});

test('at most 2 loans at once for the society: a third application is refused', async () => {
  const ledger = await limitedSociety(null, 2);
  ok(await ledger.applyForLoan(application('L1', '5000.00')));
  ok(await ledger.applyForLoan(application('L2', '5000.00')));
  assert.equal(rejection(await ledger.applyForLoan(application('L3', '1000.00'))), {
    type: 'loan_limit_exceeded', limit: 'society_loans_at_once', maximum: 2, open: 2 });
});

test('the stricter of the product\'s and the society\'s limits refuses', async () => {
  const withProductMost = (n: number) => ({ products: must(ProductCatalogue, { ...products,
    LG: { ...products.LN, id: 'LG', maxLoansAtOnce: n } }) });
  // The product allows 1, the society 3: the product's limit refuses.
  const productStricter = await limitedSociety(null, 3, withProductMost(1));
  ok(await productStricter.applyForLoan(application('L1', '5000.00', 'LG')));
  assert.equal(rejection(await productStricter.applyForLoan(application('L2', '5000.00', 'LG'))),
    { type: 'too_many_loans', maximum: 1, open: 1 });
  // The product allows 3, the society 1: the society's refuses.
  const societyStricter = await limitedSociety(null, 1, withProductMost(3));
  ok(await societyStricter.applyForLoan(application('L1', '5000.00', 'LG')));
  assert.equal(rejection(await societyStricter.applyForLoan(application('L2', '5000.00', 'LG'))),
    { type: 'loan_limit_exceeded', limit: 'society_loans_at_once', maximum: 1, open: 1 });
});

test('without limits stated the society lends as before; configured again keeps them',
  async () => {
    const ledger = await limitedSociety(null, 1);
    ok(await ledger.configureSociety({ ...by('cfg2', '2024-04-02', 'board'), ...society }));
    ok(await ledger.applyForLoan(application('L1', '5000.00')));
    assert.equal(rejection(await ledger.applyForLoan(application('L2', '5000.00')))?.type,
      'loan_limit_exceeded');
    const free = await testLedger(memoryStore());
    ok(await free.configureSociety({ ...by('cfg', '2024-04-01', 'board'), ...society }));
    await memberWithSavings(free, 'M1', '1000');
    for (const id of ['L1', 'L2', 'L3']) ok(await free.applyForLoan(application(id, '5000.00')));
  });

test.run();
