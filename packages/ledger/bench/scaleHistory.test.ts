import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { savingsId, writeScaleHistory } from './scaleHistory.ts';
import { scaleParameters, scaleProducts } from './scalePlan.ts';
import { scratchRoot } from './scaleLog.ts';

const lines = async (file: string) =>
  (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '')
    .map((l): Record<string, unknown> => JSON.parse(l));

test('a small scale history is a decade of every kind of business, opened by the Ledger, ' +
  'which takes a command on it', async () => {
  const dir = await mkdtemp(join(scratchRoot(), 'usha-scale-test-'));
  try {
    const file = join(dir, 'usha.ndjson');
    const p = scaleParameters(5_000);
    assert.is(p.members, 100);
    const h = await writeScaleHistory(file, p);
    const stored = await lines(file);
    assert.is(stored.length, h.events); // every event appended was counted, notes too
    assert.ok(h.events > 4_500 && h.events <= 5_000, `${h.events} events`);
    assert.is(h.lastDate, '2025-03-28'); // the last member day of the tenth year
    const types = new Set(stored.map((l) => l.type));
    for (const t of ['MemberAdmitted', 'SharesPurchased', 'SavingsAccountOpened', 'Deposited',
      'Withdrawn', 'InterestPosted', 'RecurringDepositOpened', 'DepositMatured',
      'DepositAccountClosed', 'LoanApplied', 'LoanApproved', 'LoanDisbursed',
      'RepaymentReceived', 'LoanClosed']) {
      assert.ok(types.has(t), `no ${t} in the history`);
    }
    const branches = new Set(stored.filter((l) => l.type === 'MemberAdmitted')
      .map((l) => Reflect.get(Object(l.data), 'branchId')));
    assert.is(branches.size, 48);

    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const ledger = await createLedger({ store, products: scaleProducts });
    const o = await ledger.execute({ type: 'Withdraw', data: { commandId: 'test-w1',
      actor: 'clerk-1', on: '2025-04-01', accountId: savingsId(0), amount: '1000000' } });
    assert.is(o.status === 'rejected' && o.rejection.type, 'insufficient_balance');
    const d = await ledger.execute({ type: 'MakeDeposit', data: { commandId: 'test-d1',
      actor: 'clerk-1', on: '2025-04-01', accountId: savingsId(0), amount: '250',
      source: 'cash' } });
    assert.is(d.status === 'accepted' && d.duplicate, false);
    assert.is(d.status === 'accepted' && d.revision > 0n, true);
    await ledger.close();
    await store.close();
    assert.is((await lines(file)).length, h.events + 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// Members are served concurrently, so the interleaving of one day's members in the log may
// differ between writes; what each stream holds may not.
test('the history is the same, stream by stream, each time it is written', async () => {
  const dir = await mkdtemp(join(scratchRoot(), 'usha-scale-test-'));
  try {
    const p = scaleParameters(1_000);
    const streams = async (name: string) => {
      const file = join(dir, name);
      await writeScaleHistory(file, p);
      const by = new Map<string, string[]>();
      for (const l of await lines(file)) {
        const s = String(l.stream);
        by.set(s, [...by.get(s) ?? [], JSON.stringify([l.type, l.data, l.metadata])]);
      }
      return [...by.entries()].sort(([a], [b]) => a.localeCompare(b));
    };
    const first = await streams('a.ndjson');
    assert.ok(first.length > 100, `${first.length} streams`);
    assert.equal(await streams('b.ndjson'), first);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
