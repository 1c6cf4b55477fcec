// Every function of the store's side that takes a path, given one the system refuses or one
// naming no regular file: a FileAccessError naming the path and code, at once (never waiting on
// a pipe), and nothing created, removed or written over.
import { execFileSync } from 'node:child_process';
import {
  lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileCheckpointStore } from '../app/runner/checkpointStore.ts';
import { exportEventLog } from '../file/exportLog.ts';
import { openFileEventStore } from '../file/fileEventStore.ts';
import { importEventLog } from '../file/importLog.ts';
import { logEnd } from '../file/logEnd.ts';
import { readLogForwards } from '../file/readLogForwards.ts';
import { generateSigningKeys, SigningKeyError } from '../file/signingKeys.ts';
import { verifyLog } from '../file/verifyLog.ts';
import { idOf, note, noteSchema } from '../file/noteSchema.fixture.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { readSnapshotFile, writeSnapshotFile } from '../offHeap/snapshotFile.ts';
import { FileAccessError, notAFile } from './fileAccess.ts';

const root = await mkdtemp(join(tmpdir(), 'usha-file-access-'));
test.after(() => rm(root, { recursive: true, force: true }));

// The hostile places, made fresh in a folder of their own: name -> [path, expected code].
const places = async (dir: string): Promise<Record<string, [string, string]>> => {
  await mkdir(dir);
  await mkdir(join(dir, 'folder'));
  await writeFile(join(dir, 'plain'), 'not a folder');
  await symlink(join(dir, 'loop-b'), join(dir, 'loop-a'));
  await symlink(join(dir, 'loop-a'), join(dir, 'loop-b'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  // A character device like /dev/null, made here (never the system's own).
  execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
  return {
    folder: [join(dir, 'folder'), 'EISDIR'],
    underAFile: [join(dir, 'plain', 'log'), 'ENOTDIR'],
    missingFolder: [join(dir, 'missing', 'log'), 'ENOENT'],
    loop: [join(dir, 'loop-a'), 'ELOOP'],
    longName: [join(dir, 'x'.repeat(300)), 'ENAMETOOLONG'],
    fifo: [join(dir, 'fifo'), notAFile],
    device: [join(dir, 'null'), notAFile],
  };
};

// What is in the folder, and of what kind: unchanged by any refusal.
const listing = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const s = await lstat(join(dir, name));
    const kind = s.isFIFO() ? 'fifo' : s.isCharacterDevice() ? 'device'
      : s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : `file ${s.size}`;
    out.push(`${name.slice(0, 20)} ${kind}`);
  }
  return out;
};

// The error `run` ends with, within 5 s (a pipe that held an open would fail the test here).
const outcome = async (run: () => Promise<unknown>): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve('hung'), 5000); });
  try {
    return await Promise.race([run().then(() => 'done', (e: unknown) => e), late]);
  } finally {
    clearTimeout(timer);
  }
};

// A writer checks what holds the name first (a link, even a looping one, is not a file), then
// writes beside it: in a missing folder the name refused is that of the file written beside.
const asWritten = (place: string, path: string, code: string): [string, RegExp] =>
  place === 'loop' ? [notAFile, exactly(path)]
    : place === 'missingFolder' ? [code, new RegExp(`^${escaped(path)}\\.[a-z0-9.-]+$`)]
      : [code, exactly(path)];
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const exactly = (s: string) => new RegExp(`^${escaped(s)}$`);

const refusedAsNamed = async (
  name: string, run: (path: string) => Promise<unknown>,
  expected: (place: string, path: string, code: string) => [string, RegExp] =
  (_, path, code) => [code, exactly(path)],
) => {
  const dir = join(root, name);
  const at = await places(dir);
  const before = await listing(dir);
  for (const [place, [path, code]] of Object.entries(at)) {
    const e = await outcome(() => run(path));
    assert.ok(e instanceof FileAccessError, `${name} on ${place}: ${String(e)}`);
    const [wantCode, wantPath] = expected(place, path, code);
    assert.is(e.code, wantCode, `${name} on ${place}`);
    assert.match(e.path, wantPath, `${name} on ${place}`);
  }
  assert.equal(await listing(dir), before, name);
};

const drain = async (read: AsyncIterable<unknown>) => {
  for await (const _ of read) continue;
};

test('a log opened read-write or read-only, verified, read forwards or measured: refused, named',
  async () => {
    await refusedAsNamed('open-rw', async (file) => {
      const s = await openFileEventStore({ file, schema: noteSchema });
      await s.close();
    });
    await refusedAsNamed('open-ro', async (file) => {
      const s = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
      await s.close();
    });
    await refusedAsNamed('verify', (file) => verifyLog(file));
    await refusedAsNamed('forwards', (file) => drain(readLogForwards({ file, schema: noteSchema })));
    await refusedAsNamed('logEnd', (file) => logEnd(file));
    await refusedAsNamed('import', (file) => importEventLog({
      file, store: inMemoryEventStore({ schema: noteSchema }), schema: noteSchema }));
  });

test('an export, a runner\'s checkpoint and a snapshot are not written over anything but a '
  + 'file, nor read from one', async () => {
    const source = inMemoryEventStore({ schema: noteSchema });
    await source.appendToStream('loan-1', [note(idOf(1))]);
    await refusedAsNamed('export', (file) => exportEventLog({ store: source, schema: noteSchema,
      file }), asWritten);
    await refusedAsNamed('checkpoint-save', (file) => fileCheckpointStore(file).save('x'),
      asWritten);
    await refusedAsNamed('snapshot-write', (file) => writeSnapshotFile(file, {
      parts: [Buffer.from('x')], bytes: 1 } as unknown as Parameters<typeof writeSnapshotFile>[1]),
    asWritten);
    // A runner's checkpoint not there yet loads as none; anywhere else it is refused.
    const dir = join(root, 'checkpoint-load');
    const at = await places(dir);
    for (const [place, [path, code]] of Object.entries(at)) {
      const e = await outcome(() => fileCheckpointStore(path).load());
      if (code === 'ENOENT') {
        assert.is(e, 'done', place);
        continue;
      }
      assert.ok(e instanceof FileAccessError, `${place}: ${String(e)}`);
      assert.equal([e.code, e.path], [code, path], place);
    }
    // A snapshot read from a pipe or device is set aside as not opened, at once.
    for (const place of ['fifo', 'device']) {
      const [path] = at[place] ?? [''];
      const read = await outcome(() => readSnapshotFile(path, () => 'parsed'));
      assert.is(read, 'done', place);
      assert.equal(await readSnapshotFile(path, () => 'parsed'),
        { found: false, reason: 'not a file' }, place);
    }
  });

test('a link at a written name is refused, not replaced; a name already the export\'s own '
  + 'temporary file is left as it was', async () => {
    const dir = join(root, 'links');
    await mkdir(dir);
    await writeFile(join(dir, 'target'), 'kept');
    await symlink(join(dir, 'target'), join(dir, 'link'));
    const link = join(dir, 'link');
    const source = inMemoryEventStore({ schema: noteSchema });
    for (const run of [
      () => exportEventLog({ store: source, schema: noteSchema, file: link }),
      () => fileCheckpointStore(link).save('x'),
    ]) {
      const e = await outcome(run);
      assert.ok(e instanceof FileAccessError && e.code === notAFile, String(e));
    }
    assert.equal(await listing(dir), ['link link', 'target file 4']);
    // A file store's export whose temporary name is taken: refused, and that file kept.
    const file = join(dir, 'log.ndjson');
    const store = await openFileEventStore({ file, schema: noteSchema });
    await store.appendToStream('loan-1', [note(idOf(1))]);
    const out = join(dir, 'out.ndjson');
    const taken = `${out}.export-${process.pid}`;
    await writeFile(taken, 'someone else\'s');
    const e = await outcome(() => exportEventLog({ store, schema: noteSchema, file: out }));
    assert.ok(e instanceof FileAccessError && e.code === 'EEXIST', String(e));
    assert.is(e.path, taken);
    await store.close();
    assert.is(await readFile(taken, 'utf8'), 'someone else\'s');
    assert.is(await lstat(out).then(() => 'there', () => 'none'), 'none');
  });

test('keys: a key file that is a pipe is refused at once; a key pair is not written where '
  + 'the system refuses, nor into the working folder for an empty path', async () => {
    const dir = join(root, 'keys');
    const at = await places(dir);
    const before = await listing(dir);
    for (const place of ['fifo', 'device', 'folder', 'loop']) {
      const [file] = at[place] ?? [''];
      const e = await outcome(() => verifyLog(join(dir, 'plain'), { publicKey: { file } }));
      assert.ok(e instanceof SigningKeyError, `${place}: ${String(e)}`);
    }
    for (const place of ['underAFile', 'missingFolder', 'loop', 'fifo', 'device']) {
      const [folder] = at[place] ?? [''];
      const e = await outcome(() => generateSigningKeys({ dir: folder }));
      assert.ok(e instanceof FileAccessError, `${place}: ${String(e)}`);
    }
    assert.equal(await listing(dir), before);
    for (const given of [{ dir: '' }, { dir: 'a\0b' }, {}, null]) {
      const e = await outcome(() => Reflect.apply(generateSigningKeys, undefined, [given]));
      assert.ok(e instanceof SigningKeyError, String(e));
    }
  });

test.run();
