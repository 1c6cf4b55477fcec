import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import { isAccepted, type CommandOutcome } from '../commands/outcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// LG: guarantors above 20000.00, no other limit.
const limited = must(ProductCatalogue, { ...products,
  LG: { ...products.LN, id: 'LG', guarantorsAbove: '20000.00' } });
const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;

// M1 borrows 25000.00; M2 (6000.00 saved, a minimum balance of 100.00) guarantees `amount`.
const setUp = async (amount: string) => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: limited });
  await memberWithSavings(ledger, 'M1', '1000');
  await memberWithSavings(ledger, 'M2', '6000');
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02'), loanId: 'L1', memberId: 'M1',
    productId: 'LG', principal: '25000', repayments: 12, firstRepaymentOn: null,
    guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount }] }));
  return { store, ledger };
};
const types = async (store: ReturnType<typeof memoryStore>) =>
  (await allEvents(store)).map((e) => e.type).filter((t) => /Lien|Approved/.test(t));
const approval = { ...by('ap-1', '2024-04-03', 'checker'), loanId: 'L1', principal: '25000' };

test('the approval liens the guarantor\'s savings: her withdrawal is lien_held', async () => {
  const { store, ledger } = await setUp('5000');
  const out = await ledger.approveWithLiens(approval);
  assert.is(out.status, 'completed');
  assert.equal(await types(store), ['LienPlaced', 'LoanApproved']);
  assert.equal(rejection(await ledger.withdraw({ ...by('w', '2024-04-04', 'clerk'),
    accountId: 'SB-M2', amount: '900.01' })), { type: 'lien_held', liens: '5000.00',
    minimumBalance: '100.00', free: '900.00', requested: '900.01' });
  ok(await ledger.withdraw({ ...by('w2', '2024-04-04', 'clerk'), accountId: 'SB-M2',
    amount: '900' }));
});

test('run again, the process stores nothing twice', async () => {
  const { store, ledger } = await setUp('5000');
  assert.is((await ledger.approveWithLiens(approval)).status, 'completed');
  assert.is((await ledger.approveWithLiens(approval)).status, 'completed');
  assert.equal(await types(store), ['LienPlaced', 'LoanApproved']);
});

test('cut short after the first lien, the next Ledger to open completes it, once', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: limited });
  await memberWithSavings(ledger, 'M1', '1000');
  await memberWithSavings(ledger, 'M2', '6000');
  await memberWithSavings(ledger, 'M3', '6000');
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02'), loanId: 'L1', memberId: 'M1',
    productId: 'LG', principal: '25000', repayments: 12, firstRepaymentOn: null,
    guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' },
      { memberId: 'M3', accountId: 'SB-M3', amount: '4000' }] }));
  // A store that stops (as a killed process does) after two more: the claim, the first lien.
  let left = 2;
  const dying: typeof store = { ...store, appendToStream: (stream, events, o) => {
    if (left <= 0) return Promise.reject(new Error('killed'));
    left -= 1;
    return store.appendToStream(stream, events, o);
  } };
  const cut = await testLedger(dying, { products: limited });
  await cut.approveWithLiens(approval).catch(() => undefined);
  assert.equal(await types(store), ['LienPlaced']);
  const reopened = await testLedger(store, { products: limited });
  assert.equal(reopened.resumed.map((o) => o.status), ['completed']);
  assert.equal(await types(store), ['LienPlaced', 'LienPlaced', 'LoanApproved']);
  assert.is((await reopened.approveWithLiens(approval)).status, 'completed');
  assert.equal(await types(store), ['LienPlaced', 'LienPlaced', 'LoanApproved']);
});

test('a lien beyond her free savings refuses the approval and stores nothing', async () => {
  const { store, ledger } = await setUp('5900.01');
  const out = await ledger.approveWithLiens(approval);
  assert.equal(out.status === 'rejected' && out.rejection,
    { type: 'lien_exceeds_free_balance', free: '5900.00', requested: '5900.01' });
  assert.equal(await types(store), []);
});

test('an approval refused after the lien releases it again', async () => {
  const { store, ledger } = await setUp('5000');
  // The maker may not approve her own application.
  const out = await ledger.approveWithLiens({ ...approval, actor: 'maker' });
  assert.equal(out.status === 'rejected' && out.rejection.type, 'same_user_cannot_approve');
  assert.equal(await types(store), ['LienPlaced', 'LienReleased']);
  ok(await ledger.withdraw({ ...by('w', '2024-04-04', 'clerk'), accountId: 'SB-M2',
    amount: '5900' }));
});

test.run();
