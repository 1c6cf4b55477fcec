// openMemberDirectory reads its options once and refuses, typed and before any file is touched,
// what it cannot use. Before: a string master key of 32 characters opened a directory (an
// ASCII key), two key sources took the first silently, `file: ''` wrote a `.next` file in the
// working folder, and undefined options or a proxy threw a raw TypeError.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryOptionsError, MissingMasterKeyError } from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';

const key = Buffer.alloc(32, 7);
const outcome = (options: unknown) =>
  Reflect.apply(openMemberDirectory, undefined, [options]).then(() => 'opened',
    (e: unknown) => e instanceof DirectoryOptionsError ? [e.field, e.reason]
      : e instanceof MissingMasterKeyError ? e.message : e);

test('options it cannot use are refused with DirectoryOptionsError naming the field, and no '
  + 'file is written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-dir-'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const file = join(dir, 'members.dir');
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
    const cases: Array<[unknown, unknown]> = [
      [undefined, ['', 'not an object of options']],
      [trap, ['file', 'could not be read (Error)']],
      [{ masterKey: key }, ['file', 'not a path (a non-empty string without NUL bytes)']],
      [{ file: '', masterKey: key }, ['file', 'not a path (a non-empty string without NUL bytes)']],
      [{ file: `${dir}/`, masterKey: key }, ['file', 'a folder, not a file']],
      [{ file }, ['', 'no key source: give one of masterKey, keyFile, keyEnv, keyProvider']],
      [{ file, masterKey: key, keyEnv: 'USHA_KEY' },
        ['masterKey, keyEnv', 'more than one key source: give one']],
      [{ file, masterKey: 'k'.repeat(32) },
        ['masterKey', 'not bytes (a Buffer or Uint8Array of 32 bytes)']],
      [{ file, keyEnv: 'not a name' }, ['keyEnv', 'not the name of an environment variable']],
      [{ file, keyFile: 5 }, ['keyFile', 'not a path (a non-empty string without NUL bytes)']],
      [{ file, keyProvider: 'k' }, ['keyProvider', 'not a function']],
      [{ file, keyProvider: async () => 'k'.repeat(32) }, 'no master key from the key provider: '
        + 'it gave string, not bytes (a Buffer or Uint8Array of 32 bytes)'],
    ];
    for (const [options, expected] of cases) {
      assert.equal(await outcome(options), expected);
    }
    assert.equal(await readdir(dir), [], 'nothing written');
  } finally {
    process.chdir(cwd);
    await rm(dir, { recursive: true, force: true });
  }
});

test('the options are read once: a getter changing the file after the first read changes '
  + 'nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-dir-'));
  try {
    let reads = 0;
    const options = {
      get file() { reads += 1; return join(dir, reads === 1 ? 'a.dir' : 'b.dir'); },
      masterKey: key,
    };
    const directory = await openMemberDirectory(options);
    await directory.put('M1', { name: 'A' });
    assert.is(reads, 1);
    assert.equal((await readdir(dir)).sort(), ['a.dir']);
    await directory.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a key provider is called on the options given, as a method of them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-dir-'));
  try {
    const options = {
      file: join(dir, 'members.dir'), secret: key,
      keyProvider(this: { secret: Buffer }) { return Promise.resolve(this.secret); },
    };
    const directory = await openMemberDirectory(options);
    await directory.put('M1', { name: 'A' });
    assert.equal(await readdir(dir), ['members.dir']);
    await directory.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
