import { execFile } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

// Paths a hostile or careless caller gives: a pipe, a symbolic link loop, a dangling link, a
// name too long, an empty name. Each is refused at once, in one line of words naming it.

const dir = await mkdtemp(join(tmpdir(), 'usha-paths-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(await mkdtemp(join(dir, 'trail-')));
const catalogue = join(dir, 'products.json');
await writeFile(catalogue, JSON.stringify(products));

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const fifo = join(dir, 'usha.fifo');
await promisify(execFile)('mkfifo', [fifo]);
// A link to itself: every open of it fails with ELOOP.
const loop = join(dir, 'loop.ndjson');
await symlink('loop.ndjson', loop);
// A link to nothing: `access` says it is not there, yet a rename over it replaces it.
const dangling = join(dir, 'dangling.ndjson');
await symlink(join(dir, 'nowhere.ndjson'), dangling);
// One name longer than any file system's 255 bytes.
const long = join(dir, 'a'.repeat(300));

const waitMs = 5000;

// A pipe's open waits for a writer: a command that opens one hangs. After `waitMs` the test
// fails, and a writer comes and goes so that the hung open ends and the process can exit.
const promptly = async <T>(running: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch { /* no reader waiting: nothing to let go */ }
      reject(new Error(`still running after ${waitMs} ms: waiting on the pipe ${fifo}`));
    }, waitMs);
  });
  try {
    return await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
};

const refused = (err: string) => ({ code: 1, out: '', err: `usha: ${err}` });
const usage = (err: string) =>
  ({ code: 2, out: '', err: `usha: ${err}\nRun 'usha help' for the commands.` });
const loopWords = 'too many symbolic links on its path (a loop?)';
const longWords = 'its name, or a name usha makes from it, is too long';

test('report of a pipe is refused at once, not read: every report, from a file', async () => {
  assert.equal(await promptly(usha('report', 'par', fifo)),
    refused(`${fifo}: not a regular file`));
  assert.equal(await promptly(usha('report', 'npa', fifo)),
    refused(`${fifo}: not a regular file`));
  assert.equal(await promptly(usha('report', 'accrued-interest', fifo, '--products',
    catalogue)), refused(`${fifo}: not a regular file`));
});

test('--products of a pipe, a directory, a loop, a long or missing name: in words, exit 2',
  async () => {
    const given = (at: string) =>
      promptly(usha('report', 'accrued-interest', file, '--products', at));
    const wrong = (line: string) => ({ code: 2, out: '', err: `usha: --products: ${line}` });
    assert.equal(await given(fifo), wrong(`${fifo}: not a regular file`));
    assert.equal(await given(dir), wrong(`${dir}: is a directory, not a file`));
    assert.equal(await given(loop), wrong(`${loop}: ${loopWords}`));
    assert.equal(await given(long), wrong(`${long}: ${longWords}`));
    assert.equal(await given(dangling), wrong(`${dangling}: no such file`));
  });

test('a symbolic link loop, a name too long: said in words, never as ELOOP', async () => {
  assert.equal(await usha('verify', loop), refused(`${loop}: ${loopWords}`));
  assert.equal(await usha('verify', file, '--key', loop), refused(`${loop}: ${loopWords}`));
  assert.equal(await usha('report', 'trial-balance', loop), refused(`${loop}: ${loopWords}`));
  assert.equal(await usha('export', loop, '--to', join(dir, 'x.ndjson')),
    refused(`${loop}: ${loopWords}`));
  const inLoop = join(loop, 'usha.ndjson');
  assert.equal(await usha('report', 'par', inLoop), refused(`${inLoop}: ${loopWords}`));
  assert.equal(await usha('verify', long), refused(`${long}: ${longWords}`));
  assert.equal(await usha('report', 'par', long), refused(`${long}: ${longWords}`));
  assert.equal(await usha('export', file, '--to', long), refused(`${long}: ${longWords}`));
  assert.not.ok((await readdir(dir)).includes('x.ndjson'), 'an export of a refused log');
});

test('an empty name is the command line\'s fault, as an empty --key is: exit 2', async () => {
  const empty = usage('<log.ndjson>: the log file\'s name is empty');
  assert.equal(await usha('verify', ''), empty);
  assert.equal(await usha('report', 'par', ''), empty);
  assert.equal(await usha('report', 'trial-balance', '', '--as-of', '2025-06-01'), empty);
  assert.equal(await usha('export', '', '--to', join(dir, 'y.ndjson')), empty);
  assert.equal(await usha('verify', file, '--key', ''),
    usage('--key: not a valid value: "": expected a non-empty value'));
  assert.equal(await usha('report', 'accrued-interest', file, '--products', ''),
    usage('--products: not a valid value: "": expected a non-empty value'));
  assert.equal(await usha('export', file, '--to', ''), usage('export needs --to <file>'));
  assert.not.ok((await readdir(dir)).includes('y.ndjson'), 'an export of an empty name');
});

test('export --to a symbolic link, dangling or a loop, or a pipe: refused, nothing written',
  async () => {
    const exists = (to: string, what: string) =>
      refused(`${to} exists (${what}); export to a new file`);
    assert.equal(await usha('export', file, '--to', loop), exists(loop, 'a symbolic link'));
    assert.equal(await usha('export', file, '--to', dangling),
      exists(dangling, 'a symbolic link'));
    assert.equal(await promptly(usha('export', file, '--to', fifo)),
      exists(fifo, 'not a regular file'));
    assert.equal(await usha('export', file, '--to', dir), exists(dir, 'a directory'));
    // The links are as they were, and nothing was written where the dangling one points.
    assert.is(await readlink(loop), 'loop.ndjson');
    assert.is(await readlink(dangling), join(dir, 'nowhere.ndjson'));
    assert.ok((await lstat(fifo)).isFIFO(), 'the pipe was replaced');
    const names = await readdir(dir);
    assert.not.ok(names.includes('nowhere.ndjson'), 'written through the dangling link');
    assert.not.ok(names.some((n) => n.includes('.export-')), 'a temporary file left');
    const into = join(loop, 'copy.ndjson');
    assert.equal(await usha('export', file, '--to', into), refused(`${into}: ${loopWords}`));
  });

test.run();
