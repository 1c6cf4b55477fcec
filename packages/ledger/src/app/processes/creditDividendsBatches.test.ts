// Crediting a dividend declared in batches: the parts are recorded before the first credit,
// resumably, and only if the share streams still give the parts the declaration committed to.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { closeByHand } from './closeByHand.fixture.ts';
import { generateShareholders } from './shareholders.fixture.ts';
import { Crash, dyingAfter } from './dyingStore.fixture.ts';

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
const credit = { ...year, commandId: 'credit', on: '2025-04-11' };
const netProfit = () => signedMoneyString(100_000_000n);

const declared = async (store: EventStore<LedgerEvent>) => {
  const ledger = await testLedger(store, { netProfit });
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await closeByHand(ledger, { ...year, commandId: 'fy', on: '2025-04-05' });
  ok(await ledger.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' }));
  return ledger;
};

const uuidLike = '5d1b4c0e-2f0a-4b6e-9a51-000000000002';
const paise = (amount: string) => BigInt(amount.replace('.', ''));

test('a credit killed between batches records the rest, each once, at the next open', async () => {
  const store = memoryStore();
  await generateShareholders(store, 2500);
  await (await declared(store)).close();
  // The claim on the process, then the first batch.
  const dying = await testLedger(dyingAfter(store, 2), { netProfit });
  await dying.creditDividends(credit).catch((e: unknown) => assert.instance(e, Crash));
  const early = (await allEvents(store)).filter((e) => e.type === 'DividendAllocated');
  assert.equal(early.map((e) => e.type === 'DividendAllocated' && e.data.batch), [0]);

  const restarted = await testLedger(store, { netProfit });
  const o = restarted.resumed[0];
  assert.is(o?.status, 'completed');
  // Batches 1 and 2, two steps for each of the 2,500 members, then the run's end.
  assert.is(o?.steps.length, 2 + 2 * 2500 + 1);
  const end = o?.steps.at(-1);
  assert.equal(end?.status === 'accepted' && end.events.map(({ event: e }) =>
    e.type === 'DividendRunEnded' && [e.data.credited, e.data.payableInCash, e.data.refused]),
  [[2500, 0, 0]]);
  assert.ok(o?.steps.every((s) => s.status === 'accepted' && !s.duplicate));
  const again = await restarted.creditDividends(credit);
  assert.is(again.status, 'completed');
  assert.ok(again.steps.every((s) => s.status === 'accepted' && s.duplicate));

  const events = await allEvents(store);
  const batches = events.flatMap((e) => (e.type === 'DividendAllocated' ? [e.data] : []));
  assert.equal(batches.map((b) => [b.batch, b.parts.length]), [[0, 1000], [1, 1000], [2, 500]]);
  const declaration = events.find((e) => e.type === 'DividendDeclared');
  if (declaration?.type !== 'DividendDeclared') return assert.unreachable();
  const total = paise(declaration.data.total);
  const parts = batches.flatMap((b) => b.parts);
  assert.is(parts.reduce((a, p) => a + paise(p.amount), 0n), total);
  const credits = events.flatMap((e) => (e.type === 'DividendCredited' ? [e.data] : []));
  assert.is(credits.length, 2500);
  assert.is(credits.reduce((a, c) => a + paise(c.amount), 0n), total);
  // Member i held 1 + (i % 50) shares of Rs 10 for 365 - (7i mod 365) days: 1,15,84,110
  // share-days in all; 10% x Rs 10 x 11584110 / 365 = Rs 31,737.2877 -> 31,737.29.
  assert.is(declaration.data.total, '31737.29');
  // The books balance, and every paisa declared has gone from payable to the members' savings.
  const tb = await restarted.trialBalance();
  assert.is(tb.totalDebit, tb.totalCredit);
  const row = (code: string) => tb.rows.find((r) => r.code === code);
  assert.equal([row('2300')?.debit, row('2300')?.credit], [0n, 0n], 'dividends payable');
  assert.equal([row('2310')?.debit, row('2310')?.credit], [0n, 0n], 'awaiting deposit');
  await restarted.close();
});

const threeMembers = async () => {
  const store = memoryStore();
  const setup = await testLedger(store, { netProfit });
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(setup, m, '1000');
  await setup.close();
  return store;
};

test('a correction recorded after the declaration changes no declared part', async () => {
  const store = await threeMembers();
  const ledger = await declared(store);
  // M1's purchase was entered in error; the dividend declared on it stands until corrected.
  ok(await ledger.reverseEvent({ commandId: 'undo', actor: 'clerk', on: '2025-04-10',
    aggregate: 'shares', aggregateId: 'M1', eventId: 'M1-shares.0', reason: 'entry_error' }));
  const o = await ledger.creditDividends(credit);
  assert.is(o.status, 'completed');
  const credits = (await allEvents(store)).flatMap((e) =>
    (e.type === 'DividendCredited' ? [[e.data.memberId, e.data.amount]] : []));
  // 10 shares of Rs 10 held all year at 10%: Rs 10.00 each, as declared.
  assert.equal(credits, [['M1', '10.00'], ['M2', '10.00'], ['M3', '10.00']]);
});

test('parts that do not give the declared digest are refused, and nothing is stored',
  async () => {
    const store = await threeMembers();
    const ledger = await declared(store);
    const events = await allEvents(store);
    const d = events.find((e) => e.type === 'DividendDeclared');
    if (d?.type !== 'DividendDeclared' || d.data.allocation.kind !== 'batches') {
      return assert.unreachable('a declaration in batches');
    }
    // The same declaration for 2025-26 (closed here too), with a digest the parts do not give.
    await closeByHand(ledger, { ...year, financialYear: '2025-26', commandId: 'fy2',
      on: '2026-04-05' });
    const forged = { type: d.type, eventId: uuidLike,
      data: { ...d.data, financialYear: '2025-26', on: '2026-04-10',
        allocation: { ...d.data.allocation, digest: '0'.repeat(64) } },
      metadata: { ...d.metadata, eventId: 'div2.0', commandId: 'div2' } };
    // The store checks it against the schema as it would any event: it is well formed.
    await store.appendToStream('society-USHA', [forged] as never,
      { expectedRevision: d.revision + 3n });
    const before = (await allEvents(store)).length;
    const o = await ledger.creditDividends({ ...credit, financialYear: '2025-26',
      commandId: 'credit2', on: '2026-04-11' });
    assert.equal(o.status === 'rejected' && o.rejection, {
      type: 'dividend_allocation_mismatch', financialYear: '2025-26', batch: 0,
      reason: 'the share streams do not give the declared parts' });
    assert.is((await allEvents(store)).length, before);
  });

test.run();
