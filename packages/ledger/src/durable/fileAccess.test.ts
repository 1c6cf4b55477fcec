// Every function of the store's side that takes a path, given one the system refuses or one
// naming no regular file: a FileAccessError naming the path and code, at once (never waiting on
// a pipe), and nothing created, removed or written over.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as net from 'node:net';
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
import { FileAccessError, fileAccessMeaning, notAFile } from './fileAccess.ts';

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
  // A character device like /dev/null, made here (never the system's own): only root may.
  const device = isRoot ? (execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']), true)
    : false;
  const socket = net.createServer();
  await new Promise<void>((resolve) => socket.listen(join(dir, 'socket'), resolve));
  sockets.push(socket);
  return {
    folder: [join(dir, 'folder'), 'EISDIR'],
    underAFile: [join(dir, 'plain', 'log'), 'ENOTDIR'],
    missingFolder: [join(dir, 'missing', 'log'), 'ENOENT'],
    loop: [join(dir, 'loop-a'), 'ELOOP'],
    longName: [join(dir, 'x'.repeat(300)), 'ENAMETOOLONG'],
    fifo: [join(dir, 'fifo'), notAFile],
    socket: [join(dir, 'socket'), notAFile],
    ...(device ? { device: [join(dir, 'null'), notAFile] as [string, string] } : {}),
  };
};
const isRoot = process.getuid?.() === 0;
const sockets: net.Server[] = [];
test.after(() => { for (const s of sockets) s.close(); });

// What is in the folder, and of what kind: unchanged by any refusal.
const listing = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const s = await lstat(join(dir, name));
    const kind = s.isFIFO() ? 'fifo' : s.isCharacterDevice() ? 'device'
      : s.isSocket() ? 'socket'
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
    await refusedAsNamed('forwards',
      (file) => drain(readLogForwards({ file, schema: noteSchema })));
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
    for (const place of ['fifo', 'socket', ...isRoot ? ['device'] : []]) {
      const [path] = at[place] ?? [''];
      const read = await outcome(() => readSnapshotFile(path, () => 'parsed'));
      assert.is(read, 'done', place);
      assert.equal(await readSnapshotFile(path, () => 'parsed'),
        { found: false, reason: 'not a file' }, place);
    }
  });

test('a link at a written name is refused, not replaced; a copy a killed export left does '
  + 'not hold up the next', async () => {
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
    // A copy a killed export left beside the name (an older version's name for it, or any):
    // the next export is not held up by it, and does not remove it.
    const file = join(dir, 'log.ndjson');
    const store = await openFileEventStore({ file, schema: noteSchema });
    await store.appendToStream('loan-1', [note(idOf(1))]);
    const out = join(dir, 'out.ndjson');
    const left = `${out}.export-${process.pid}`;
    await writeFile(left, 'a killed export\'s copy');
    assert.is((await exportEventLog({ store, schema: noteSchema, file: out })).events, 1);
    await store.close();
    assert.is(await readFile(left, 'utf8'), 'a killed export\'s copy');
    assert.equal((await verifyLog(out)).ok, true);
  });

test('a link at a name written then renamed (a killed write\'s, or planted) is removed, '
  + 'never written through: what it names is kept whole', async () => {
  const dir = join(root, 'temporaries');
  await mkdir(dir);
  await writeFile(join(dir, 'victim'), 'kept');
  const snapshot = join(dir, 'index.snapshot');
  await symlink(join(dir, 'victim'), `${snapshot}.writing`);
  await writeSnapshotFile(snapshot, { parts: [Buffer.from('x')], bytes: 1 } as unknown as
    Parameters<typeof writeSnapshotFile>[1]);
  const checkpoint = join(dir, 'runner.checkpoint');
  const store = fileCheckpointStore(checkpoint);
  // The checkpoint store's temporaries count its saves in this process (a few dozen so far in
  // this file): plant the next ones.
  for (let n = 1; n <= 500; n++) {
    await symlink(join(dir, 'victim'), `${checkpoint}.${process.pid}.${n}.tmp`)
      .catch(() => undefined);
  }
  await store.save('saved');
  assert.is(await readFile(join(dir, 'victim'), 'utf8'), 'kept');
  assert.is((await lstat(snapshot)).isFile(), true);
  assert.is((await lstat(checkpoint)).isFile(), true);
  assert.is(await store.load(), 'saved');
  assert.is(await readSnapshotFile(snapshot, (r) => r.take(1).toString()).then((x) =>
    x.found ? x.value : x.reason), 'x');
});

test('keys: a key file that is a pipe is refused at once; a key pair is not written where '
  + 'the system refuses, nor into the working folder for an empty path', async () => {
    const dir = join(root, 'keys');
    const at = await places(dir);
    const before = await listing(dir);
    for (const place of ['fifo', 'socket', 'folder', 'loop', ...isRoot ? ['device'] : []]) {
      const [file, code] = at[place] ?? ['', ''];
      const e = await outcome(() => verifyLog(join(dir, 'plain'), { publicKey: { file } }));
      assert.ok(e instanceof SigningKeyError, `${place}: ${String(e)}`);
      assert.is(e.message, `signing key: cannot read ${file}: ${fileAccessMeaning(code)}`, place);
    }
    for (const place of ['underAFile', 'missingFolder', 'loop', 'fifo', 'socket',
      ...isRoot ? ['device'] : []]) {
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

// A read lease (what an NFS server's delegation or an SMB oplock is, on Linux): an open for
// writing is refused EAGAIN without waiting; the store tries the open again, without
// blocking, for up to 120 s, and is let in once the holder lets the lease go.
const leaseHolder = `import fcntl, os, signal, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
def release(signum, frame):
    sys.stdout.write("asked\\n"); sys.stdout.flush()
    time.sleep(0.2)
    fcntl.fcntl(fd, 1024, fcntl.F_UNLCK)
signal.signal(signal.SIGIO, release)
fcntl.fcntl(fd, 1024, fcntl.F_RDLCK)
sys.stdout.write("leased\\n"); sys.stdout.flush()
time.sleep(20)
`;
const hasPython = spawnSync('python3', ['--version']).status === 0;
// Python's fcntl is how a test takes a lease (Node has no call for it): without it, skipped.
(hasPython ? test : test.skip)('a log whose lease another process holds is opened once the '
  + 'lease is let go, not refused', async () => {
  const dir = join(root, 'lease');
  await mkdir(dir);
  const file = join(dir, 'log.ndjson');
  const first = await openFileEventStore({ file, schema: noteSchema });
  await first.appendToStream('loan-1', [note(idOf(1))]);
  await first.close();
  await writeFile(join(dir, 'lease.py'), leaseHolder);
  const holder = spawn('python3', [join(dir, 'lease.py'), file], { stdio: ['ignore', 'pipe',
    'inherit'] });
  let said = '';
  holder.stdout.on('data', (d: Buffer) => { said += d.toString(); });
  try {
    // Whole lines only: a line may come in more than one piece.
    for (let i = 0; i < 500 && !said.includes('leased\n'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.is(said, 'leased\n');
    const started = Date.now();
    const store = await openFileEventStore({ file, schema: noteSchema });
    // Opened only after the holder was asked to let go, and had (0.2 s after asking).
    const took = Date.now() - started;
    for (let i = 0; i < 500 && !said.includes('asked\n'); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.is(said, 'leased\nasked\n');
    assert.ok(took >= 150, `opened after ${took} ms`);
    await store.appendToStream('loan-1', [note(idOf(2))]);
    await store.close();
  } finally {
    holder.kill();
  }
});

test.run();
