// A dividend for 1,00,000 members: declared and its parts recorded on the file store, every
// append within the store's 1 MiB limit, then credited, each paisa of the total accounted for.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DIVIDEND_BATCH_SIZE, moneyString, shareDividends, signedMoneyString,
} from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { exportEventLog } from '../../file/exportLog.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, ok, testLedger } from '../testSupport.ts';
import { closeByHand } from './closeByHand.fixture.ts';
import { generateShareholders, holdingOf } from './shareholders.fixture.ts';

const MEMBERS = 100_000;
const BATCHES = MEMBERS / DIVIDEND_BATCH_SIZE;
const MiB = 1024 * 1024;
const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
const netProfit = () => signedMoneyString(1_000_000_000n); // Rs 1 crore

// Every append's size as the store measures it (UTF-8 JSON of data and metadata), by type.
const measured = (store: EventStore<LedgerEvent>, largest: Map<string, number>) => ({
  ...store,
  appendToStream: (stream, events, o) => {
    let bytes = 0;
    for (const e of events) {
      bytes += Buffer.byteLength(JSON.stringify(ledgerEventSchema.encode(e as never).data)) +
        Buffer.byteLength(JSON.stringify(e.metadata));
    }
    const type = events[0]?.type ?? '';
    largest.set(type, Math.max(largest.get(type) ?? 0, bytes));
    return store.appendToStream(stream, events, o);
  },
} satisfies EventStore<LedgerEvent>);

class Crash extends Error {}

test('a dividend for 1,00,000 members: bounded appends, credited to the paisa', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-dividend-'));
  const file = join(dir, 'usha.ndjson');
  try {
    const setup = memoryStore();
    await generateShareholders(setup, MEMBERS);
    const society = await testLedger(setup, { netProfit });
    ok(await society.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
      societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
    await closeByHand(society, { ...year, commandId: 'fy', on: '2025-04-05' });
    await society.close();
    await exportEventLog({ store: setup, schema: ledgerEventSchema, file });

    // On the file store: the declaration, then the parts recorded in batches. The process is
    // stopped after the last batch and completed in memory, on a copy of the log: its 2,00,000
    // credit appends are small, and the file store's syncs would make this take minutes.
    const largest = new Map<string, number>();
    const onFile = await openFileEventStore({ file, schema: ledgerEventSchema });
    const sized = measured(onFile, largest);
    let appendsLeft = Infinity;
    const stopping = { ...sized, appendToStream: ((s, e, o) => {
      if (appendsLeft-- <= 0) return Promise.reject(new Crash('stopped after the batches'));
      return sized.appendToStream(s, e, o);
    }) satisfies EventStore<LedgerEvent>['appendToStream'] };
    const ledger = await testLedger(stopping, { netProfit });
    const declared = ok(await ledger.declareDividend({ ...year, commandId: 'div',
      on: '2025-04-10', ratePercent: '10' }));
    const d = declared.status === 'accepted' ? declared.events[0]?.event : undefined;
    if (d?.type !== 'DividendDeclared' || d.data.allocation.kind !== 'batches') {
      return assert.unreachable('a declaration in batches');
    }
    assert.is(d.data.allocation.members, MEMBERS);
    assert.is(d.data.allocation.batches, BATCHES);
    appendsLeft = BATCHES;
    await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' })
      .then(() => assert.unreachable(), (e: unknown) => assert.instance(e, Crash));
    await ledger.close();
    assert.ok((largest.get('DividendDeclared') ?? MiB) < 1024, 'the declaration is small');
    assert.ok((largest.get('DividendAllocated') ?? MiB) < MiB / 8, 'a batch is bounded');

    // The memory store holds the history already: it takes what the file gained, as it is.
    for await (const e of onFile.readStream('society-USHA', { fromRevision: 2n })) {
      await setup.appendToStream(e.stream, [e], { expectedRevision: e.revision - 1n });
    }
    await onFile.close();
    const resumed = await testLedger(measured(setup, largest), { netProfit });
    assert.equal(resumed.resumed.map((o) => o.status), ['completed']);
    for (const size of largest.values()) assert.ok(size < MiB);

    const credited = new Map<string, string>();
    let allocatedBatches = 0;
    for await (const e of setup.readAll()) {
      if (e.type === 'DividendCredited') credited.set(e.data.memberId, e.data.amount);
      if (e.type === 'DividendAllocated') allocatedBatches++;
    }
    assert.is(allocatedBatches, BATCHES);
    const sum = [...credited.values()].reduce((a, x) => a + BigInt(x.replace('.', '')), 0n);
    assert.is(moneyString(sum), d.data.total);
    const expected = shareDividends({ ratePercent: '10', faceValue: '10',
      from: '2024-04-01', to: '2025-03-31', holdings: Array.from({ length: MEMBERS }, (_, i) => {
        const h = holdingOf(i);
        return { memberId: h.memberId, changes: [{ on: h.on, shares: h.shares }] };
      }) });
    assert.is(moneyString(expected.total.minor), d.data.total);
    // 46,64,07,965 share-days in all; 10% x Rs 10 x 466407965 / 365 = Rs 12,77,830.0411.
    assert.is(d.data.total, '1277830.04');
    assert.is(credited.size, MEMBERS);
    const figures = [[0, '1.00'], [1, '1.96'], [49, '3.01'], [12_345, '11.34'], [99_999, '10.55']];
    for (const [i, amount] of figures) {
      assert.is(moneyString(expected.parts[Number(i)]?.amount.minor ?? -1n), amount, `M${i}`);
      assert.is(credited.get(`M${i}`), amount, `M${i}`);
    }
    await resumed.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
