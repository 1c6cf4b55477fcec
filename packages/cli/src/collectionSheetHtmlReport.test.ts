// `usha report collection-sheet --format html`: the printed sheet from the log alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-print-sheet-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(dir);

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const cells = (html: string) => [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)]
  .map((m) => m[1] ?? '');
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];
const digits = '০১২৩৪৫৬৭৮৯';
const latin = (s: string) => s.replace(/[০-৯]/g, (d) => String(digits.indexOf(d)));
const sheet = ['report', 'collection-sheet', file, '--branch', 'SONAGACHI', '--as-of',
  '2025-06-10'];

// The fixture's LN-1 on 10 June 2025: two instalments unpaid, 663.34 + 16.70, 38 days late.
test('the Bengali page shows the text sheet\'s figures in Bengali digits', async () => {
  const text = await usha(...sheet);
  const html = await usha(...sheet, '--format', 'html', '--lang', 'bn');
  assert.is(html.code, 0, html.err);
  assert.ok(html.out.startsWith('<!DOCTYPE html>\n<html lang="bn">'));
  assert.ok(html.out.includes('@page { size: A4 landscape;'));
  const shown = amounts(latin(cells(html.out).join(' ')));
  assert.equal(shown, amounts(text.out));
  assert.equal(shown, ['663.34', '16.70', '680.04', '680.04', '680.04']);
  assert.ok(cells(html.out).includes('৩৮'), 'days late in Bengali digits');
  assert.ok(html.out.includes('<dt>তারিখ</dt><dd>১০/০৬/২০২৫</dd>'));
  assert.ok(html.out.endsWith('</html>'));
});

test('an English page on A5, of one field officer, names him', async () => {
  const html = await usha(...sheet, '--officer', 'fo-1', '--format', 'html', '--paper', 'A5');
  assert.is(html.code, 0, html.err);
  assert.ok(html.out.includes('@page { size: A5 landscape;'));
  assert.ok(html.out.includes('<dt>Field officer</dt><dd>fo-1</dd>'));
  assert.ok(html.out.includes('<p>No entries yet.</p>'), 'nobody is assigned to him');
});

test('a language or paper not printed, or one without html, is refused', async () => {
  const refused = async (argv: string[], err: string) =>
    assert.equal(await usha(...argv), { code: 2, out: '',
      err: `${err}\nRun 'usha help' for the commands.` });
  await refused([...sheet, '--format', 'html', '--lang', 'hi'],
    'usha: --lang: not a valid value: "hi": expected bn or en');
  await refused([...sheet, '--format', 'html', '--paper', 'Letter'],
    'usha: --paper: not a valid value: "Letter": expected A4 or A5');
  await refused([...sheet, '--lang', 'bn'], 'usha: --lang goes with --format html');
  await refused(['report', 'dues', file, '--from', '2025-05-01', '--to', '2025-06-01',
    '--format', 'html'], 'usha: --format html is for passbook, collection-sheet, day-cash only');
});

test.run();
