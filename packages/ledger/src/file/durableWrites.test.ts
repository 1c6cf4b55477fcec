// Appends are durable when they resolve: where the platform has O_DSYNC the log is opened with
// it (each write returns once synced, one call a commit); elsewhere the committer calls
// fdatasync after writing. The kernel's own record of the open file says which.
import { constants } from 'node:fs';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-durable-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// The open flags (octal in /proc/self/fdinfo) of each descriptor this process has on `file`.
const flagsOf = async (file: string): Promise<number[]> => {
  const found: number[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target !== file) continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    const flags = /^flags:\s+([0-7]+)$/m.exec(info)?.[1];
    if (flags !== undefined) found.push(Number.parseInt(flags, 8));
  }
  return found;
};

const linux = process.platform === 'linux' && typeof constants.O_DSYNC === 'number';
(linux ? test : test.skip)('a read-write log is written through an O_DSYNC handle', async () => {
  const dsync = constants.O_DSYNC;
  for (const existing of [false, true]) { // created by the open, then opened again
    const file = join(dir, 'log.ndjson');
    const store = await openFileEventStore({ file, schema: noteSchema });
    await store.appendToStream('notes-1', [note(idOf(existing ? 2 : 1))]);
    const flags = await flagsOf(file);
    await store.close();
    assert.equal(flags.length, 1, 'one descriptor on the log');
    assert.equal((flags[0] ?? 0) & dsync, dsync, `O_DSYNC set (existing: ${existing})`);
  }
  const reader = await openFileEventStore({
    file: join(dir, 'log.ndjson'), schema: noteSchema, mode: 'read-only',
  });
  const flags = await flagsOf(join(dir, 'log.ndjson'));
  await reader.close();
  assert.equal(flags.map((f) => f & dsync), [0], 'a read-only handle writes nothing');
});

test.run();
