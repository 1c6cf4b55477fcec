import { existsSync } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { checkpointFileOf, readIndexCheckpoint } from './fileIndexCheckpoint.ts';
import { acknowledgedBeforeKill } from './killedChild.fixture.ts';
import { everyClose, idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-checkpoint-crash-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const child = new URL('./fileIndexCheckpointChild.fixture.ts', import.meta.url).pathname;

// A log of `events` notes in appends of up to 100, closed: its checkpoint covers them all.
const closedLog = async (name: string, events: number): Promise<string> => {
  const file = join(dir, name);
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  for (let i = 0; i < events; i += 100) {
    const n = Math.min(100, events - i);
    await store.appendToStream(`member-${i % 7}`,
      Array.from({ length: n }, (_, j) => note(idOf(i + j), `event ${i + j}`)));
  }
  await store.close();
  return file;
};

const idsIn = async (file: string, verify?: 'full'): Promise<string[]> => {
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only', verify });
  const ids: string[] = [];
  for await (const e of store.readAll()) ids.push(e.eventId);
  await store.close();
  return ids;
};

test('after a SIGKILL past the checkpoint, the reopen reads only the appends after it',
  async () => {
    const file = await closedLog('tail.ndjson', 50);
    const acknowledged = await acknowledgedBeforeKill(child, [file, 'tail', '1', '30'], 0);
    assert.is(acknowledged.length, 30);
    const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
    assert.equal(store.opened, { from: 'checkpoint', linesRead: 30 });
    assert.is(store.recovery, undefined);
    await store.close();
    const ids = await idsIn(file);
    assert.is(ids.length, 80);
    assert.equal(ids.slice(50), acknowledged);
    assert.equal(await idsIn(file, 'full'), ids);
  });

const kills = 6;
test(`a SIGKILL while a checkpoint is written leaves the old or the new one (${kills} kills)`,
  async () => {
    const file = await closedLog('kill-mid-write.ndjson', 40_000);
    let midWrite = 0;
    for (let run = 1; run <= kills; run++) {
      const acknowledged = await acknowledgedBeforeKill(child, [file, 'checkpoints',
        String(run)], 20 + Math.floor(Math.random() * 150));
      midWrite += await access(`${checkpointFileOf(file)}.writing`).then(() => 1, () => 0);
      const read = await readIndexCheckpoint(checkpointFileOf(file));
      assert.equal(read.found ? 'found' : read.reason, 'found', `run ${run}`);
      const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
      assert.is(store.opened.from, 'checkpoint', `run ${run}`);
      await store.close();
      const ids = await idsIn(file);
      assert.equal(await idsIn(file, 'full'), ids, `run ${run}`);
      const stored = new Set(ids);
      assert.equal(acknowledged.filter((id) => !stored.has(id)), [], `run ${run}: lost`);
    }
    console.log(`  ${midWrite} of ${kills} kills left a checkpoint write unfinished`);
  });

test(`a SIGKILL while an open writes a checkpoint beside its first appends leaves the old or `
  + `the new one (${kills} kills)`, async () => {
  const file = await closedLog('kill-open-write.ndjson', 60_000);
  const writing = `${checkpointFileOf(file)}.writing`;
  const bound = 4096; // an open that read 2,048 bytes after the checkpoint writes one
  let midWrite = 0;
  for (let run = 1; run <= kills; run++) {
    // 20 more events after the checkpoint, closed without writing one: whatever the last kill
    // left, the child's open reads at least these.
    const tailStore = await openFileEventStore({ file, schema: noteSchema,
      checkpointOnCloseAfterBytes: Infinity });
    await tailStore.appendToStream('member-9', Array.from({ length: 20 },
      (_, j) => note(idOf(60_000 + 20 * run + j), `tail ${j}`)));
    await tailStore.close();
    // What the child's open will read after the checkpoint: enough for it to write one.
    const before = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
    const tail = before.appendedBytes() - (await readIndexCheckpoint(checkpointFileOf(file))
      .then((r) => (r.found ? r.checkpoint.endOffset : 0)));
    await before.close();
    assert.ok(tail >= bound / 2, `run ${run}: ${tail} bytes after the checkpoint`);
    // Killed the moment its write is seen under way (or after 400 ms): it appends meanwhile.
    const acknowledged = await acknowledgedBeforeKill(child,
      [file, 'opened', String(run), String(bound)], 400, () => existsSync(writing));
    midWrite += existsSync(writing) ? 1 : 0;
    const read = await readIndexCheckpoint(checkpointFileOf(file));
    assert.equal(read.found ? 'found' : read.reason, 'found', `run ${run}`);
    const ids = await idsIn(file);
    assert.equal(await idsIn(file, 'full'), ids, `run ${run}`);
    const stored = new Set(ids);
    assert.equal(acknowledged.filter((id) => !stored.has(id)), [], `run ${run}: lost`);
  }
  console.log(`  ${midWrite} of ${kills} kills left the open's checkpoint write unfinished`);
  assert.ok(midWrite > 0, 'no open was seen writing a checkpoint');
});

test.run();
