// A state heavier than the cache's records bound that every command uses (a branch that does
// not close its days, beside each member's account and member stream) stays held: the bound
// lets go the least recently used beyond the last few, never one a command is using.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { recordsPerState } from './stateRecords.ts';

test('a branch heavier than the bound, used by every deposit beside light accounts, is never '
  + 'folded again from its start', async () => {
  const base = memoryStore();
  const read = { branch: 0 };
  const store: EventStore<LedgerEvent> = new Proxy(base, {
    get: (s, k) => (k !== 'readStream' ? Reflect.get(s, k)
      : (stream: string, o?: Parameters<typeof base.readStream>[1]) => {
        const inner = s.readStream(stream, o);
        if (stream !== 'branch-SONAGACHI') return inner;
        return (async function* () {
          for await (const e of inner) { read.branch += 1; yield e; }
        })();
      }),
  });
  // 9 states, 144 records: the branch passes it after about 140 movements.
  const entries = 9;
  const ledger = await testLedger(store, { stateCacheEntries: entries });
  for (let m = 0; m < 12; m += 1) await memberWithSavings(ledger, `M${m}`, '5000');
  ok(await ledger.takeOverVaultCash({ commandId: 'v0', actor: 'manager', on: '2024-04-02',
    branchId: 'SONAGACHI', amount: '100000' }));
  const deposit = async (i: number) => assert.is((await ledger.cashAtTill({
    commandId: `d-${i}`, actor: 'cashier', on: '2024-04-02', branchId: 'SONAGACHI',
    tillId: 'T1', type: 'MakeDeposit', accountId: `SB-M${i % 12}`, amount: '10' })).status,
  'completed');
  for (let i = 0; i < 2 * entries * recordsPerState; i += 1) await deposit(i);
  read.branch = 0;
  for (let i = 0; i < 60; i += 1) await deposit(1000 + i);
  // Its events are read only as they are appended, never again from the stream's start.
  assert.is(read.branch, 0);
  // 1,00,000 taken over; 348 deposits of 10.00 through T1.
  assert.is((await ledger.tillPositions({ branchId: 'SONAGACHI' })).tills[0]?.cash, '3480.00');
});

test.run();
