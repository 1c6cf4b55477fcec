// The `usha` command as a program whose output fails: a reader that closes early, a device
// that is full. No stack trace, ever; exit 1; a closed reader quietly, anything else in a line.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { longPassbookLog } from './longPassbook.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-output-'));
test.after(() => rm(dir, { recursive: true, force: true }));
// A passbook of 2,000 deposits: 112 KB as text, 361 KB as JSON, more than the socket a child's
// standard output is (208 KiB here), so a reader's close meets a write still under way.
const long = await longPassbookLog(dir, 2000);
const { file } = await auditTrail(dir);
const bin = new URL('../bin/usha.mjs', import.meta.url).pathname;
const catalogue = join(dir, 'products.json');
await writeFile(catalogue, JSON.stringify(products));
// The report printed a line at a time, through writeLines (the others print one string).
const accrued = ['report', 'accrued-interest', file, '--products', catalogue, '--format', 'json'];

type Run = { code: number | null; stderr: string; stdoutBytes: number };

// Runs the command; `reader` decides what becomes of its standard output.
const usha = (argv: readonly string[], reader: 'first-chunk' | 'gone' | number) =>
  new Promise<Run>((resolve, reject) => {
    const stdout = typeof reader === 'number' ? reader : 'pipe';
    const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    let stdoutBytes = 0;
    child.stderr?.on('data', (b: Buffer) => { stderr += b.toString(); });
    if (reader === 'gone') child.stdout?.destroy();
    // Read one chunk, then close the pipe, as `| head -1` does.
    child.stdout?.once('data', (b: Buffer) => {
      stdoutBytes = b.length;
      child.stdout?.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdoutBytes }));
  });

const noStackTrace = (r: Run) => {
  assert.not.match(r.stderr, /^\s+at /m, r.stderr);
  assert.not.match(r.stderr, /Unhandled|EPIPE/, r.stderr);
};

test('a reader that closes after one chunk of a long report: exit 1, nothing said',
  async () => {
    const r = await usha(['report', 'passbook', long, '--member', 'M-1', '--format', 'json'],
      'first-chunk');
    noStackTrace(r);
    assert.ok(r.stdoutBytes > 0 && r.stdoutBytes <= 65536, `${r.stdoutBytes}`);
    assert.equal({ code: r.code, stderr: r.stderr }, { code: 1, stderr: '' });
  });

test('a reader gone before the first line: verify, a report and help end quietly with 1',
  async () => {
    for (const argv of [['verify', file], ['report', 'trial-balance', file],
      ['report', 'passbook', long, '--member', 'M-1', '--format', 'csv'], accrued, ['help']]) {
      const r = await usha(argv, 'gone');
      noStackTrace(r);
      assert.equal({ code: r.code, stderr: r.stderr }, { code: 1, stderr: '' }, argv[0]);
    }
  });

test('an output device that is full: one line naming the error, exit 1', async () => {
  if (!existsSync('/dev/full')) return; // Linux's always-full device; elsewhere nothing to do
  const full = openSync('/dev/full', 'w');
  try {
    for (const argv of [['report', 'passbook', long, '--member', 'M-1'], ['verify', file],
      accrued]) {
      const r = await usha(argv, full);
      noStackTrace(r);
      assert.equal({ code: r.code, stderr: r.stderr },
        { code: 1, stderr: 'usha: cannot write the output: no space left on the disk\n' }, argv[0]);
    }
  } finally {
    closeSync(full);
  }
});

test('a reader that reads it all: exit 0, every byte', async () => {
  const r = await new Promise<{ code: number | null; bytes: number }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'report', 'passbook', long, '--member', 'M-1']);
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => { bytes += b.length; });
    child.on('close', (code) => resolve({ code, bytes }));
  });
  assert.equal(r, { code: 0, bytes: 112_174 });
});

test.run();
