import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { position } from '../eventStore/position.ts';
import { StoreOptionsError } from '../eventStore/storeOptionFields.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-verify-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// Three appends; the hash after each, and where each last event is.
const threeAppends = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema });
  const hashes: string[] = [];
  const positions: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await store.appendToStream(`note-${i}`, [note(idOf(2 * i)), note(idOf(2 * i + 1))]);
    hashes.push(store.lastHash());
    positions.push(r.position.commit);
  }
  await store.close();
  return { hashes, positions };
};

test('names the last event position, and the line an earlier hash was taken at', async () => {
  const file = join(dir, 'anchored.ndjson');
  const { hashes, positions } = await threeAppends(file);
  const v = await verifyLog(file, { anchor: hashes[1] ?? '' });
  assert.ok(v.ok);
  if (!v.ok) return;
  assert.is(v.lines, 6);
  assert.equal(v.lastPosition, position(positions[2] ?? -1n));
  assert.equal(v.anchor, { line: 4, position: position(positions[1] ?? -1n), eventsAfter: 2 });
  const none = await verifyLog(file, { anchor: 'ab'.repeat(32) });
  assert.equal(none.ok ? [none.anchor, 'anchor' in none] : 'broken', [undefined, true]);
  const plain = await verifyLog(file);
  assert.is(plain.ok && 'anchor' in plain, false);
});

test('an empty log has no last position; a torn tail is not where an anchor is found', async () => {
  const empty = join(dir, 'empty.ndjson');
  await writeFile(empty, '');
  const v = await verifyLog(empty);
  assert.equal(v.ok ? [v.lines, v.lastPosition] : 'broken', [0, undefined]);
  const file = join(dir, 'torn.ndjson');
  await threeAppends(file);
  // Cut the last line: the third append's first line is left alone, never acknowledged.
  const lines = (await readFile(file, 'utf8')).split('\n');
  await writeFile(file, `${lines.slice(0, 5).join('\n')}\n`);
  const tornHash = (lines[4] ?? '').slice(9, 73);
  const torn = await verifyLog(file, { anchor: tornHash });
  assert.equal(torn.ok ? [torn.lines, torn.anchor, torn.tornTail?.line] : 'broken',
    [4, undefined, 5]);
});

test('a file or options of none of their forms are refused, typed and naming the field; null '
  + 'options are none', async () => {
  const file = join(dir, 'options.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  await store.close();
  const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
  const cases: Array<[unknown, unknown, string]> = [
    [undefined, {}, 'file'], ['', {}, 'file'], [42, {}, 'file'],
    [file, 42, ''], [file, trap, 'anchor'], [file, { anchor: 'abc' }, 'anchor'],
    [file, { anchor: 7 }, 'anchor'], [file, { signedAfter: 'AB'.repeat(32) }, 'signedAfter'],
    [file, { onAppend: 'print' }, 'onAppend'],
  ];
  for (const [f, options, field] of cases) {
    const e = await Reflect.apply(verifyLog, undefined, [f, options])
      .then(() => undefined, (x: unknown) => x);
    assert.instance(e, StoreOptionsError, field);
    assert.is(e instanceof StoreOptionsError && e.field, field);
  }
  assert.is((await verifyLog(file, null)).ok, true);
});

test.run();
