// A member's own commands sent to the Ledger against a closed day of the branches they concern,
// and an admission fee naming a till that never took it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import type { CommandOutcome } from './outcome.ts';
import {
  allEvents, memberWithSavings, memoryStore, ok, products, testLedger,
} from '../testSupport.ts';
import { dyingAfter } from '../processes/dyingStore.fixture.ts';
import { sendAsStep } from '../processes/stepHandler.fixture.ts';

const by = (id: string, on: string, actor = 'clerk') => ({ commandId: id, actor, on });
const refusal = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : o.status);
const closed = (branchId: string, closedThrough: string, on: string) =>
  ({ type: 'branch_day_closed', branchId, closedThrough, on });
const decoded = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');
const withFee = { products: decoded.right };

// M1 at SONAGACHI with Rs 5,000 saved, M3 admitted with nothing, on 2024-04-01; SONAGACHI
// closes 2024-04-02.
const closedDay = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, withFee);
  await memberWithSavings(ledger, 'M1', '5000');
  ok(await ledger.admitMember({ ...by('m3', '2024-04-01'), memberId: 'M3',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
  ok(await ledger.closeBranchDay({ ...by('close', '2024-04-02', 'manager'),
    branchId: 'SONAGACHI' }));
  const count = async () => (await allEvents(store)).length;
  return { store, ledger, count };
};

test('an admission at a branch whose day is closed is refused; another branch is open',
  async () => {
    const { ledger, count } = await closedDay();
    const before = await count();
    const admit = (id: string, memberId: string, branchId: string, on: string) =>
      ledger.admitMember({ ...by(id, on), memberId, branchId, shareProductId: 'SHF',
        shares: 10 });
    assert.equal(refusal(await admit('a1', 'M2', 'SONAGACHI', '2024-04-02')),
      closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    assert.equal(refusal(await admit('a2', 'M2', 'SONAGACHI', '2024-04-01')),
      closed('SONAGACHI', '2024-04-02', '2024-04-01'));
    assert.is(await count(), before);
    ok(await admit('a3', 'M2', 'KALIGHAT', '2024-04-02'));
    ok(await admit('a4', 'M4', 'SONAGACHI', '2024-04-03'));
    // Two fees of 47.00, each in its own branch's books.
    const fees = async (branchId: string, asOf: string) => (await ledger.trialBalance({
      branchId, asOf })).rows.find((r) => r.code === '4700')?.credit;
    assert.equal([await fees('KALIGHAT', '2024-04-02'), await fees('SONAGACHI', '2024-04-03')],
      [4_700n, 4_700n]);
  });

test('a transfer is refused when the day of either branch is closed; an exit, when hers is',
  async () => {
    const { ledger, count } = await closedDay();
    const move = (id: string, on: string) => ledger.transferMember({ ...by(id, on, 'manager'),
      memberId: 'M1', to: 'KALIGHAT' });
    const before = await count();
    // From SONAGACHI, closed through 04-02.
    assert.equal(refusal(await move('t1', '2024-04-02')),
      closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    // Into KALIGHAT, closed through 04-05.
    ok(await ledger.closeBranchDay({ ...by('k5', '2024-04-05', 'manager'),
      branchId: 'KALIGHAT' }));
    assert.equal(refusal(await move('t2', '2024-04-04')),
      closed('KALIGHAT', '2024-04-05', '2024-04-04'));
    const exit = (id: string, on: string) => ledger.exitMember({ ...by(id, on, 'manager'),
      memberId: 'M3' });
    assert.equal(refusal(await exit('x1', '2024-04-02')),
      closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    assert.is(await count(), before + 1);
    ok(await move('t3', '2024-04-06'));
    ok(await exit('x2', '2024-04-03'));
  });

test('her field officer is a directory reference: recorded in a closed day', async () => {
  const { store, ledger } = await closedDay();
  ok(await ledger.assignFieldOfficer({ ...by('fo', '2024-04-02', 'manager'), memberId: 'M1',
    staffId: 'fo-3' }));
  assert.equal((await allEvents(store)).at(-1)?.data,
    { memberId: 'M1', staffId: 'fo-3', on: '2024-04-02' });
});

test('her fee reversed is refused in the closed day and recorded on the next', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, withFee);
  ok(await ledger.admitMember({ ...by('adm', '2024-04-01'), memberId: 'M2',
    branchId: 'SONAGACHI', shareProductId: 'SHF', shares: 10 }));
  ok(await ledger.closeBranchDay({ ...by('close', '2024-04-02', 'manager'),
    branchId: 'SONAGACHI' }));
  const reverse = (id: string, on: string) => ledger.reverseEvent({ ...by(id, on, 'manager'),
    aggregate: 'member', aggregateId: 'M2', eventId: 'adm.1', reason: 'entry_error' });
  assert.equal(refusal(await reverse('r1', '2024-04-02')),
    closed('SONAGACHI', '2024-04-02', '2024-04-02'));
  ok(await reverse('r2', '2024-04-03'));
  const fees = async (asOf: string) => (await ledger.trialBalance({ branchId: 'SONAGACHI',
    asOf })).rows.find((r) => r.code === '4700')?.credit ?? 0n;
  assert.equal([await fees('2024-04-02'), await fees('2024-04-03')], [4_700n, 0n]);
});

test('a fee naming a till is refused unless the branch holds that till\'s move of it',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, withFee);
    const at = { branchId: 'SONAGACHI' };
    const admit = (id: string, memberId: string) => ledger.admitMember({ ...by(id,
      '2024-04-01', 'cashier'), ...at, memberId, shareProductId: 'SHF', shares: 10,
      tillId: 'T1' });
    const notMoved = (stepId: string) => ({ type: 'till_not_moved', branchId: 'SONAGACHI',
      tillId: 'T1', stepId, amount: '47.00' });
    assert.equal(refusal(await admit('adm-1', 'M1')), notMoved('adm-1'));
    assert.equal(await allEvents(store), []);
    // The till's side stored first under the admission's id, as cashAtTill's step does (the
    // step is refused when sent on its own): admitted.
    const move = (stepId: string, memberId: string, amount = '47.00') => sendAsStep(store, {
      type: 'MoveTillCash', data: { ...by(`mv-${stepId}`, '2024-04-01', 'cashier'), ...at,
        tillId: 'T1', purpose: 'fee', amount, stepId, accountStream: `member-${memberId}` } },
    `till-${stepId}`, withFee.products);
    ok(await move('adm-2', 'M2'));
    ok(await admit('adm-2', 'M2'));
    // A move of another amount, or one released (the cash handed back), is not her fee.
    ok(await move('adm-3', 'M3', '40.00'));
    assert.equal(refusal(await admit('adm-3', 'M3')), notMoved('adm-3'));
    ok(await move('adm-4', 'M4'));
    ok(await ledger.execute({ type: 'ReleaseTillCash', data: { ...by('back-4', '2024-04-01',
      'cashier'), ...at, stepId: 'adm-4' } }));
    assert.equal(refusal(await admit('adm-4', 'M4')), notMoved('adm-4'));
    assert.equal((await allEvents(store)).filter((e) => e.type === 'AdmissionFeeCharged')
      .map((e) => e.stream), ['member-M2']);
    // T1: 47.00 of M2's fee and 40.00 moved for M3 (left to the count), M4's 47.00 released.
    assert.is((await ledger.tillPositions(at)).tills[0]?.cash, '87.00');
  });

test('an admission cut short after the till took her fee completes after the close',
  async () => {
    const store = memoryStore();
    const at = { branchId: 'SONAGACHI' };
    // Opened first: it does not complete the process cut short below (the next open does).
    const setup = await testLedger(store, withFee);
    await (await testLedger(dyingAfter(store, 2), withFee)).cashAtTill({ ...by('adm-1',
      '2024-04-02', 'cashier'), ...at, tillId: 'T1', type: 'AdmitMember', memberId: 'M1',
    shareProductId: 'SHF', shares: '10' }).catch(() => undefined);
    ok(await setup.countTillCash({ ...by('count', '2024-04-02', 'cashier'), ...at,
      tillId: 'T1', counted: '47' }));
    ok(await setup.closeBranchDay({ ...by('close', '2024-04-02', 'manager'), ...at }));
    const next = await testLedger(store, withFee);
    assert.equal(next.resumed.map((p) => p.status), ['completed']);
    assert.equal((await allEvents(store)).filter((e) => e.stream === 'member-M1')
      .map((e) => [e.type, e.data.on]), [['MemberAdmitted', '2024-04-02'],
      ['AdmissionFeeCharged', '2024-04-02']]);
  });

test('an admission sent directly naming a till is decided on the fee moved on its own day: '
  + 'admitted in that closed day, refused till_not_moved on a later one', async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, withFee);
    const at = { branchId: 'SONAGACHI' };
    // Her fee into T1 under the admission's id, as cashAtTill's step stores it; the day closed.
    ok(await sendAsStep(store, { type: 'MoveTillCash', data: { ...by('mv-adm-2', '2024-04-01',
      'cashier'), ...at, tillId: 'T1', purpose: 'fee', amount: '47.00', stepId: 'adm-2',
    accountStream: 'member-M2' } }, 'till-adm-2', withFee.products));
    ok(await ledger.countTillCash({ ...by('count', '2024-04-01', 'cashier'), ...at,
      tillId: 'T1', counted: '47' }));
    ok(await ledger.closeBranchDay({ ...by('close', '2024-04-01', 'manager'), ...at }));
    const admit = (on: string) => ledger.admitMember({ ...by('adm-2', on, 'cashier'), ...at,
      memberId: 'M2', shareProductId: 'SHF', shares: 10, tillId: 'T1' });
    assert.equal(refusal(await admit('2024-04-02')), { type: 'till_not_moved',
      branchId: 'SONAGACHI', tillId: 'T1', stepId: 'adm-2', amount: '47.00' });
    ok(await admit('2024-04-01'));
    assert.equal((await allEvents(store)).filter((e) => e.stream === 'member-M2')
      .map((e) => [e.type, e.data.on]), [['MemberAdmitted', '2024-04-01'],
      ['AdmissionFeeCharged', '2024-04-01']]);
  });

test.run();
