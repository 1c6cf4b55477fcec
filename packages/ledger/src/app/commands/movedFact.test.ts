import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryStore, ok, testLedger } from '../testSupport.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { movedFact } from './movedFact.ts';

// Two set-up notes on `ledger-setup`, revisions 0 and 1: the society's and the first board
// member's, as a Ledger writes them.
const twoNotes = async (): Promise<EventStore<LedgerEvent>> => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  const by = (commandId: string) => ({ commandId, actor: 'board', on: '2024-04-01' });
  ok(await ledger.configureSociety({ ...by('cfg'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  ok(await ledger.appointStaff({ ...by('appoint'), staffId: 'board', role: 'board',
    branchId: null }));
  return store;
};

test('a fact read at the revision the store holds stands; one read earlier has moved',
  async () => {
    const store = await twoNotes();
    const at = (revision: bigint | undefined) =>
      movedFact(store, [{ stream: 'ledger-setup', revision }], 'member-M1');
    assert.is(await at(1n), undefined);
    assert.is(await at(0n), 'ledger-setup');
    assert.is(await at(undefined), 'ledger-setup');
  });

test('a stream never written, read as none, stands; the target is not checked', async () => {
  const store = await twoNotes();
  assert.is(await movedFact(store, [{ stream: 'member-M9', revision: undefined },
    { stream: 'ledger-setup', revision: 0n }], 'ledger-setup'), undefined);
  assert.is(await movedFact(store, [{ stream: 'member-M9', revision: 0n }], 'x'), 'member-M9');
});

test('a stream read at two revisions has moved at one of them, whichever comes first',
  async () => {
    const store = await twoNotes();
    for (const order of [[1n, 0n], [0n, 1n]]) {
      const readFrom = order.map((revision) => ({ stream: 'ledger-setup', revision }));
      assert.is(await movedFact(store, readFrom, 'member-M1'), 'ledger-setup');
    }
  });

// A store may ignore the notFoundAsEmpty hint (port.ts): EventStoreDB throws StreamNotFound.
const ignoringHint = (store: EventStore<LedgerEvent>): EventStore<LedgerEvent> =>
  new Proxy(store, { get: (t, k) => k === 'readStream'
    ? (s: string, o?: object) => t.readStream(s, { ...o, notFoundAsEmpty: false })
    : Reflect.get(t, k) });

test('a stream never written stands on a store that ignores the not-found hint', async () => {
  const store = ignoringHint(await twoNotes());
  assert.is(await movedFact(store, [{ stream: 'member-M9', revision: undefined }], 'x'),
    undefined);
  assert.is(await movedFact(store, [{ stream: 'member-M9', revision: 0n }], 'x'), 'member-M9');
});

test.run();
