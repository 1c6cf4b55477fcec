import {
  appendFile, copyFile, mkdtemp, readFile, rm, stat, truncate,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { exportEventLog } from './exportLog.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { acknowledgedBeforeKill } from './killedChild.fixture.ts';
import { spaceStepBytes, writeCallBytes } from './logSpace.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { readLogForwards } from './readLogForwards.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-log-space-'));
test.after(() => rm(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `log-${n++}.ndjson`);
const now = () => new Date('2026-12-06T00:00:00.000Z');
const step = 64 * 1024;
const ids = async (it: AsyncIterable<{ eventId: string }>) => {
  const out: string[] = [];
  for await (const e of it) out.push(e.eventId);
  return out;
};
// Three appends of the notes 1..6, with `spaceAheadBytes` as given.
const writeLog = async (file: string, spaceAheadBytes: number) => {
  const store = await openFileEventStore({ file, schema: noteSchema, now, spaceAheadBytes });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  const first = store.appendedBytes();
  const whileOpen = (await stat(file)).size;
  await store.appendToStream('loan-2', [note(idOf(3))]);
  await store.appendToStream('loan-1', [note(idOf(4)), note(idOf(5)), note(idOf(6))]);
  const appended = store.appendedBytes();
  await store.close();
  return { first, whileOpen, appended };
};
const six = [1, 2, 3, 4, 5, 6].map(idOf);

test('space is set aside ahead while open; a clean close leaves none', async () => {
  const file = fresh();
  const w = await writeLog(file, step);
  // Made at open, a step past the log's end then (0): the first append fell within it.
  assert.is(w.whileOpen, step);
  assert.ok(w.first < step);
  const bytes = await readFile(file);
  assert.is(bytes.length, w.appended);
  assert.is(bytes.at(-1), 10);
});

test('a store opened for writing starts its space at once; a close before it is made, or a '
  + 'reopen that appends nothing, leaves the log byte for byte as it was', async () => {
  const file = fresh();
  await writeLog(file, step);
  const before = await readFile(file);
  // Closed at once: the step being made is waited for, then given back.
  await (await openFileEventStore({ file, schema: noteSchema, now, spaceAheadBytes: step }))
    .close();
  assert.equal(await readFile(file), before);
  // Open a while: the step is made without an append.
  const store = await openFileEventStore({ file, schema: noteSchema, now, spaceAheadBytes: step });
  let size = 0;
  for (let tries = 0; tries < 200 && size !== before.length + step; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    size = (await stat(file)).size;
  }
  assert.is(size, before.length + step);
  assert.equal(await ids(store.readAll()), six);
  await store.close();
  assert.equal(await readFile(file), before);
});

test('a log written with space ahead is, closed, byte for byte one written without', async () => {
  const [a, b] = [fresh(), fresh()];
  await writeLog(a, 0);
  await writeLog(b, step);
  assert.equal(await readFile(b), await readFile(a));
});

test('an old log (no space) opens and appends as before, and closes without zeros', async () => {
  const [old, spaced] = [fresh(), fresh()];
  await writeLog(old, 0);
  await copyFile(old, spaced);
  for (const [file, spaceAheadBytes] of [[old, 0], [spaced, step]] as const) {
    const store = await openFileEventStore({ file, schema: noteSchema, now, spaceAheadBytes });
    assert.is(store.recovery, undefined);
    await store.appendToStream('loan-3', [note(idOf(7))]);
    await store.close();
  }
  assert.equal(await readFile(spaced), await readFile(old));
  assert.equal(await ids(readLogForwards({ file: spaced, schema: noteSchema })),
    [...six, idOf(7)]);
});

test('a log ending in zeros is read, verified and exported to exactly its lines', async () => {
  const file = fresh();
  const { appended } = await writeLog(file, 0);
  const lines = await readFile(file);
  await appendFile(file, Buffer.alloc(3 * step));
  assert.equal(await ids(readLogForwards({ file, schema: noteSchema })), six);
  const v = await verifyLog(file);
  assert.equal(v.ok && [v.tornTail, v.lines], [undefined, 6]);
  const reader = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal([reader.recovery, reader.appendedBytes()], [undefined, appended]);
  assert.equal(await ids(reader.readAll()), six);
  const copy = fresh();
  await exportEventLog({ store: reader, schema: noteSchema, file: copy });
  await reader.close();
  assert.equal(await readFile(copy), lines);
  // A writer keeps the zeros as its space, appends into it, and gives it back at its close.
  const writer = await openFileEventStore({ file, schema: noteSchema, spaceAheadBytes: step });
  assert.is(writer.recovery, undefined);
  assert.is((await stat(file)).size, appended + 3 * step);
  await writer.appendToStream('loan-3', [note(idOf(7))]);
  assert.is((await stat(file)).size, appended + 3 * step);
  await writer.close();
  assert.is((await stat(file)).size, writer.appendedBytes());
});

test('bytes after zeros within a torn write\'s reach are the torn tail, cut at open', async () => {
  const file = fresh();
  const { appended } = await writeLog(file, 0);
  await appendFile(file, Buffer.concat([Buffer.alloc(5000), Buffer.from('{"torn'),
    Buffer.alloc(step)]));
  const store = await openFileEventStore({ file, schema: noteSchema });
  assert.equal(store.recovery, {
    line: 7, offset: appended, bytes: 5006, cutBytes: 5006 + step,
    reason: `a write that did not finish (zeros from offset ${appended}, bytes after them)`,
  });
  assert.equal(await ids(store.readAll()), six);
  await store.close();
  assert.is((await stat(file)).size, appended);
});

test('bytes after zeros past a torn write\'s reach are refused as damage', async () => {
  const file = fresh();
  const { appended } = await writeLog(file, 0);
  const far = appended + writeCallBytes + 1;
  await truncate(file, far);
  await appendFile(file, Buffer.concat([Buffer.from('garbage\n'), Buffer.alloc(step)]));
  for (const mode of ['read-write', 'read-only'] as const) {
    try {
      const store = await openFileEventStore({ file, schema: noteSchema, mode });
      await store.close();
      assert.unreachable('opened');
    } catch (e) {
      assert.instance(e, StoreCorruptError);
      assert.match(String(e), `(${writeCallBytes + 9} bytes on), past the ${writeCallBytes}`);
      assert.match(String(e), 'line 7');
    }
  }
  assert.is((await stat(file)).size, far + 8 + step); // refused: nothing cut
  const v = await verifyLog(file);
  assert.is(v.ok, false);
});

const child = new URL('./crashChild.fixture.ts', import.meta.url).pathname;

test('killed with space ahead, a log reopens to every acknowledged append, no other', async () => {
  const file = fresh();
  const acknowledged: string[] = [];
  for (let run = 1; run <= 3; run++) {
    // Killed a while after it is ready: long enough for acknowledgements on a busy machine.
    const delayMs = 150 + 50 * run;
    acknowledged.push(...(await acknowledgedBeforeKill(child,
      [file, String(run), String(spaceStepBytes)], delayMs)));
    const bytes = await readFile(file);
    assert.is(bytes.at(-1), 0, `run ${run}: the kill left space ahead`);
    const store = await openFileEventStore({ file, schema: noteSchema });
    const stored = await ids(store.readAll());
    await store.close();
    assert.equal(acknowledged.filter((id) => !stored.includes(id)), [], `run ${run}: lost`);
    // Nothing else: each stored id is one of a child's, once; the chain verifies.
    assert.is(new Set(stored).size, stored.length);
    assert.ok(stored.every((id) => /^0000000[1-3]-0000-4000-8000-/.test(id)));
    const v = await verifyLog(file);
    assert.equal(v.ok && [v.tornTail, v.lines], [undefined, stored.length]);
    const after = await readFile(file); // closed cleanly: whole lines, no zeros
    assert.equal([after.indexOf(0), after.length], [-1, after.lastIndexOf(10) + 1]);
  }
  assert.ok(acknowledged.length > 3, `only ${acknowledged.length} acknowledged`);
});

test('by default a step of 1 MiB is set aside; 0, and a step that is not a whole number of '
  + 'bytes up to 1 GiB, keep none: the file is then the log while the store is open', async () => {
  const given = [undefined, 0, -1, 1.5, Number.NaN, 2 ** 30 + 1, '8', null, 8n];
  const found: string[] = [];
  for (const spaceAheadBytes of given) {
    const file = fresh();
    const store = await openFileEventStore({ file, schema: noteSchema, now,
      ...(spaceAheadBytes === undefined ? {} : { spaceAheadBytes: spaceAheadBytes as number }) });
    await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
    const bytes = await readFile(file);
    const log = store.appendedBytes();
    // The file's bytes after the log, and whether they are all zeros.
    const after = bytes.subarray(log);
    // The space is a step past the log's end at open (0): the file is that step long.
    found.push(`${String(spaceAheadBytes)}: ${after.length === 0 ? 0 : bytes.length} `
      + `${after.every((b) => b === 0)}`);
    assert.is(bytes.indexOf(0), after.length === 0 ? -1 : log, String(spaceAheadBytes));
    await store.close();
    assert.is((await readFile(file)).length, log, `${String(spaceAheadBytes)}: closed`);
  }
  assert.equal(found,
    given.map((g) => `${String(g)}: ${g === undefined ? spaceStepBytes : 0} true`));
});

test.run();
