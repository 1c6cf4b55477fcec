import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import {
  DirectoryKeyError, DirectoryRecordTooLargeError, KeyBesideDataError, MasterKeySizeError,
  MissingMasterKeyError, WrongMasterKeyError,
} from './directoryErrors.ts';
import { inMemoryMemberDirectory, openMemberDirectory } from './openMemberDirectory.ts';

const rejects = async (p: Promise<unknown>, type: new (...a: never[]) => Error, text: string) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  assert.instance(e, type);
  assert.instance(e, Error);
  assert.ok(e instanceof Error && e.message.includes(text), String(e));
};

test('put, get, put again and forget, read back after reopening', () =>
  withFolders(async ({ data, file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    await d.put('M2', detailsOf(2));
    await d.put('M1', { name: 'Asha Das' });
    await d.forget('M2', '2025-06-30');
    await d.forget('M2', '2025-07-01'); // already forgotten: her first date stays
    await d.forget('M9', '2025-07-01'); // never held: nothing written
    const readsBack = async (x: typeof d) => {
      assert.equal(await x.get('M1'), { status: 'present', details: { name: 'Asha Das' } });
      assert.equal(await x.get('M2'), { status: 'forgotten', forgottenOn: '2025-06-30' });
      assert.equal(await x.get('M9'), { status: 'absent' });
    };
    await readsBack(d);
    await d.close();
    const again = await openMemberDirectory({ file, keyFile });
    await readsBack(again);
    await again.close();
    assert.equal(await readdir(data), ['members.dir']);
  }));

test('the in-memory directory keeps the same rules', async () => {
  const d = inMemoryMemberDirectory();
  await d.put('M1', detailsOf(1));
  await d.forget('M1', '2025-01-10');
  assert.equal(await d.get('M1'), { status: 'forgotten', forgottenOn: '2025-01-10' });
  await rejects(d.rotateMasterKey(), MissingMasterKeyError, 'give the new key');
});

test('a wrong master key is refused, and nothing is written', () =>
  withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    const before = await readFile(file);
    await d.close();
    await rejects(openMemberDirectory({ file, masterKey: randomBytes(32) }),
      WrongMasterKeyError, 'does not open the member directory');
    assert.ok((await readFile(file)).equals(before));
  }));

test('a key of the wrong size is refused, from every source', () =>
  withFolders(async ({ file, keyFile }) => {
    await rejects(openMemberDirectory({ file, masterKey: randomBytes(16) }),
      MasterKeySizeError, 'is 16 bytes; it must be 32');
    process.env.USHA_TEST_KEY = randomBytes(31).toString('base64');
    await rejects(openMemberDirectory({ file, keyEnv: 'USHA_TEST_KEY' }),
      MasterKeySizeError, 'the environment variable USHA_TEST_KEY is 31 bytes');
    await rejects(openMemberDirectory({ file, keyProvider: async () => Buffer.alloc(64) }),
      MasterKeySizeError, 'the key provider is 64 bytes');
    await writeFile(keyFile, 'c2hvcnQ=\n');
    await rejects(openMemberDirectory({ file, keyFile }), DirectoryKeyError, 'is 5 bytes');
  }));

test('a missing key is refused: unset variable, failed provider, lost key file', () =>
  withFolders(async ({ file, keyFile }) => {
    delete process.env.USHA_TEST_KEY;
    await rejects(openMemberDirectory({ file, keyEnv: 'USHA_TEST_KEY' }),
      MissingMasterKeyError, 'USHA_TEST_KEY: it is not set');
    await rejects(openMemberDirectory({ file, keyProvider: () => Promise.reject(
      new Error('vault sealed')) }), MissingMasterKeyError, 'the key provider: vault sealed');
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    await d.close();
    await rejects(openMemberDirectory({ file, keyFile: `${keyFile}.lost` }),
      MissingMasterKeyError, 'the directory was written under a key');
  }));

test('the key from an environment variable or a provider opens the directory', () =>
  withFolders(async ({ file }) => {
    const key = randomBytes(32);
    process.env.USHA_TEST_KEY = key.toString('base64');
    const first = await openMemberDirectory({ file, keyEnv: 'USHA_TEST_KEY' });
    await first.put('M1', detailsOf(1));
    await first.close();
    const d = await openMemberDirectory({ file, keyProvider: async () => key });
    assert.equal(await d.get('M1'), { status: 'present', details: detailsOf(1) });
    await d.close();
    delete process.env.USHA_TEST_KEY;
  }));

test('a key file inside the directory\'s folder is refused, at any depth', () =>
  withFolders(async ({ data, file }) => {
    await rejects(openMemberDirectory({ file, keyFile: join(data, 'members.key') }),
      KeyBesideDataError, 'a copy of the folder would carry the key');
    await mkdir(join(data, 'keys'));
    await rejects(openMemberDirectory({ file, keyFile: join(data, 'keys', 'k') }),
      KeyBesideDataError, 'keep the key in another folder');
    assert.equal(await readdir(data), ['keys']);
  }));

test('a copy of the master key left in the directory\'s folder is refused', () =>
  withFolders(async ({ data, file, keyFile }) => {
    const first = await openMemberDirectory({ file, keyFile });
    await first.put('M1', detailsOf(1));
    await first.close();
    await copyFile(keyFile, join(data, 'members.key'));
    await rejects(openMemberDirectory({ file, keyFile }), KeyBesideDataError,
      `the key file ${join(data, 'members.key')} is inside`);
    await rm(join(data, 'members.key'));
    const d = await openMemberDirectory({ file, keyFile });
    assert.equal(await d.get('M1'), { status: 'present', details: detailsOf(1) });
    await d.close();
  }));

test('details too large for a record are refused, the directory unchanged', () =>
  withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    await rejects(d.put('M1', { name: 'x'.repeat(1800) }), DirectoryRecordTooLargeError,
      'the details of M1 take 1839 bytes; a record holds at most 1779');
    await d.put('M1', { name: 'x'.repeat(1700) });
    assert.equal(await d.get('M1'), { status: 'present', details: { name: 'x'.repeat(1700) } });
    await d.close();
  }));

test.run();
