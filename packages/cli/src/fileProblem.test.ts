import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FileAccessError, notAFile } from '@usha/ledger';
import { fileProblem, logFileProblem } from './fileProblem.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-file-problem-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const thrown = async (f: () => Promise<unknown>): Promise<unknown> => {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
};

test('the library\'s FileAccessError is told as the system\'s error is, in words', () => {
  assert.is(fileProblem(new FileAccessError('usha.ndjson', 'ENOENT')),
    'usha.ndjson: no such file');
  assert.is(fileProblem(new FileAccessError('usha.fifo', notAFile)),
    'usha.fifo: not a regular file');
  assert.is(fileProblem(new FileAccessError('loop', 'ELOOP')),
    'loop: too many symbolic links on its path (a loop?)');
  assert.is(fileProblem(new FileAccessError('x.ndjson.export-1', 'ENAMETOOLONG'),
    (p) => p.replace(/\.export-\d+$/, '')),
  'x.ndjson: its name, or a name usha makes from it, is too long');
  // A code neither the command nor the library knows is still named, never left bare.
  assert.is(fileProblem(new FileAccessError('usha.ndjson', 'EXDEV')),
    'usha.ndjson: the system refused it (EXDEV)');
});

test('a system error of a symbolic link loop and of a long name, in words', async () => {
  const loop = join(dir, 'loop');
  await symlink('loop', loop);
  assert.is(fileProblem(await thrown(() => readFile(loop))),
    `${loop}: too many symbolic links on its path (a loop?)`);
  const long = join(dir, 'n'.repeat(300));
  assert.is(fileProblem(await thrown(() => readFile(long))),
    `${long}: its name, or a name usha makes from it, is too long`);
  assert.is(await logFileProblem(loop), `${loop}: too many symbolic links on its path (a loop?)`);
  assert.is(fileProblem(new Error('no path')), undefined);
});

test.run();
