// An event whose fields answer otherwise at each read (a getter, a proxy): what is stored is
// one reading, checked as stored, so the log always reads back. Before, the bytes of one
// reading were hash-chained while another was checked, and the log then refused every read.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../file/fileEventStore.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../app/log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, testLedger } from '../app/testSupport.ts';
import type { EventStore, NewEvent } from './port.ts';
import { InvalidEventError } from './errors.ts';

// A member's admission as the Ledger stores it, for member M9.
const admission = async (): Promise<LedgerEvent> => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '1000');
  for await (const e of store.readAll()) {
    if (e.type === 'MemberAdmitted') return { type: e.type, data: { ...e.data, memberId: 'M9' },
      metadata: e.metadata } as LedgerEvent;
  }
  throw new Error('no admission');
};

// Its branch a number at the first read, a branch at every other (or the other way round).
const unstable = (e: LedgerEvent, firstValid: boolean): NewEvent<LedgerEvent> => {
  let reads = 0;
  const data = { ...e.data };
  Object.defineProperty(data, 'branchId', { enumerable: true, get: () => {
    reads += 1;
    return (reads === 1) === firstValid ? 'SONAGACHI' : 12345;
  } });
  return { ...e, eventId: randomUUID(), data } as NewEvent<LedgerEvent>;
};

// The events stored (one or none each way round), every one read back with a branch.
const holds = async (store: EventStore<LedgerEvent>, e: LedgerEvent): Promise<number> => {
  let stored = 0;
  for (const firstValid of [true, false]) {
    const stream = `member-M9-${String(firstValid)}`;
    const outcome = await store.appendToStream(stream, [unstable(e, firstValid)])
      .then(() => 'stored', (x: unknown) => x);
    if (outcome !== 'stored') assert.instance(outcome, InvalidEventError);
    const read: unknown[] = [];
    for await (const r of store.readStream(stream, { notFoundAsEmpty: true })) {
      read.push(Reflect.get(Object(r.data), 'branchId'));
    }
    assert.equal(read, outcome === 'stored' ? ['SONAGACHI'] : []);
    if (outcome === 'stored') stored += 1;
  }
  return stored;
};

test('an event answering otherwise at each read is stored as one valid reading, or refused: '
  + 'the memory store reads back', async () => {
  await holds(inMemoryEventStore({ schema: ledgerEventSchema }), await admission());
});

test('the same on the file store, and its log reopens', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-unstable-'));
  try {
    const file = join(dir, 'usha.ndjson');
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const stored = await holds(store, await admission());
    await store.close();
    const again = await openFileEventStore({ file, schema: ledgerEventSchema });
    let events = 0;
    for await (const _ of again.readAll()) events += 1;
    assert.is(events, stored);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
