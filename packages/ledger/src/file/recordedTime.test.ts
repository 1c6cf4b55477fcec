// A line's recorded time is an instant as the store writes it: a text that names no instant
// (or another one than it reads as) is a changed line, refused by name wherever a log is read;
// and a clock whose time no line can hold is refused before a byte is written.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreClosedError, StoreCorruptError } from '../eventStore/errors.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { MemoryStoreOptionsError } from '../memory/memoryStoreOptions.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { lineDecoder } from './lineDecoder.ts';
import { encodeLine, genesisHash } from './lineFormat.ts';
import { readLogForwards } from './readLogForwards.ts';
import { verifyLog } from './verifyLog.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-recorded-time-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const lineAt = (recordedAt: string) => encodeLine({
  batchIndex: 0, batchSize: 1, dataJson: '{"text":"x"}', eventId: idOf(1), metadataJson: '{}',
  prev: genesisHash, recordedAt, revision: 0n, stream: 'loan-1', type: 'Noted',
}).line;

const refusal = async (p: Promise<unknown>): Promise<unknown> => {
  const e = await p.then(() => 'accepted', (x: unknown) => x);
  return e instanceof StoreCorruptError ? [e.where.offset, e.reason] : e;
};

const notAnInstant = 'recordedAt: not an ISO instant';
// Each a line whose hash and chain are right: only its time is wrong.
const wrongTimes = ['2025-02-30T00:00:00.000Z', '2025-01-01T25:00:00.000Z',
  '2025-02-28T24:00:00.000Z', '2025-13-01T00:00:00.000Z'];

test('a line whose time names no instant, or reads as another, is refused by verify, open and '
  + 'a forward read, named', async () => {
  for (const [i, time] of wrongTimes.entries()) {
    const file = join(dir, `time-${i}.ndjson`);
    await writeFile(file, lineAt(time));
    const verified = await verifyLog(file);
    assert.equal(verified.ok ? 'ok' : [verified.line, verified.offset, verified.reason],
      [1, 0, notAnInstant], time);
    assert.equal(await refusal(openFileEventStore({ file, schema: noteSchema })),
      [0, notAnInstant], time);
    const read = (async () => {
      for await (const _ of readLogForwards({ file, schema: noteSchema })) continue;
    })();
    assert.equal(await refusal(read), [0, notAnInstant], time);
  }
  // The same line with a time the store writes opens and reads its time back.
  const file = join(dir, 'time-right.ndjson');
  await writeFile(file, lineAt('2025-02-28T23:59:59.999Z'));
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  const times: string[] = [];
  for await (const e of store.readAll()) times.push(e.recordedAt.toISOString());
  assert.equal(times, ['2025-02-28T23:59:59.999Z']);
  await store.close();
});

test('the decoder of reads refuses a time naming no instant or another (a line no scan checked)',
  () => {
    const decode = lineDecoder(noteSchema, (offset, reason) => new Error(`${offset}: ${reason}`));
    // A fresh buffer each time: the decoder writes over a byte of the one it is given.
    for (const time of wrongTimes) {
      for (let i = 0; i < 2; i++) { // refused again, not remembered as the time last read
        const bytes = Buffer.from(lineAt(time));
        assert.throws(() => decode(bytes, 0, bytes.length - 1, 0, true),
          (e: unknown) => e instanceof Error && e.message === `0: ${notAnInstant}`, time);
      }
    }
    const good = Buffer.from(lineAt('2025-01-01T05:30:00.000Z'));
    assert.is(decode(good, 0, good.length - 1, 0, true).recordedAt.toISOString(),
      '2025-01-01T05:30:00.000Z');
  });

const beyond = [Date.UTC(10000, 0, 1), Date.parse('0000-01-01T00:00:00.000Z') - 1];
const outside = 'answered a Date outside the years 0000-9999';

test('a clock beyond the years a line can hold stops the file store before a byte is written',
  async () => {
    for (const [i, ms] of beyond.entries()) {
      const file = join(dir, `clock-${i}.ndjson`);
      const store = await openFileEventStore({ file, schema: noteSchema, now: () => new Date(ms) });
      const e: unknown = await store.appendToStream('loan-1', [note(idOf(1))])
        .catch((x: unknown) => x);
      assert.ok(e instanceof StoreClosedError, String(e));
      assert.ok(e.message.includes(`file store option now: ${outside}`), e.message);
      await store.close().catch(() => undefined);
      assert.is((await stat(file)).size, 0);
      // The log opens again, empty.
      const again = await openFileEventStore({ file, schema: noteSchema });
      assert.is(again.appendedBytes(), 0);
      await again.close();
    }
  });

test('a clock beyond the years a line can hold is refused by the memory store, nothing stored',
  async () => {
    for (const ms of beyond) {
      const store = inMemoryEventStore({ schema: noteSchema, now: () => new Date(ms) });
      const e: unknown = await store.appendToStream('loan-1', [note(idOf(1))])
        .catch((x: unknown) => x);
      assert.ok(e instanceof MemoryStoreOptionsError, String(e));
      assert.is(e.field, 'now');
      assert.is(e.reason, outside);
      let events = 0;
      for await (const _ of store.readAll()) events++;
      assert.is(events, 0);
    }
  });

test.run();
