import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { StoreOptionsError } from '../eventStore/storeOptionFields.ts';
import type { RecordedEvent } from '../eventStore/port.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';
import { readLogForwards } from './readLogForwards.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-forwards-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// Eleven events in eight appends over three streams, some of several events.
const writeLog = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema });
  let n = 0;
  for (let i = 0; i < 8; i++) {
    const events = Array.from({ length: i % 3 === 0 ? 2 : 1 }, () => note(idOf(++n), `n${n}`));
    await store.appendToStream(`loan-${i % 3}`, events);
  }
  await store.close();
};

const all = async <T>(events: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const e of events) out.push(e);
  return out;
};

const byStore = async (file: string): Promise<RecordedEvent<Note>[]> => {
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  try {
    return await all(store.readAll());
  } finally {
    await store.close();
  }
};

test('reads the same events as the indexed store, in the same order', async () => {
  const file = join(dir, 'same.ndjson');
  await writeLog(file);
  const read = await all(readLogForwards({ file, schema: noteSchema }));
  assert.is(read.length, 11);
  assert.equal(read, await byStore(file));
  assert.equal(read.map((e) => `${e.stream}@${e.revision}`).slice(0, 4),
    ['loan-0@0', 'loan-0@1', 'loan-1@0', 'loan-2@0']);
});

test('an unfinished last append is not read, as a read-only store leaves it', async () => {
  const file = join(dir, 'torn.ndjson');
  await writeLog(file);
  const whole = await readFile(file);
  const lines = whole.toString('utf8').split('\n');
  // The first line of a new two-event append, rewritten from the first append's first line.
  await appendFile(file, `${lines[0]}`); // no newline: a torn line
  const read = await all(readLogForwards({ file, schema: noteSchema }));
  assert.is(read.length, 11);
  assert.equal(read, await byStore(file));
});

test('a changed line is refused by its number, and no event after it is read', async () => {
  const file = join(dir, 'changed.ndjson');
  await writeLog(file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines[4] = (lines[4] ?? '').replace('"n5"', '"n6"');
  await writeFile(file, lines.join('\n'));
  const seen: string[] = [];
  try {
    for await (const e of readLogForwards({ file, schema: noteSchema })) seen.push(e.eventId);
    assert.unreachable('a changed line was read');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
    if (e instanceof StoreCorruptError) {
      assert.is(e.where.line, 5);
      assert.is(e.reason, 'hash does not match content');
    }
  }
  assert.equal(seen, [idOf(1), idOf(2), idOf(3), idOf(4)]);
});

test('a line moved to another place breaks the chain at the first line out of place', async () => {
  const file = join(dir, 'moved.ndjson');
  await writeLog(file);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const [third, fourth] = [lines[2] ?? '', lines[3] ?? ''];
  lines[2] = fourth;
  lines[3] = third;
  await writeFile(file, lines.join('\n'));
  try {
    await all(readLogForwards({ file, schema: noteSchema }));
    assert.unreachable('a reordered log was read');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
    if (e instanceof StoreCorruptError) {
      assert.is(e.where.line, 3);
      assert.is(e.reason, 'prev is not the hash of the line before');
    }
  }
});

test('options of none of its forms are refused, typed and naming the field, when read; a '
  + 'length in whole bytes reads what it covers', async () => {
  const file = join(dir, 'options.ndjson');
  await writeLog(file);
  const throwing = { file, schema: noteSchema,
    get bytes(): number { throw new Error('unreadable'); } };
  const refused: Array<[unknown, string]> = [
    [null, ''], ['file', ''], [{ file: '', schema: noteSchema }, 'file'],
    [{ file: 42, schema: noteSchema }, 'file'], [{ file, schema: {} }, 'schema.decode'],
    [new Proxy({}, { get: () => { throw new Error('trap'); } }), 'file'],
    [throwing, 'bytes'],
  ];
  // A length of no whole number of bytes reached a native read, which aborted the process.
  for (const bytes of [Number.NaN, 1.5, 200.7, -1, '100', 10n, Symbol('b'), {}]) {
    refused.push([{ file, schema: noteSchema, bytes }, 'bytes']);
  }
  for (const [options, field] of refused) {
    const e = await all(Reflect.apply(readLogForwards, undefined, [options]))
      .then(() => undefined, (x: unknown) => x);
    assert.instance(e, StoreOptionsError, String(field));
    assert.is(e instanceof StoreOptionsError && e.field, field);
  }
  // The first append's two lines, then part of the next: only the first append is read.
  const firstTwo = (await readFile(file, 'utf8')).split('\n').slice(0, 2).join('\n').length + 1;
  const read = await all(readLogForwards({ file, schema: noteSchema, bytes: firstTwo + 10 }));
  assert.equal(read.map((e) => `${e.stream}@${e.revision}`), ['loan-0@0', 'loan-0@1']);
  assert.is((await all(readLogForwards({ file, schema: noteSchema,
    bytes: Number.POSITIVE_INFINITY }))).length, 11);
});

test.run();
