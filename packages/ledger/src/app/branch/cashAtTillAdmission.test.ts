// Her admission fee through a till: the process works the fee out from her share product, the
// till takes it, her stream names the till; a fee charged in error is reversed by two people.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { appointStaff } from '../authorisation/staffFixture.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { dyingAfter } from '../processes/dyingStore.fixture.ts';

const decoded = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');
const on = '2025-04-02';
const by = (commandId: string, actor: string) => ({ commandId, actor, on });
const at = { branchId: 'SONAGACHI' };
const admission = (id: string, memberId: string, shareProductId = 'SHF') => ({
  ...by(id, 'cash-1'), ...at, tillId: 'T1', type: 'AdmitMember' as const, memberId,
  shareProductId, shares: '10' });
const refusal = (o: { readonly status: string }) => ('rejection' in o ? o.rejection : o.status);
const rejection = (o: CommandOutcome | undefined) =>
  (o?.status === 'rejected' ? o.rejection : o?.status);

// Staff appointed; Rs 10,000.00 in the vault, 5,000.00 of it in till T1.
const openDay = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: decoded.right });
  await appointStaff(ledger);
  ok(await ledger.takeOverVaultCash({ ...by('v0', 'bm-1'), ...at, amount: '10000' }));
  ok(await ledger.transferBranchCash({ ...by('open', 'cash-1'), ...at, fromTill: null,
    toTill: 'T1', amount: '5000' }));
  return { store, ledger };
};
const gl = async (ledger: Awaited<ReturnType<typeof openDay>>['ledger']) => {
  const tb = await ledger.trialBalance();
  const row = (code: string) => tb.rows.find((r) => r.code === code);
  return [row('1100')?.debit, row('4700')?.credit, tb.totalDebit === tb.totalCredit];
};

test('the fee of her product, 47.00, goes into till T1 and her fee names the till', async () => {
  const { store, ledger } = await openDay();
  const out = await ledger.cashAtTill(admission('adm-1', 'M1'));
  assert.is(refusal(out), 'completed');
  assert.equal((await ledger.tillPositions(at)).tills,
    [{ tillId: 'T1', cash: '5047.00', counted: false }]);
  const events = await allEvents(store);
  const moved = events.find((e) => e.type === 'TillCashMoved');
  assert.equal(moved?.data, { branchId: 'SONAGACHI', tillId: 'T1', on, purpose: 'fee',
    amount: '47.00', accountStream: 'member-M1', stepId: 'adm-1:account' });
  assert.equal(events.filter((e) => e.stream === 'member-M1').map((e) => e.data), [
    { memberId: 'M1', branchId: 'SONAGACHI', on, shareProductId: 'SHF', sharesSubscribed: 10 },
    { eventId: 'adm-1:account.1', memberId: 'M1', branchId: 'SONAGACHI', on,
      amount: '47.00', tillId: 'T1' },
  ]);
  // Cash in hand: the vault's 10,000.00 is there already; the fee adds 47.00 to it.
  assert.equal(await gl(ledger), [4_700n, 4_700n, true]);
});

test('a product with no fee: she is admitted in one step, the till untouched', async () => {
  const { store, ledger } = await openDay();
  const out = await ledger.cashAtTill(admission('adm-2', 'M2', 'SH'));
  assert.equal([out.status, out.steps.length], ['completed', 1]);
  assert.equal((await allEvents(store)).filter((e) => e.stream === 'member-M2')
    .map((e) => e.type), ['MemberAdmitted']);
  assert.equal((await allEvents(store)).filter((e) => e.type === 'TillCashMoved'), []);
  assert.is((await ledger.tillPositions(at)).tills[0]?.cash, '5000.00');
});

test('refused before the till moves: admitted already, an amount sent, no such product',
  async () => {
    const { store, ledger } = await openDay();
    ok(await ledger.admitMember({ ...by('plain', 'clerk-1'), memberId: 'M3', ...at,
      shareProductId: 'SH', shares: 10 }));
    const before = (await allEvents(store)).length;
    assert.equal(refusal(await ledger.cashAtTill(admission('adm-3', 'M3'))),
      { type: 'already_exists', aggregate: 'member', id: 'M3' });
    const sent = await ledger.cashAtTill({ ...admission('adm-4', 'M4'), amount: '47' });
    assert.equal(sent.status === 'rejected' ? sent.rejection : sent.status, {
      type: 'invalid_command', message: 'CashAtTillRequest: amount: not sent for AdmitMember: '
        + 'the fee is her share product\'s', fields: [{ path: 'amount', expected: '', got: '',
        message: 'amount: not sent for AdmitMember: the fee is her share product\'s' }] });
    assert.equal(refusal(await ledger.cashAtTill(admission('adm-5', 'M5', 'XX'))),
      { type: 'unknown_product', productId: 'XX' });
    assert.is((await allEvents(store)).length, before);
  });

test('stopped after the till took the fee, the next Ledger to open admits her', async () => {
  const { store } = await openDay();
  // Its claim, then the till's step.
  const first = await testLedger(dyingAfter(store, 2), { products: decoded.right });
  await first.cashAtTill(admission('adm-1', 'M1')).catch(() => undefined);
  const types = async () => (await allEvents(store)).filter((e) => e.stream === 'member-M1'
    || e.type === 'TillCashMoved').map((e) => e.type);
  assert.equal(await types(), ['TillCashMoved']);
  const next = await testLedger(store, { products: decoded.right });
  assert.equal(next.resumed.map((p) => p.status), ['completed']);
  assert.equal(await types(), ['TillCashMoved', 'MemberAdmitted', 'AdmissionFeeCharged']);
  assert.equal(await gl(next), [4_700n, 4_700n, true]);
});

test('a fee charged in error is reversed by maker and checker, once; none to reverse else',
  async () => {
    const { store, ledger } = await openDay();
    ok((await ledger.cashAtTill(admission('adm-1', 'M1'))).steps[1] as CommandOutcome);
    const reverse = (id: string, memberId: string, eventId: string) => ({
      type: 'ReverseEvent' as const, data: { ...by(id, 'bm-1'), aggregate: 'member' as const,
        aggregateId: memberId, eventId, reason: 'entry_error' as const } });
    const twoPeople = async (id: string, memberId: string, eventId: string) => {
      ok(await ledger.requestApproval({ ...by(`rq-${id}`, 'bm-1'),
        command: reverse(id, memberId, eventId) }));
      return (await ledger.approveRequest({ ...by(`ok-${id}`, 'board-1'), requestId: id }))
        .command;
    };
    assert.is(rejection(await twoPeople('rv-1', 'M1', 'adm-1:account.1')), 'accepted');
    assert.equal((await allEvents(store)).filter((e) => e.type === 'EventReversed')
      .map((e) => e.data), [{ aggregate: 'member', aggregateId: 'M1', memberId: 'M1', on,
      reversedEventId: 'adm-1:account.1', reversedEventType: 'AdmissionFeeCharged',
      reason: 'entry_error' }]);
    // 47.00 out of admission fees and out of cash in hand again.
    assert.equal(await gl(ledger), [0n, 0n, true]);
    // Her 47.00 handed back across the counter: the till's side of the fee is released.
    ok(await ledger.execute({ type: 'ReleaseTillCash', data: { ...by('back-1', 'cash-1'), ...at,
      stepId: 'adm-1:account' } }));
    assert.is((await ledger.tillPositions(at)).tills[0]?.cash, '5000.00');
    assert.equal(await gl(ledger), [0n, 0n, true]);
    assert.equal(rejection(await twoPeople('rv-2', 'M1', 'adm-1:account.1')),
      { type: 'already_reversed', eventId: 'adm-1:account.1' });
    ok(await ledger.admitMember({ ...by('plain', 'clerk-1'), memberId: 'M6', ...at,
      shareProductId: 'SH', shares: 10 }));
    assert.equal(rejection(await twoPeople('rv-3', 'M6', 'plain.1')),
      { type: 'event_not_found', eventId: 'plain.1' });
  });

test('her passbook prints the fee and its reversal with exact amounts', async () => {
  const { ledger } = await openDay();
  await ledger.cashAtTill(admission('adm-1', 'M1'));
  ok(await ledger.purchaseShares({ ...by('sh-1', 'cash-1'), accountId: 'SH-M1',
    memberId: 'M1', productId: 'SHF', shares: 10 }));
  ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1'), command: { type: 'ReverseEvent',
    data: { ...by('rv-1', 'bm-1'), aggregate: 'member', aggregateId: 'M1',
      eventId: 'adm-1:account.1', reason: 'entry_error' } } }));
  ok(await ledger.approveRequest({ ...by('ok-1', 'board-1'), requestId: 'rv-1' }));
  const book = await ledger.passbook('M1');
  assert.equal(book.pages.map((p) => [p.accountId, p.lines.map((l) => [l.particulars,
    l.withdrawal, l.deposit, l.balance])]), [['SH-M1', [
    ['Admission fee 47.00 in cash', 0n, 0n, 0n],
    ['By 10 shares', 0n, 10_000n, 10_000n],
    ['Reversal (2025-04-02): Admission fee 47.00 in cash', 0n, 0n, 10_000n],
  ]]]);
});

test.run();
