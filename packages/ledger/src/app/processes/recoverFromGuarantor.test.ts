import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import { formatMemberPassbook } from '../reports/memberPassbook.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// LG: guarantors above 20000.00. M1 borrows 25000.00; M2 (6000.00 saved) guarantees 5000.00.
const limited = must(ProductCatalogue, { ...products,
  LG: { ...products.LN, id: 'LG', guarantorsAbove: '20000.00' } });
const by = (commandId: string, on: string, actor = 'maker') => ({ commandId, actor, on });

const writtenOff = async (store = memoryStore()) => {
  const ledger = await testLedger(store, { products: limited });
  await memberWithSavings(ledger, 'M1', '1000');
  await memberWithSavings(ledger, 'M2', '6000');
  ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02'), loanId: 'L1', memberId: 'M1',
    productId: 'LG', principal: '25000', repayments: 12, firstRepaymentOn: null,
    guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' }] }));
  const approved = await ledger.approveWithLiens({ ...by('ap', '2024-04-03', 'checker'),
    loanId: 'L1', principal: '25000' });
  assert.is(approved.status, 'completed');
  ok(await ledger.disburseLoan({ ...by('d', '2024-04-03', 'cashier'), loanId: 'L1' }));
  ok(await ledger.writeOffLoan({ ...by('wo', '2025-01-10', 'manager'), loanId: 'L1' }));
  return { store, ledger };
};
const recovery = (amount: string, commandId = 'rec-1') => ({
  ...by(commandId, '2025-01-20', 'manager'), loanId: 'L1', guarantorAccountId: 'SB-M2', amount,
});
const types = async (store: ReturnType<typeof memoryStore>) => (await allEvents(store))
  .map((e) => e.type).filter((t) => /Guarantee|Recovery|Withdrawn/.test(t));

test('a recovery from the guarantor moves her savings to the loan: the books balance',
  async () => {
    const { store, ledger } = await writtenOff();
    const before = await ledger.trialBalance();
    const out = await ledger.recoverFromGuarantor(recovery('3000'));
    assert.is(out.status, 'completed');
    assert.equal(await types(store), ['Withdrawn', 'GuaranteeCalled', 'RecoveryReceived']);
    const after = await ledger.trialBalance();
    // A row's debit less its credit.
    const row = (tb: typeof after, code: string) => {
      const r = tb.rows.find((x) => x.code === code);
      return r === undefined ? 0n : r.debit - r.credit;
    };
    assert.is(after.totalDebit, after.totalCredit);
    // Savings 2100 down by 3000.00, recoveries income 4400 up by as much; cash 1100 unmoved.
    assert.is(row(after, '2100') - row(before, '2100'), 300000n);
    assert.is(row(after, '4400') - row(before, '4400'), -300000n);
    assert.is(row(after, '1100'), row(before, '1100'));
  });

test('her passbook prints the recovery, and the lien left', async () => {
  const { ledger } = await writtenOff();
  await ledger.recoverFromGuarantor(recovery('3000'));
  const text = formatMemberPassbook(await ledger.passbook('M2'));
  assert.match(text, 'To recovery of loan L1 (guarantee; lien now 2000.00)');
  assert.not.match(text, /To cash/);
});

test('above the lien is recovery_exceeds_lien, and nothing is stored', async () => {
  const { store, ledger } = await writtenOff();
  const out = await ledger.recoverFromGuarantor(recovery('5000.01'));
  assert.equal(out.status === 'rejected' && out.rejection, { type: 'recovery_exceeds_lien',
    loanId: 'L1', lien: '5000.00', requested: '5000.01' });
  assert.equal(await types(store), []);
});

test('a loan not written off refuses the recovery before her savings are touched',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, { products: limited });
    await memberWithSavings(ledger, 'M1', '1000');
    await memberWithSavings(ledger, 'M2', '6000');
    ok(await ledger.applyForLoan({ ...by('apply', '2024-04-02'), loanId: 'L1', memberId: 'M1',
      productId: 'LG', principal: '25000', repayments: 12, firstRepaymentOn: null,
      guarantors: [{ memberId: 'M2', accountId: 'SB-M2', amount: '5000' }] }));
    await ledger.approveWithLiens({ ...by('ap', '2024-04-03', 'checker'), loanId: 'L1',
      principal: '25000' });
    const out = await ledger.recoverFromGuarantor(recovery('100'));
    assert.equal(out.status === 'rejected' && out.rejection.type, 'invalid_loan_status');
    assert.equal(await types(store), []);
  });

test('cut short after the call, the next Ledger to open completes it, once', async () => {
  const { store } = await writtenOff();
  // The claim on the process, then the call.
  let left = 2;
  const dying: typeof store = { ...store, appendToStream: (stream, events, o) => {
    if (left <= 0) return Promise.reject(new Error('killed'));
    left -= 1;
    return store.appendToStream(stream, events, o);
  } };
  const cut = await testLedger(dying, { products: limited });
  await cut.recoverFromGuarantor(recovery('3000')).catch(() => undefined);
  assert.equal(await types(store), ['Withdrawn', 'GuaranteeCalled']);
  const reopened = await testLedger(store, { products: limited });
  assert.equal(reopened.resumed.map((o) => o.status), ['completed']);
  assert.is((await reopened.recoverFromGuarantor(recovery('3000'))).status, 'completed');
  assert.equal(await types(store), ['Withdrawn', 'GuaranteeCalled', 'RecoveryReceived']);
});

test.run();
