// Crediting a dividend declared in batches: the parts are recorded before the first credit,
// resumably, and only if the share streams still give the parts the declaration committed to.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { generateShareholders } from './shareholders.fixture.ts';

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
const credit = { ...year, commandId: 'credit', on: '2025-04-11' };
const netProfit = () => signedMoneyString(100_000_000n);

class Crash extends Error {}

// The process dies after `appends` appends: every later append throws, as if it were killed.
const dyingAfter = (store: EventStore<LedgerEvent>, appends: number): EventStore<LedgerEvent> => {
  let left = appends;
  return { ...store, appendToStream: (stream, events, o) => {
    if (left <= 0) return Promise.reject(new Crash('killed'));
    left -= 1;
    return store.appendToStream(stream, events, o);
  } };
};

const declared = async (store: EventStore<LedgerEvent>) => {
  const ledger = await testLedger(store, { netProfit });
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  ok(await ledger.execute({ type: 'CloseFinancialYear', data: { ...year, commandId: 'fy',
    on: '2025-04-05' } }));
  ok(await ledger.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' }));
  return ledger;
};

const paise = (amount: string) => BigInt(amount.replace('.', ''));

test('a credit killed between batches records the rest, each once, at the next open', async () => {
  const store = memoryStore();
  await generateShareholders(store, 2500);
  await (await declared(store)).close();
  const dying = await testLedger(dyingAfter(store, 1), { netProfit });
  await dying.creditDividends(credit).catch((e: unknown) => assert.instance(e, Crash));
  const early = (await allEvents(store)).filter((e) => e.type === 'DividendAllocated');
  assert.equal(early.map((e) => e.type === 'DividendAllocated' && e.data.batch), [0]);

  const restarted = await testLedger(store, { netProfit });
  const o = restarted.resumed[0];
  assert.is(o?.status, 'completed');
  // Batches 1 and 2, then two steps for each of the 2,500 members.
  assert.is(o?.steps.length, 2 + 2 * 2500);
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

test('a credit is refused, storing nothing, once a holding of the year has changed', async () => {
  const store = memoryStore();
  const setup = await testLedger(store, { netProfit });
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(setup, m, '1000');
  await setup.close();
  const ledger = await declared(store);
  // A correction after the declaration: M1's purchase was entered in error.
  ok(await ledger.reverseEvent({ commandId: 'undo', actor: 'clerk', on: '2025-04-10',
    aggregate: 'shares', aggregateId: 'M1', eventId: 'M1-shares.0', reason: 'entry_error' }));
  const before = (await allEvents(store)).length;
  const o = await ledger.creditDividends(credit);
  assert.equal(o.status === 'rejected' && o.rejection, {
    type: 'dividend_allocation_mismatch', financialYear: '2024-25', batch: 0,
    reason: 'the share streams no longer give the declared parts' });
  assert.is((await allEvents(store)).length, before);
});

test.run();
