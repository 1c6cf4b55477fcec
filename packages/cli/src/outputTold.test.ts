// Who tells a failed output: the command, through the io's `err`, for an io nobody watches;
// the watch on the process's streams for the `usha` program; once in either case.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { printLines, type CliIo } from './cliIo.ts';
import { OutputIncompleteError, OutputWriteError } from './outputFailure.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-told-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(dir);
const catalogue = join(dir, 'products.json');
await writeFile(catalogue, JSON.stringify(products));
const accrued = ['report', 'accrued-interest', file, '--as-of', '2025-06-10',
  '--products', catalogue];
const sysError = (code: string) => Object.assign(new Error(`write ${code}`), { code });

test('an io nobody watches hears its output failure from the command, once; a reader that '
  + 'closed early is not told; a watched io is left to its watcher', async () => {
  const run = async (code: string, outputWatched: boolean) => {
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (l) => err.push(l), outputWatched,
      outLines: () => Promise.reject(new OutputWriteError(sysError(code))) };
    return [await runCli(accrued, io), err];
  };
  assert.equal(await run('ENOSPC', false),
    [1, ['usha: cannot write the output: no space left on the disk']]);
  assert.equal(await run('EPIPE', false), [1, []]);
  assert.equal(await run('ENOSPC', true), [1, []]);
});

test('printLines passes on the output\'s own failure as it is; lines that stop coming after '
  + 'some were printed are an incomplete report', async () => {
  const failing = new OutputWriteError(sysError('ENOSPC'));
  let printed = 0;
  const io: CliIo = { err: () => undefined,
    out: () => { if (printed === 1) throw failing; printed += 1; } };
  const e1 = await printLines(io, ['a', 'b', 'c']).catch((e: unknown) => e);
  assert.is(e1, failing);
  function* stopping(): Generator<string> {
    yield 'a';
    throw new Error('no more');
  }
  const e2 = await printLines({ err: () => undefined, out: () => undefined }, stopping())
    .catch((e: unknown) => e);
  assert.ok(e2 instanceof OutputIncompleteError);
  assert.is(e2.linesWritten, 1);
});

test('commands run one after another in one process tell a failed output once', async () => {
  const script = join(dir, 'thrice.mjs');
  const index = new URL('./index.ts', import.meta.url).href;
  await writeFile(script, `const { runOnProcess } = await import(${JSON.stringify(index)});\n`
    + `for (let i = 0; i < 12; i++) await runOnProcess(['help']);\n`
    + `await new Promise((r) => setTimeout(r, 100));\n`);
  const { open } = await import('node:fs/promises');
  const full = await open('/dev/full', 'w');
  try {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script],
        { stdio: ['ignore', full.fd, 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    assert.is(r.stderr, 'usha: cannot write the output: no space left on the disk\n');
    assert.is(r.code, 1);
  } finally {
    await full.close();
  }
});

test.run();
