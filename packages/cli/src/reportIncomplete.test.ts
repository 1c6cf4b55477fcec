// A report printed a line at a time whose lines stop coming part-way: what was printed stays
// (it cannot be taken back from a pipe), and the error says last that it is incomplete.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';
import { writeLines } from './writeLines.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-incomplete-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(dir);
const catalogue = join(dir, 'products.json');
await writeFile(catalogue, JSON.stringify(products));

// The report's own lines, failing after the `n`th as a line maker that meets bad data would.
function* failingAfter(lines: Iterable<string>, n: number): Generator<string> {
  let given = 0;
  for (const line of lines) {
    if (given === n) throw new Error('interest for LN-1 could not be made');
    given += 1;
    yield line;
  }
}

// `usha report accrued-interest`, printed in blocks of one line, its lines failing after `n`.
const accruedFailingAfter = async (n: number) => {
  let written = '';
  const err: string[] = [];
  const sink = { write: (c: string) => { written += c; return true; },
    once: () => undefined, off: () => undefined };
  const code = await runCli(['report', 'accrued-interest', file, '--as-of', '2025-06-10',
    '--products', catalogue], { out: () => undefined, err: (l) => err.push(l),
    outLines: (lines) => writeLines(sink, failingAfter(lines, n), 1) });
  return { code, written, err: err.join('\n') };
};

test('lines that stop after 3 were printed: exit 1, the error says the report is incomplete',
  async () => {
    const whole = await accruedFailingAfter(Infinity);
    assert.equal([whole.code, whole.err], [0, '']);
    assert.is(whole.written.split('\n').length, 16); // 15 lines, then the last feed
    const r = await accruedFailingAfter(3);
    assert.is(r.code, 1);
    assert.is(r.written, `${whole.written.split('\n').slice(0, 3).join('\n')}\n`);
    assert.is(r.err, 'usha: the report above is incomplete: interest for LN-1 could not be made');
  });

test('lines that stop before any was printed: the error alone, nothing on the output',
  async () => {
    const r = await accruedFailingAfter(0);
    assert.equal(r, { code: 1, written: '',
      err: 'usha: interest for LN-1 could not be made' });
  });

test.run();
