// `usha report day-cash`: a branch's day-end cash from the log alone, as the Ledger prints it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shortDayReport } from '@usha/ledger/testing';
import { cashDay } from './dayCashDay.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-day-cash-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file, ledgerText, beforeCount } = await cashDay(dir);

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const day = (on: string) => ['report', 'day-cash', file, '--branch', 'SONAGACHI', '--on', on];
const tds = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)]
  .map((m) => m[1] ?? '');
const fields = (html: string) => [...html.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1] ?? '');
const header = 'branch,on,till,opening,from_vault,received,paid,to_vault,book,counted,'
  + 'difference,closing\r\n';

test('the text is the Ledger\'s day-end report: 54,300.00 book, 54,250.00 counted, 50 short',
  async () => {
    const r = await usha(...day('2024-04-02'));
    assert.equal(r, { code: 0, out: shortDayReport('2024-04-02'), err: '' });
    assert.is(r.out, ledgerText);
  });

test('the CSV: one row per till and a total row, plain decimals, the difference signed',
  async () => {
    const r = await usha(...day('2024-04-02'), '--format', 'csv');
    assert.equal(r, { code: 0, err: '', out: header
      + 'SONAGACHI,2024-04-02,T1,0.00,50000.00,5500.00,1200.00,54250.00,54300.00,54250.00,'
      + '-50.00,0.00\r\n'
      + 'SONAGACHI,2024-04-02,total,0.00,50000.00,5500.00,1200.00,54250.00,54300.00,54250.00,'
      + '-50.00,0.00\r' });
    const json = await usha(...day('2024-04-02'), '--format', 'json');
    assert.equal((JSON.parse(json.out) as Record<string, string>[])[0], {
      branch: 'SONAGACHI', on: '2024-04-02', till: 'T1', opening: '0.00',
      from_vault: '50000.00', received: '5500.00', paid: '1200.00', to_vault: '54250.00',
      book: '54300.00', counted: '54250.00', difference: '-50.00', closing: '0.00' });
  });

test('--known-at before the count: the till not counted, its book still in it, the day open',
  async () => {
    const r = await usha(...day('2024-04-02'), '--known-at', beforeCount, '--format', 'csv');
    assert.is(r.out, header
      + 'SONAGACHI,2024-04-02,T1,0.00,50000.00,5500.00,1200.00,0.00,,,,54300.00\r\n'
      + 'SONAGACHI,2024-04-02,total,0.00,50000.00,5500.00,1200.00,0.00,,,,54300.00\r');
    const text = await usha(...day('2024-04-02'), '--known-at', beforeCount);
    assert.is(text.out.split('\n')[0], 'Day-end cash, branch SONAGACHI, 2024-04-02 (day open)');
    // 2,00,000 less the 50,000 float: the vault before the till's cash came back.
    assert.match(text.out, /\nclosing +1,50,000\.00$/);
  });

test('the next day, nothing moved: the vault holds 2,04,250.00, the empty till prints',
  async () => {
    const r = await usha(...day('2024-04-03'), '--format', 'csv');
    assert.is(r.out.split('\r\n')[1],
      'SONAGACHI,2024-04-03,T1,0.00,0.00,0.00,0.00,0.00,,,,0.00');
    const text = await usha(...day('2024-04-03'));
    assert.match(text.out, /\nopening +2,04,250\.00\n/);
  });

test('the English page holds the text report\'s figures, till by till and for the vault',
  async () => {
    const r = await usha(...day('2024-04-02'), '--format', 'html');
    assert.is(r.code, 0, r.err);
    assert.ok(r.out.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(r.out.includes('@page { size: A4 landscape;'));
    assert.equal(tds(r.out), ['T1', '0.00', '50,000.00', '5,500.00', '1,200.00', '54,250.00',
      '54,300.00', '54,250.00', 'short 50.00', '0.00']);
    assert.equal(fields(r.out), ['SONAGACHI', '02/04/2024', 'closed', '2,00,000.00', '0.00',
      '50,000.00', '54,250.00', '0.00', '0.00', '2,04,250.00']);
    assert.ok(r.out.endsWith('</html>'));
  });

test('the Bengali page on A5 says the shortage in Bengali, in Bengali digits', async () => {
  const r = await usha(...day('2024-04-02'), '--format', 'html', '--lang', 'bn',
    '--paper', 'A5');
  assert.is(r.code, 0, r.err);
  assert.ok(r.out.includes('@page { size: A5 landscape;'));
  assert.ok(tds(r.out).includes('৫০.০০ কম'));
  assert.equal(fields(r.out).slice(0, 3), ['SONAGACHI', '০২/০৪/২০২৪', 'বন্ধ']);
  assert.is(fields(r.out).at(-1), '২,০৪,২৫০.০০');
});

test('a branch with no cash in the log, or a day before its first, is refused (exit 1)',
  async () => {
    assert.equal(await usha('report', 'day-cash', file, '--branch', 'KALIGHAT', '--on',
      '2024-04-02'), { code: 1, out: '', err: 'usha: day-cash: --branch KALIGHAT: no cash '
      + 'entry of that branch in the log; branches with one: SONAGACHI' });
    assert.equal(await usha(...day('2024-03-31')), { code: 1, out: '',
      err: 'usha: day-cash: branch SONAGACHI held and moved no cash on 2024-03-31; its first '
        + 'cash entry is on 2024-04-01' });
  });

test('a wrong command line is refused before the log is opened (exit 2)', async () => {
  const refused = async (argv: string[], err: string) =>
    assert.equal(await usha('report', 'day-cash', ...argv), { code: 2, out: '',
      err: `usha: ${err}\nRun 'usha help' for the commands.` });
  await refused([file, '--branch', 'SONAGACHI'],
    'day-cash needs --branch and --on (the business day)');
  await refused([file, '--on', '2024-04-02'],
    'day-cash needs --branch and --on (the business day)');
  await refused([file, '--branch', 'SONAGACHI', '--on', '2024-04-31'],
    '--on: 2024-04-31: that day does not exist');
  await refused([file, '--branch', 'SONAGACHI', '--on', '2024-04-02', '--as-of', '2024-04-02'],
    'day-cash takes no --as-of');
  await refused([file, '--branch', 'SONAGACHI', '--on', '2024-04-02', '--lang', 'bn'],
    '--lang goes with --format html');
  await refused(['/nonexistent/usha.ndjson', '--branch', 'SONAGACHI', '--on', '2024-04-02',
    '--format', 'xml'], '--format: not a valid value: "xml": expected text, csv, json or html');
});

test.run();
