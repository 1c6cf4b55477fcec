import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  lstat, mkdir, open, readdir, readFile, readlink, symlink, writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FileAccessError, fileAccessMeaning } from '../../durable/fileAccess.ts';
import { withFolders, type Folders } from './directoryFolders.fixture.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { KeyBesideDataError } from './directoryErrors.ts';

/** A hostile path: `make` puts it in `folder` under `name` and returns the path to give. */
interface Case {
  readonly what: string;
  readonly code: string;
  /** The error names `<path>.next`, the name the directory derives, not the path given. */
  readonly next?: true;
  /** A key file may be this: read through it (below), so refused only as the data file. */
  readonly keyMayBe?: true;
  readonly make: (folder: string, name: string) => Promise<string>;
}

const made = (f: (path: string) => Promise<unknown> | void) =>
  async (folder: string, name: string): Promise<string> => {
    const path = join(folder, name);
    await f(path);
    return path;
  };
const fifo = (path: string) => { execFileSync('mkfifo', [path]); };
// A character device of our own, made in the temporary folder (never the system's /dev/null).
const device = (path: string) => { execFileSync('mknod', [path, 'c', '1', '3']); };

// Only root may make a device: elsewhere those cases are left out, the others run.
const isRoot = process.getuid?.() === 0;
const allCases: readonly Case[] = [
  { what: 'a folder', code: 'EISDIR', make: made((p) => mkdir(p)) },
  { what: 'a file as its folder', code: 'ENOTDIR', make: async (folder, name) => {
    await writeFile(join(folder, 'plain'), 'x');
    return join(folder, 'plain', name);
  } },
  { what: 'a missing folder', code: 'ENOENT',
    make: async (folder, name) => join(folder, 'missing', name) },
  { what: 'a symbolic link loop on its path', code: 'ELOOP', make: async (folder, name) => {
    await symlink('loop', join(folder, 'loop'));
    return join(folder, 'loop', name);
  } },
  { what: 'a symbolic link loop as the file', code: 'ELOOP', make: made((p) => symlink(p, p)) },
  { what: 'a symbolic link to nothing', code: 'ENOTREG',
    make: made((p) => symlink('elsewhere', p)) },
  { what: 'a symbolic link to a file', code: 'ENOTREG', keyMayBe: true,
    make: async (folder, name) => {
    await writeFile(join(folder, 'target'), '');
    await symlink('target', join(folder, name));
    return join(folder, name);
  } },
  { what: 'a name of 300 bytes', code: 'ENAMETOOLONG',
    make: async (folder) => join(folder, 'm'.repeat(300)) },
  { what: 'a name of 251 bytes (its .next is 256)', code: 'ENAMETOOLONG', next: true,
    make: async (folder) => join(folder, 'm'.repeat(251)) },
  { what: 'a name of 254 bytes', code: 'ENAMETOOLONG', next: true,
    make: async (folder) => join(folder, 'm'.repeat(254)) },
  { what: 'a pipe', code: 'ENOTREG', make: made(fifo) },
  { what: 'a character device', code: 'ENOTREG', make: made(device) },
  { what: 'a pipe at its .next', code: 'ENOTREG', next: true,
    make: made((p) => fifo(`${p}.next`)) },
  { what: 'a character device at its .next', code: 'ENOTREG', next: true,
    make: made((p) => device(`${p}.next`)) },
  { what: 'a folder at its .next', code: 'EISDIR', next: true,
    make: made((p) => mkdir(`${p}.next`)) },
];
const cases = allCases.filter((c) => isRoot || !c.what.includes('device'));

const kindOf = async (path: string): Promise<string> => {
  const s = await lstat(path);
  if (s.isSymbolicLink()) return `link to ${await readlink(path)}`;
  if (s.isFIFO()) return 'pipe';
  if (s.isCharacterDevice()) return `device ${s.rdev}`;
  return s.isDirectory() ? 'folder' : `file of ${s.size} bytes`;
};

// Every name under `folder`, at any depth (links not followed), with what it is.
const listing = async (folder: string): Promise<string[]> => {
  const out: string[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const path = join(folder, name);
    const kind = await kindOf(path);
    out.push(`${name}: ${kind}`);
    if (kind === 'folder') out.push(...(await listing(path)).map((n) => `${name}/${n}`));
  }
  return out;
};

const hangMs = 5000;

// Opens every pipe under `folder` for a moment, so an open that waits on one can end.
const releasePipes = async (folder: string): Promise<void> => {
  for (const line of await listing(folder)) {
    const [name = '', kind] = line.split(': ');
    if (kind !== 'pipe') continue;
    await (await open(join(folder, name), constants.O_RDWR | constants.O_NONBLOCK)).close();
  }
};

// What the open threw ('opened' if it did not; 'hung' if it had not ended after hangMs). A
// hung open is released until it ends (it may wait on a pipe again), before its folders go.
const outcomeOf = async (p: Promise<unknown>, f: Folders): Promise<unknown> => {
  let timer: NodeJS.Timeout | undefined;
  const ended = p.then(() => 'opened', (e: unknown) => e);
  const hung = new Promise<'hung'>((r) => { timer = setTimeout(() => r('hung'), hangMs); });
  const r = await Promise.race([ended, hung]);
  clearTimeout(timer);
  if (r !== 'hung') return r;
  let done = false;
  void ended.then(() => { done = true; });
  for (let i = 0; i < 100 && !done; i++) {
    await releasePipes(f.data);
    await releasePipes(f.keys);
    await new Promise((r) => setTimeout(r, 20));
  }
  return r;
};

const summary = (e: unknown) => e instanceof FileAccessError
  ? { name: e.name, code: e.code, path: e.path, message: e.message }
  : String(e);

// Makes the case, opens, and checks the refusal and that neither folder changed.
const expectRefused = async (
  f: Folders, c: Case, given: 'file' | 'keyFile',
  opening: (path: string) => Promise<unknown>,
): Promise<void> => {
  const path = await c.make(given === 'keyFile' ? f.keys : f.data,
    given === 'keyFile' ? 'members.key' : 'members.dir');
  const before = [await listing(f.data), await listing(f.keys)];
  const e = await outcomeOf(opening(path), f);
  const named = c.next ? `${path}.next` : path;
  assert.instance(e, FileAccessError, `${given} ${c.what}: ${String(e)}`);
  assert.equal(summary(e), { name: 'FileAccessError', code: c.code, path: named,
    message: `${named}: ${fileAccessMeaning(c.code)}` }, `${given} ${c.what}`);
  assert.equal([await listing(f.data), await listing(f.keys)], before,
    `${given} ${c.what}: the folders changed`);
};

// One test per hostile path and per way of opening, so each refusal is reported on its own.
for (const c of cases) {
  const named = `${c.code}${c.next ? ' naming its .next' : ''}`;
  test(`file: ${c.what} is refused (${named}), with a master key`, () =>
    withFolders((f) => expectRefused(f, c, 'file',
      (file) => openMemberDirectory({ file, masterKey: randomBytes(32) }))));
  test(`file: ${c.what} is refused (${named}), with a key file`, () =>
    withFolders((f) => expectRefused(f, c, 'file',
      (file) => openMemberDirectory({ file, keyFile: f.keyFile }))));
  if (c.keyMayBe === true) continue;
  test(`keyFile: ${c.what} is refused (${named})`, () =>
    withFolders((f) => expectRefused(f, c, 'keyFile',
      (keyFile) => openMemberDirectory({ file: f.file, keyFile }))));
}

test('a key file reached through a symbolic link is read through it, and not rotated through '
  + 'it: the key it names kept whole, the directory still opening with it', () =>
  withFolders(async ({ file, keys }) => {
    const real = join(keys, 'real.key');
    const first = await openMemberDirectory({ file, keyFile: real });
    await first.put('M1', { name: 'Asha Das' });
    await first.close();
    const keyBytes = await readFile(real);
    const keyFile = join(keys, 'mounted.key');
    await symlink('real.key', keyFile);
    const directory = await openMemberDirectory({ file, keyFile });
    const asha = { status: 'present', details: { name: 'Asha Das' } };
    assert.equal(await directory.get('M1'), asha);
    const e = await directory.rotateMasterKey().then(() => 'rotated', (x: unknown) => x);
    assert.equal(summary(e), { name: 'FileAccessError', code: 'ENOTREG', path: keyFile,
      message: `${keyFile}: ${fileAccessMeaning('ENOTREG')}` });
    assert.equal(await listing(keys), ['mounted.key: link to real.key',
      'real.key: file of 45 bytes']);
    assert.equal(await readFile(real), keyBytes);
    await directory.close();
    const reopened = await openMemberDirectory({ file, keyFile });
    assert.equal(await reopened.get('M1'), asha);
    await reopened.close();
  }));

test('a name of 250 bytes, whose .next is 255, is no fault: the directory opens', () =>
  withFolders(async ({ data, keys }) => {
    const file = join(data, 'm'.repeat(250));
    const keyFile = join(keys, 'k'.repeat(250));
    const directory = await openMemberDirectory({ file, keyFile });
    await directory.rotateMasterKey();
    await directory.close();
    assert.equal(await listing(data), [`${'m'.repeat(250)}: file of 2048 bytes`]);
    assert.equal(await listing(keys), [`${'k'.repeat(250)}: file of 45 bytes`]);
  }));

test('a link where the first format left a temporary copy is removed, never zeroed through: '
  + 'what it names is kept whole', () =>
  withFolders(async ({ data, file, keyFile }) => {
    await writeFile(join(data, 'ledger.ndjson'), 'the log');
    await symlink('ledger.ndjson', `${file}.123.tmp`);
    const directory = await openMemberDirectory({ file, keyFile });
    await directory.put('M1', { name: 'Asha Das' });
    await directory.close();
    assert.is(await readFile(join(data, 'ledger.ndjson'), 'utf8'), 'the log');
    assert.equal(await listing(data), ['ledger.ndjson: file of 7 bytes',
      'members.dir: file of 6144 bytes']);
  }));

test('a key file given as a link to a key inside the data folder is refused as beside the data',
  () => withFolders(async ({ data, keys, file }) => {
    await mkdir(join(data, 'secrets'));
    const inside = join(data, 'secrets', 'members.key');
    await writeFile(inside, `${randomBytes(32).toString('base64')}\n`);
    const keyFile = join(keys, 'members.key');
    await symlink(inside, keyFile);
    const before = [await listing(data), await listing(keys)];
    const e = await openMemberDirectory({ file, keyFile }).then(() => 'opened', (x: unknown) => x);
    assert.instance(e, KeyBesideDataError);
    assert.equal([await listing(data), await listing(keys)], before);
  }));

test.run();
