// `usha report passbook --format html`: the printed page from the log alone, by member id.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-print-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(dir);

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];

test('the Bengali page shows the text passbook\'s figures in Bengali digits, on A5',
  async () => {
    const text = await usha('report', 'passbook', file, '--member', 'M-1');
    const html = await usha('report', 'passbook', file, '--member', 'M-1', '--format', 'html',
      '--lang', 'bn', '--paper', 'A5');
    assert.is(html.code, 0, html.err);
    assert.ok(html.out.startsWith('<!DOCTYPE html>\n<html lang="bn">'));
    assert.ok(html.out.includes('@page { size: A5 portrait;'));
    assert.ok(html.out.includes('<td>বাতিল (১০/০৫/২০২৫): নগদ জমা</td>'));
    const digits = '০১২৩৪৫৬৭৮৯';
    const latin = cells(html.out).join(' ')
      .replace(/[০-৯]/g, (d) => String(digits.indexOf(d)));
    assert.equal(amounts(latin).map((a) => a.replace(/,/g, '')),
      amounts(text.out).map((a) => a.replace(/,/g, '')));
    assert.equal(amounts(latin).slice(-4), ['70.00', '1,370.00', '1,000.00', '1,000.00']);
    assert.is(html.out.match(/<section class="sheet">/g)?.length, 3);
  });

test('one account\'s page in English, as of a date, names her by id only', async () => {
  const html = await usha('report', 'passbook', file, '--member', 'M-1', '--account', 'SB-1',
    '--as-of', '2025-06-01', '--format', 'html');
  assert.is(html.code, 0, html.err);
  assert.is(html.out.match(/<section class="sheet">/g)?.length, 1);
  assert.ok(html.out.includes('<dt>Member</dt><dd>M-1</dd>'));
  assert.ok(html.out.includes('<dt>As of</dt><dd>01/06/2025</dd>'));
  assert.not.match(html.out, /<dt>Name<\/dt>/);
  assert.ok(html.out.endsWith('</html>'));
});

test('html, its language and its paper are refused where they mean nothing', async () => {
  const refused = async (argv: string[], err: string) =>
    assert.equal(await usha(...argv), { code: 2, out: '',
      err: `${err}\nRun 'usha help' for the commands.` });
  await refused(['report', 'par', file, '--format', 'html'],
    'usha: --format html is for passbook, collection-sheet, day-cash only');
  await refused(['report', 'passbook', file, '--member', 'M-1', '--lang', 'bn'],
    'usha: --lang goes with --format html');
  await refused(['report', 'passbook', file, '--member', 'M-1', '--format', 'html',
    '--lang', 'hi'], 'usha: --lang: not a valid value: "hi": expected bn or en');
  await refused(['report', 'passbook', file, '--member', 'M-1', '--format', 'html',
    '--paper', 'Letter'], 'usha: --paper: not a valid value: "Letter": expected A4 or A5');
  await refused(['report', 'trial-balance', file, '--paper', 'A4'],
    'usha: trial-balance takes no --paper');
});

test.run();
