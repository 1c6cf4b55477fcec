import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { link, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import {
  DirectoryClosedError, DirectoryLockedError, WrongMasterKeyError,
} from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { FileAccessError, hardLinked } from '../../durable/fileAccess.ts';

const child = fileURLToPath(new URL('./directoryLockChild.fixture.ts', import.meta.url));

const refusal = (p: Promise<unknown>): Promise<unknown> => p.then(() => 'opened', (e) => e);

const tryInChild = (file: string, keyFile: string): string =>
  spawnSync(process.execPath, ['--import', 'tsx', child, file, keyFile, 'try'],
    { encoding: 'utf8' }).stdout.trim();

test('a second open in this process is refused before it touches anything; ' +
  'the first writes on, and after its close the directory opens with every record', () =>
  withFolders(async ({ file, keyFile }) => {
    const first = await openMemberDirectory({ file, keyFile });
    await first.put('M1', detailsOf(1));
    const before = await readFile(file);
    const second = await refusal(openMemberDirectory({ file, keyFile }));
    assert.instance(second, DirectoryLockedError);
    assert.ok(second instanceof DirectoryLockedError && second.file === file);
    // Refused before its key is tried: a wrong key gets the same answer, not WrongMasterKey.
    assert.instance(await refusal(openMemberDirectory({ file, masterKey: randomBytes(32) })),
      DirectoryLockedError);
    assert.equal(await readFile(file), before);
    await first.put('M2', detailsOf(2));
    await first.close();
    const again = await openMemberDirectory({ file, keyFile });
    assert.equal(await again.get('M1'), { status: 'present', details: detailsOf(1) });
    assert.equal(await again.get('M2'), { status: 'present', details: detailsOf(2) });
    await again.close();
  }));

test('two openers each adding a member: the second is refused, no record is lost', () =>
  withFolders(async ({ file, keyFile }) => {
    const a = await openMemberDirectory({ file, keyFile });
    const b = await refusal(openMemberDirectory({ file, keyFile }));
    assert.instance(b, DirectoryLockedError);
    for (let i = 1; i <= 5; i += 1) await a.put(`M${i}`, detailsOf(i));
    await a.close();
    const c = await openMemberDirectory({ file, keyFile });
    for (let i = 1; i <= 5; i += 1) {
      assert.equal(await c.get(`M${i}`), { status: 'present', details: detailsOf(i) });
    }
    await c.close();
  }));

test('another process is refused while the directory is open here, and opens it once closed',
  () => withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    assert.is(tryInChild(file, keyFile), 'DirectoryLockedError');
    await d.close();
    assert.is(tryInChild(file, keyFile), 'opened');
  }));

test('the lock of a process killed by SIGKILL is freed with it: the directory opens here, ' +
  'its record whole', () => withFolders(async ({ file, keyFile }) => {
  await (await openMemberDirectory({ file, keyFile })).close(); // the key file made here
  const holder = spawn(process.execPath, ['--import', 'tsx', child, file, keyFile, 'hold'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const said = await new Promise<string>((resolve) => {
    let out = '';
    holder.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    holder.on('exit', () => resolve(out.trim()));
  });
  assert.is(said, 'held');
  assert.instance(await refusal(openMemberDirectory({ file, keyFile })), DirectoryLockedError);
  const exited = new Promise((resolve) => holder.on('exit', resolve));
  holder.kill('SIGKILL');
  await exited;
  const d = await openMemberDirectory({ file, keyFile });
  assert.equal(await d.get('M-CHILD'), { status: 'present', details: { name: 'Child Writer' } });
  await d.close();
}));

test('the lock outlives a rotation that replaces the file: a second open is still refused',
  () => withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    await d.rotateMasterKey();
    assert.instance(await refusal(openMemberDirectory({ file, keyFile })), DirectoryLockedError);
    assert.is(tryInChild(file, keyFile), 'DirectoryLockedError');
    await d.put('M2', detailsOf(2));
    await d.close();
    const again = await openMemberDirectory({ file, keyFile });
    assert.equal(await again.get('M2'), { status: 'present', details: detailsOf(2) });
    await again.close();
  }));

test('an open refused for its key gives the lock back: the right key opens at once', () =>
  withFolders(async ({ file, keyFile }) => {
    await (await openMemberDirectory({ file, keyFile })).close();
    assert.instance(await refusal(openMemberDirectory({ file, masterKey: randomBytes(32) })),
      WrongMasterKeyError);
    const d = await openMemberDirectory({ file, keyFile });
    await d.close();
  }));

test('close finishes the writes asked for before it; every call after it is refused, ' +
  'typed, naming the method; closing again is the same close', () =>
  withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    const put = d.put('M1', detailsOf(1)); // not awaited before close
    const closed = d.close();
    assert.is(d.close(), closed);
    await Promise.all([put, closed]);
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['put', () => d.put('M2', detailsOf(2))], ['get', () => d.get('M1')],
      ['putNominee', () => d.putNominee('M1', 'C-1', { name: 'N' } as never)],
      ['nominees', () => d.nominees('M1')],
      ['recordTdsExemption', () => d.recordTdsExemption('M1',
        { financialYear: '2025-26', form: '15G' } as never)],
      ['tdsExempt', () => d.tdsExempt('M1', '2025-26')],
      ['forget', () => d.forget('M1', '2025-06-30')],
      ['rotateMasterKey', () => d.rotateMasterKey()],
    ];
    for (const [method, call] of calls) {
      const e = await refusal(call());
      assert.instance(e, DirectoryClosedError, method);
      assert.ok(e instanceof Error && e.message.startsWith(`${method}: `), String(e));
    }
    const again = await openMemberDirectory({ file, keyFile });
    assert.equal(await again.get('M1'), { status: 'present', details: detailsOf(1) });
    assert.equal(await again.get('M2'), { status: 'absent' });
    await again.close();
  }));

test('a directory left open in a folder since removed does not lock the folders made next: '
  + 'the removed folder\'s inode number is kept while it is open', async () => {
  const made = () => mkdtemp(join(tmpdir(), 'usha-directory-reuse-'));
  const first = await made();
  const ino = (await stat(first)).ino;
  await openMemberDirectory({ file: join(first, 'members.dir'), masterKey: randomBytes(32) });
  await rm(first, { recursive: true, force: true }); // its directory never closed
  const folders: string[] = [];
  try {
    // The file system hands a freed inode number on at once (ext4): not this one, held.
    for (let i = 0; i < 5; i += 1) folders.push(await made());
    for (const f of folders) {
      assert.is.not((await stat(f)).ino, ino, 'the removed folder\'s number not given again');
      const d = await openMemberDirectory({ file: join(f, 'members.dir'),
        masterKey: randomBytes(32) });
      await d.close();
    }
  } finally {
    for (const f of folders) await rm(f, { recursive: true, force: true });
  }
});

test('a directory file with another name (a hard link) is refused, by either name: a second '
  + 'opener through it would not meet the lock, and its copy would outlive a rotation', () =>
  withFolders(async ({ data, file, keyFile }) => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'usha-directory-link-'));
    const hardLinkRefused = async (name: string) => {
      const e = await refusal(openMemberDirectory({ file: name, keyFile }));
      assert.ok(e instanceof FileAccessError && e.code === hardLinked && e.path === name,
        String(e));
    };
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    const others = [join(data, 'alias.dir'), join(elsewhere, 'members.dir')];
    for (const other of others) {
      await link(file, other);
      await hardLinkRefused(other); // while it is open through its first name
      await rm(other);
    }
    await d.put('M2', detailsOf(2));
    await d.close();
    for (const other of others) {
      await link(file, other);
      for (const name of [other, file]) await hardLinkRefused(name); // closed: by either name
      await rm(other);
    }
    const again = await openMemberDirectory({ file, keyFile }); // one name again: it opens
    assert.equal(await again.get('M2'), { status: 'present', details: detailsOf(2) });
    await again.close();
    await rm(elsewhere, { recursive: true, force: true });
  }));

test.run();
