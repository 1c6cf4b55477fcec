// Two app instances (two clients, two Ledgers) over one EventStoreDB: a command id is stored
// once, whichever instance and stream it is sent to, because each is claimed first.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLedger, ledgerEventSchema, noBackoff } from '@usha/ledger';
import type { CommandOutcome, EventStore, LedgerEvent } from '@usha/ledger';
import { products } from '@usha/domain/testing';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { collect, startEsdbTestServer } from './testSupport.ts';

const day = { actor: 'clerk', on: '2024-05-01' };

const member = (m: string) => {
  const by = (id: string) => ({ commandId: `${m}-${id}`, ...day });
  return [
    ['admitMember', { ...by('admit'), memberId: m, branchId: 'SONAGACHI', shareProductId: 'SH',
      shares: 10 }],
    ['purchaseShares', { ...by('shares'), accountId: `SH-${m}`, memberId: m, productId: 'SH',
      shares: 10 }],
    ['openSavingsAccount', { ...by('open'), accountId: `SB-${m}`, memberId: m,
      productId: 'SB' }],
    ['makeDeposit', { ...by('deposit'), accountId: `SB-${m}`, amount: '1000',
      source: 'cash' }],
  ] as const;
};

const kind = (o: CommandOutcome | undefined) => o === undefined ? 'none'
  : o.status === 'accepted' ? (o.duplicate ? 'duplicate' : 'accepted') : o.rejection.type;

test('two instances never store one command id twice on EventStoreDB', async () => {
  const server = await startEsdbTestServer();
  const stores: EventStore<LedgerEvent>[] = [0, 1].map(() =>
    createEventStoreDbStore({ connectionString: server.connectionString,
      schema: ledgerEventSchema }));
  try {
    const [storeA, storeB] = stores as [EventStore<LedgerEvent>, EventStore<LedgerEvent>];
    const a = await createLedger({ store: storeA, products, backoff: noBackoff });
    for (const m of ['A1', 'B1']) {
      for (const [method, request] of member(m)) {
        const o = await a.execute({ type: method.charAt(0).toUpperCase() + method.slice(1),
          data: request });
        assert.is(o.status, 'accepted', `${m} ${method}`);
      }
    }
    const b = await createLedger({ store: storeB, products, backoff: noBackoff });
    const withdrawal = { ...day, commandId: 'X-1', accountId: 'SB-A1', amount: '100' };
    const deposit = { ...day, commandId: 'X-1', accountId: 'SB-B1', amount: '250',
      source: 'cash' as const };
    const both = await Promise.all([a.withdraw(withdrawal), b.makeDeposit(deposit)]);
    assert.equal(both.map(kind).sort(), ['accepted', 'command_id_reused']);
    const winner = both[0]?.status === 'accepted' ? 'withdraw' : 'deposit';
    // The winning request retried through the other instance: its original outcome.
    const retried = winner === 'withdraw' ? await b.withdraw(withdrawal)
      : await a.makeDeposit(deposit);
    assert.is(kind(retried), 'duplicate');
    const all = await collect(storeA.readAll());
    const x1 = all.filter((e) => e.metadata.commandId === 'X-1');
    assert.equal(x1.map((e) => e.stream),
      [winner === 'withdraw' ? 'deposit-SB-A1' : 'deposit-SB-B1']);
    // Claims are the adapter's own: no read or subscription shows them.
    assert.ok(all.every((e) => !e.stream.includes('command-claim')));
    // Two members: 5 events each (her savings account's note among them), then X-1 once.
    assert.is(all.length, 11);
    await Promise.all([a.close(), b.close()]);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await server.stop();
  }
});

test.run();
