// A member's account commands sent without a till, against her branch's closed day.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CommandOutcome } from './outcome.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (id: string, on: string, actor = 'clerk') => ({ commandId: id, actor, on });
const refusal = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : o.status);
const closed = (branchId: string, closedThrough: string, on: string) =>
  ({ type: 'branch_day_closed', branchId, closedThrough, on });

// M1 at SONAGACHI with Rs 5,000 saved on 2024-04-01; SONAGACHI closes 2024-04-02.
const closedDay = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '5000');
  ok(await ledger.closeBranchDay({ ...by('close', '2024-04-02', 'manager'),
    branchId: 'SONAGACHI' }));
  return { store, ledger };
};

test('a deposit or withdrawal without a till on a closed day is refused; the next day is open',
  async () => {
    const { store, ledger } = await closedDay();
    const before = (await allEvents(store)).length;
    const deposit = (id: string, on: string) => ledger.makeDeposit({ ...by(id, on),
      accountId: 'SB-M1', amount: '700', source: 'cash' });
    assert.equal(refusal(await deposit('d1', '2024-04-02')),
      closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    assert.equal(refusal(await deposit('d0', '2024-04-01')),
      closed('SONAGACHI', '2024-04-02', '2024-04-01'));
    assert.equal(refusal(await ledger.withdraw({ ...by('w1', '2024-04-02'), accountId: 'SB-M1',
      amount: '100' })), closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    assert.is((await allEvents(store)).length, before);
    ok(await deposit('d2', '2024-04-03'));
    // 5,000.00 saved + 100.00 of shares (the setup's) + 700.00 on the next, open day.
    const tb = await ledger.trialBalance({ branchId: 'SONAGACHI', asOf: '2024-04-03' });
    assert.is(tb.rows.find((r) => r.code === '1100')?.debit, 580_000n);
  });

test('the society posts interest by rule after the branch has closed the day; a member cannot',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '5000');
    ok(await ledger.closeBranchDay({ ...by('close', '2024-06-30', 'manager'),
      branchId: 'SONAGACHI' }));
    // The quarter's interest, dated its last day: the day-end run comes after the counter
    // has closed that day.
    ok(await ledger.postInterest({ ...by('int', '2024-06-30'), accountId: 'SB-M1',
      periodTo: '2024-06-30' }));
    const last = (await allEvents(store)).at(-1);
    assert.is(last?.type, 'InterestPosted');
    // The same day stays closed to her own business.
    assert.equal(refusal(await ledger.withdraw({ ...by('w', '2024-06-30'), accountId: 'SB-M1',
      amount: '1' })), closed('SONAGACHI', '2024-06-30', '2024-06-30'));
  });

test('a loan paid out and repaid without a till is checked against her branch day',
  async () => {
    const { ledger } = await closedDay();
    const loan = { loanId: 'L1' };
    ok(await ledger.applyForLoan({ ...by('apply', '2024-04-03'), ...loan, memberId: 'M1',
      productId: 'LN', principal: '12000', repayments: 12, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by('approve', '2024-04-03', 'manager'), ...loan,
      principal: '12000' }));
    ok(await ledger.disburseLoan({ ...by('pay', '2024-04-03'), ...loan, amount: '12000' }));
    ok(await ledger.closeBranchDay({ ...by('close-2', '2024-05-03', 'manager'),
      branchId: 'SONAGACHI' }));
    assert.equal(refusal(await ledger.recordRepayment({ ...by('rep', '2024-05-03'), ...loan,
      amount: '1000' })), closed('SONAGACHI', '2024-05-03', '2024-05-03'));
    ok(await ledger.recordRepayment({ ...by('rep-2', '2024-05-04'), ...loan, amount: '1000' }));
  });

test('a closed day is corrected by a reversal dated on an open day, never inside it',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '5000');
    ok(await ledger.makeDeposit({ ...by('wrong', '2024-04-02'), accountId: 'SB-M1',
      amount: '7000', source: 'cash' }));
    ok(await ledger.closeBranchDay({ ...by('close', '2024-04-02', 'manager'),
      branchId: 'SONAGACHI' }));
    const reverse = (id: string, on: string) => ledger.reverseEvent({ ...by(id, on),
      aggregate: 'deposit', aggregateId: 'SB-M1', eventId: 'wrong.0', reason: 'entry_error' });
    assert.equal(refusal(await reverse('undo-1', '2024-04-02')),
      closed('SONAGACHI', '2024-04-02', '2024-04-02'));
    ok(await reverse('undo-2', '2024-04-03'));
    // The closed day keeps its 5,000.00 + 100.00 of shares + 7,000.00 = 12,100.00; the next
    // day takes the 7,000.00 back out: 5,100.00.
    const cash = async (asOf: string) => (await ledger.trialBalance({ branchId: 'SONAGACHI',
      asOf })).rows.find((r) => r.code === '1100')?.debit;
    assert.equal([await cash('2024-04-02'), await cash('2024-04-03')],
      [1_210_000n, 510_000n]);
  });

test('a member transferred is checked against her branch on the date, and where she is now',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '5000');
    await memberWithSavings(ledger, 'M2', '5000');
    ok(await ledger.transferMember({ ...by('move', '2024-04-05', 'manager'), memberId: 'M2',
      to: 'KALIGHAT' }));
    const close = (id: string, branchId: string, on: string) =>
      ledger.closeBranchDay({ ...by(id, on, 'manager'), branchId });
    ok(await close('k6', 'KALIGHAT', '2024-04-06'));
    const deposit = (id: string, m: string, on: string) => ledger.makeDeposit({
      ...by(id, on), accountId: `SB-${m}`, amount: '100', source: 'cash' });
    // KALIGHAT's close holds M2 (hers from 04-05), not M1 (still at SONAGACHI).
    assert.equal(refusal(await deposit('a', 'M2', '2024-04-06')),
      closed('KALIGHAT', '2024-04-06', '2024-04-06'));
    ok(await deposit('b', 'M1', '2024-04-06'));
    ok(await close('s3', 'SONAGACHI', '2024-04-03'));
    // 04-03: SONAGACHI was hers that day, and it closed the day.
    assert.equal(refusal(await deposit('c', 'M2', '2024-04-03')),
      closed('SONAGACHI', '2024-04-03', '2024-04-03'));
    // 04-04: SONAGACHI's day is open, but the entry would post at KALIGHAT, closed through 04-06.
    assert.equal(refusal(await deposit('d', 'M2', '2024-04-04')),
      closed('KALIGHAT', '2024-04-06', '2024-04-04'));
    ok(await deposit('e', 'M2', '2024-04-07'));
  });

test('the account step of cash a till took before the close completes it after the close',
  async () => {
    const store = memoryStore();
    const setup = await testLedger(store);
    await memberWithSavings(setup, 'M1', '5000');
    const at = { branchId: 'SONAGACHI' };
    // The Ledger stops after its claim and the till's step: the account's is not stored.
    let left = 2;
    const dying = { ...store, appendToStream: ((stream, events, o) => {
      if (left <= 0) return Promise.reject(new Error('power cut'));
      left -= 1;
      return store.appendToStream(stream, events, o);
    }) satisfies typeof store.appendToStream };
    await (await testLedger(dying)).cashAtTill({ ...by('d1', '2024-04-02', 'cashier'), ...at,
      tillId: 'T1', type: 'MakeDeposit', accountId: 'SB-M1', amount: '300' })
      .catch(() => undefined);
    ok(await setup.countTillCash({ ...by('count', '2024-04-02', 'cashier'), ...at,
      tillId: 'T1', counted: '300' }));
    ok(await setup.closeBranchDay({ ...by('close', '2024-04-02', 'manager'), ...at }));
    // The till counted the 300.00: the deposit it was for is stored at the next open.
    const next = await testLedger(store);
    assert.equal(next.resumed.map((p) => p.status), ['completed']);
    const deposited = (await allEvents(store)).filter((e) => e.type === 'Deposited')
      .map((e) => 'amount' in e.data && e.data.amount);
    assert.equal(deposited, ['5000.00', '300.00']);
  });

test.run();
