// TDS on deposit interest through the Ledger: the setting from the society's settings, her
// interest earlier in the year from her accounts' streams, her declaration from the directory.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

// A low threshold, so a quarter's interest on Rs 1,00,000 at 4% crosses it in the second one.
const tds = { enabled: true, thresholdPerYear: '1000.00', ratePercent: '10' };
const board = (id: string, on: string) => ({ commandId: id, actor: 'board', on });
const clerk = (id: string, on: string) => ({ commandId: id, actor: 'clerk', on });

const setUp = async (o: { tdsOn: boolean }) => {
  const store = memoryStore();
  const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
  ok(await ledger.configureSociety({ ...board('cfg', '2024-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15',
    ...(o.tdsOn ? { tds } : {}) }));
  for (const m of ['M1', 'M2']) {
    await memberWithSavings(ledger, m, '100000');
    await ledger.registerMember(m, { name: `member ${m}` });
  }
  await ledger.recordTdsExemption('M2', { financialYear: '2024-25', form: '15G' });
  for (const m of ['M1', 'M2']) {
    ok(await ledger.postInterest({ ...clerk(`${m}-q1`, '2024-06-30'), accountId: `SB-${m}`,
      periodTo: '2024-06-30' }));
    ok(await ledger.postInterest({ ...clerk(`${m}-q2`, '2024-09-30'), accountId: `SB-${m}`,
      periodTo: '2024-09-30' }));
  }
  const events = await allEvents(store);
  const of = (type: string, m: string) => events.filter((e) => e.type === type
    && 'accountId' in e.data && e.data.accountId === `SB-${m}`).map((e) => e.data);
  return { ledger, events, of };
};

test('a member whose year crosses the threshold is taxed on the posting that crosses it',
  async () => {
    const { of } = await setUp({ tdsOn: true });
    // Q1: 1,00,000 x 4% x 91/365 = 997.26, not above 1,000. Q2: 1,00,997.26 x 4% x 92/365
    // = 1,018.27, the year 2,015.53: 10% of 1,018.27 = 101.827, deducted as Rs 102.00.
    assert.equal(of('InterestPosted', 'M1').map((d) => 'amount' in d && d.amount),
      ['997.26', '1018.27']);
    assert.equal(of('TdsDeducted', 'M1'), [{ accountId: 'SB-M1', memberId: 'M1',
      on: '2024-09-30', financialYear: '2024-25', interest: '1018.27', rate: '10',
      amount: '102.00' }]);
  });

test('a member with a Form 15G for the year is not taxed; the log holds no declaration',
  async () => {
    const { events, of } = await setUp({ tdsOn: true });
    assert.equal(of('InterestPosted', 'M2').map((d) => 'amount' in d && d.amount),
      ['997.26', '1018.27']);
    assert.equal(of('TdsDeducted', 'M2'), []);
    assert.not.match(JSON.stringify(events.map((e) => e.data)), /15G|member M2/);
  });

test('the statement lists her deductions of the year with her certificate\'s totals',
  async () => {
    const { ledger } = await setUp({ tdsOn: true });
    assert.equal(await ledger.tdsStatement({ memberId: 'M1', financialYear: '2024-25' }), {
      memberId: 'M1', financialYear: '2024-25', interestTotal: '1018.27', tdsTotal: '102.00',
      lines: [{ on: '2024-09-30', accountId: 'SB-M1', interest: '1018.27', rate: '10',
        amount: '102.00' }] });
    const none = await ledger.tdsStatement({ memberId: 'M2', financialYear: '2024-25' });
    assert.equal([none.lines.length, none.tdsTotal], [0, '0.00']);
  });

test('a society configured without the TDS setting deducts nothing', async () => {
  const { events } = await setUp({ tdsOn: false });
  assert.is(events.filter((e) => e.type === 'InterestPosted').length, 4);
  assert.is(events.filter((e) => e.type === 'TdsDeducted').length, 0);
});

test('a declaration with an unknown form is refused with a typed error naming the field',
  async () => {
    const { ledger } = await setUp({ tdsOn: true });
    const bad = { financialYear: '2024-25', form: '16A' } as unknown as
      Parameters<typeof ledger.recordTdsExemption>[1];
    const err = await ledger.recordTdsExemption('M1', bad).then(() => undefined, (e) => e);
    assert.instance(err, Error);
    assert.is((err as Error).name, 'InvalidTdsExemptionError');
    assert.match((err as Error).message, 'form');
  });

test('her year\'s interest counts none of another member\'s account that her stream notes '
  + '(an opening of hers that died after its note, its id given to the other\'s)', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
  ok(await ledger.configureSociety({ ...board('cfg', '2024-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15', tds }));
  await memberWithSavings(ledger, 'M1', '100000');
  await memberWithSavings(ledger, 'M3', '100000');
  // An instance opening SB-9 for M1 dies after its note; SB-9 is then opened for M3.
  const dying: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) =>
    stream === 'deposit-SB-9' ? Promise.reject(new Error('killed')) :
      store.appendToStream(stream, events, o) };
  const died = await testLedger(dying, { processClaims: { claimant: 'died' } });
  await died.openSavingsAccount({ ...clerk('open-M1', '2024-04-01'), accountId: 'SB-9',
    memberId: 'M1', productId: 'SB' }).then(() => assert.unreachable(),
    (e: unknown) => assert.is(e instanceof Error && e.message, 'killed'));
  ok(await ledger.openSavingsAccount({ ...clerk('open-M3', '2024-04-01'), accountId: 'SB-9',
    memberId: 'M3', productId: 'SB' }));
  ok(await ledger.makeDeposit({ ...clerk('dep-9', '2024-04-01'), accountId: 'SB-9',
    amount: '100000', source: 'cash' }));
  ok(await ledger.postInterest({ ...clerk('q1-9', '2024-06-30'), accountId: 'SB-9',
    periodTo: '2024-06-30' }));
  // Her Q1, 997.26, is her year so far: not above 1,000 (with SB-9's 997.26 it would be).
  ok(await ledger.postInterest({ ...clerk('q1-M1', '2024-06-30'), accountId: 'SB-M1',
    periodTo: '2024-06-30' }));
  const events = await allEvents(store);
  assert.equal(events.filter((e) => e.type === 'InterestPosted').map((e) =>
    'amount' in e.data && `${String(e.data.accountId)} ${String(e.data.amount)}`),
  ['SB-9 997.26', 'SB-M1 997.26']);
  assert.equal(events.filter((e) => e.type === 'TdsDeducted'), []);
  assert.equal(events.filter((e) => e.stream === 'member-M1').map((e) => e.type),
    ['MemberAdmitted', 'AccountOpeningNoted', 'AccountOpeningNoted']);
});

test.run();
