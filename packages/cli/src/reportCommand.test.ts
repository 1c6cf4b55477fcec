import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { reportKinds } from './cliCommand.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-report-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const trail = await auditTrail(dir);
const { file } = trail;

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

// Each line's position: the byte offset at which it starts, as `usha verify` prints it.
const positions = async () => {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  let at = 0;
  return lines.map((l) => {
    const p = `C:${at}/P:${at}`;
    at += Buffer.byteLength(l) + 1;
    return p;
  });
};

test('--known-at at no event is refused, naming the events either side of it', async () => {
  const at = await positions();
  const [commit] = /\d+/.exec(trail.auditPosition) ?? ['0'];
  const between = `C:${Number(commit) + 1}/P:${Number(commit) + 1}`;
  assert.equal(await usha('report', 'trial-balance', file, '--known-at', between), {
    code: 1, out: '', err: `usha: --known-at ${between} is no event's position in ${file}; `
      + `the nearest events are at ${at[10]} before it and ${at[11]} after it` });
  const beyond = 'C:999999/P:999999';
  assert.equal((await usha('report', 'par', file, '--known-at', beyond)).err,
    `usha: --known-at ${beyond} is no event's position in ${file}; the nearest events are at `
      + `${at[12]} before it`);
  assert.is((await usha('report', 'trial-balance', file, '--known-at', at[0] ?? '')).code, 0);
});

test('--as-of before the first event is refused, naming its date', async () => {
  assert.equal(await usha('report', 'balance-sheet', file, '--as-of', '2024-03-31'), {
    code: 1, out: '',
    err: 'usha: --as-of 2024-03-31 is before the log\'s first event, effective 2025-04-02' });
  assert.is((await usha('report', 'balance-sheet', file, '--as-of', '2025-04-02')).code, 0);
});

test('a passbook of no member, or of an account she does not hold, says so', async () => {
  assert.equal(await usha('report', 'passbook', file, '--member', 'M-9'),
    { code: 1, out: '', err: 'usha: passbook: member M-9 has no account in the log' });
  assert.equal(await usha('report', 'passbook', file, '--member', 'M-1', '--account', 'SB-9'),
    { code: 1, out: '',
      err: 'usha: passbook: member M-1 has no account SB-9; hers: SH-1, SB-1, LN-1' });
});

test('report: a missing file, a directory, an empty file, in one line each', async () => {
  const missing = join(dir, 'gone.ndjson');
  assert.equal(await usha('report', 'par', missing),
    { code: 1, out: '', err: `usha: ${missing}: no such file` });
  assert.equal(await usha('report', 'par', dir),
    { code: 1, out: '', err: `usha: ${dir}: is a directory, not a log file` });
  const empty = join(dir, 'empty.ndjson');
  await writeFile(empty, '');
  assert.equal(await usha('report', 'trial-balance', empty),
    { code: 1, out: '', err: `usha: ${empty} holds no event: no report to make` });
});

test('--format json: the CSV\'s records keyed by its header, amounts as decimal strings',
  async () => {
    const tb = await usha('report', 'trial-balance', file, '--format', 'json');
    assert.is(tb.code, 0);
    assert.equal(JSON.parse(tb.out), [
      { code: '1100', account: 'Cash in hand', debit: '420.00', credit: '0.00' },
      { code: '1200', account: 'Loans to members', debit: '1000.00', credit: '0.00' },
      { code: '2100', account: 'Members\' savings deposits', debit: '0.00', credit: '1370.00' },
      { code: '3100', account: 'Share capital', debit: '0.00', credit: '50.00' },
      { code: '', account: 'Total', debit: '1420.00', credit: '1420.00' },
    ]);
  });

test('--format json for every report: JSON, never a number in it', async () => {
  const catalogue = join(dir, 'products.json');
  await writeFile(catalogue, JSON.stringify(products));
  const more: Record<string, string[]> = {
    'income-statement': ['--year', '2025-26'], 'share-register': ['--year', '2025-26'],
    appropriation: ['--year', '2025-26'], 'receipts-payments': ['--year', '2025-26'],
    dcb: ['--year', '2025-26'], passbook: ['--member', 'M-1'],
    'accrued-interest': ['--products', catalogue],
    'collection-sheet': ['--branch', 'SONAGACHI', '--as-of', '2025-06-10'],
    dues: ['--from', '2025-04-01', '--to', '2025-06-30'],
  };
  for (const kind of reportKinds) {
    // This log has no branch cash, which day-cash refuses: dayCashReport.test.ts reads its JSON.
    if (kind === 'day-cash') continue;
    const r = await usha('report', kind, file, '--format', 'json', ...(more[kind] ?? []));
    assert.is(r.code, 0, `${kind}: ${r.err}`);
    const values = (JSON.parse(r.out) as Record<string, unknown>[]).flatMap(Object.values);
    assert.ok(values.every((v) => typeof v === 'string'), kind);
  }
  const open = await usha('report', 'appropriation', file, '--year', '2025-26', '--format',
    'json');
  assert.equal(JSON.parse(open.out), []);
});

test('--branch: that branch\'s books, titled by it; all of this log is SONAGACHI\'s', async () => {
  const all = await usha('report', 'trial-balance', file);
  const one = await usha('report', 'trial-balance', file, '--branch', 'SONAGACHI');
  assert.is(one.code, 0);
  assert.is(one.out,
    all.out.replace('Trial balance as of', 'Trial balance of branch SONAGACHI as of'));
  // Nothing society-level in this log: the head office's books are empty.
  const ho = await usha('report', 'balance-sheet', file, '--branch', 'HO', '--format', 'csv');
  assert.equal(ho, { code: 0, err: '', out: 'section,code,account,amount\r\n'
    + 'total,,Total assets,0.00\r\ntotal,,Total liabilities,0.00\r\ntotal,,Total equity,0.00\r\n'
    + 'total,,Total liabilities and equity,0.00\r' });
  assert.is((await usha('report', 'income-statement', file, '--year', '2025-26', '--branch',
    'SONAGACHI')).out.split('\n')[0],
  'Income statement of branch SONAGACHI, financial year 2025-26');
});

test('--branch of a branch the log never names is refused, naming its branches', async () => {
  assert.equal(await usha('report', 'trial-balance', file, '--branch', 'KALIGHAT'), {
    code: 1, out: '',
    err: 'usha: --branch KALIGHAT: no entry of that branch in the log; its branches: HO, SONAGACHI',
  });
  assert.equal((await usha('report', 'par', file, '--branch', 'SONAGACHI')).err,
    'usha: par takes no --branch\nRun \'usha help\' for the commands.');
});

test('accrued-interest with a catalogue lacking a product of the log\'s accounts is refused, '
  + 'naming it: no figure printed as if whole', async () => {
  const partial = join(dir, 'partial-products.json');
  const { SB: _savings, ...others } = products;
  await writeFile(partial, JSON.stringify(others));
  const r = await usha('report', 'accrued-interest', file, '--products', partial);
  assert.equal(r, { code: 1, out: '', err: `usha: --products: ${partial} lacks the products of `
    + 'open deposit accounts in the log (SB): their interest cannot be reckoned; give a '
    + 'catalogue with every product' });
  const none = join(dir, 'no-products.json');
  await writeFile(none, '{}');
  const all = await usha('report', 'accrued-interest', file, '--products', none);
  assert.equal(all, { code: 1, out: '', err: `usha: --products: ${none} lacks the products of `
    + 'open deposit accounts in the log (SB): their interest cannot be reckoned; give a '
    + 'catalogue with every product' });
  const whole = await usha('report', 'accrued-interest', file, '--products',
    join(dir, 'products.json'));
  assert.is(whole.code, 0);
});

test('at the edges of the dates a report can name (1900-01-01 to 2199-12-31; the years '
  + '1899-00 to 2199-00) every report prints, exit 0: none stops on a day it cannot name',
async () => {
  const catalogue = join(dir, 'edge-products.json');
  await writeFile(catalogue, JSON.stringify(products));
  const first = '1900-01-01';
  const last = '2199-12-31';
  const runs: string[][] = [
    ...['trial-balance', 'balance-sheet', 'par', 'npa'].map((r) => [r, '--as-of', last]),
    ['accrued-interest', '--as-of', '2199-12-30', '--products', catalogue],
    ['passbook', '--member', 'M-1', '--as-of', last],
    ...['income-statement', 'share-register', 'appropriation', 'receipts-payments', 'dcb']
      .flatMap((r) => ['1899-00', '1900-01', '2198-99', '2199-00'].map((y) => [r, '--year', y])),
    ...['receipts-payments', 'dcb'].map((r) => [r, '--from', first, '--to', last]),
    ['dues', '--branch', 'SONAGACHI', '--from', first, '--to', last],
    ['collection-sheet', '--branch', 'SONAGACHI', '--as-of', last],
  ];
  for (const [report = '', ...flags] of runs) {
    const r = await usha('report', report, file, ...flags);
    assert.equal({ code: r.code, err: r.err }, { code: 0, err: '' }, [report, ...flags].join(' '));
  }
  // The two years the range of dates cuts: the part of each a date can name.
  for (const [year, period] of [['1899-00', '1900-01-01 to 1900-03-31'],
    ['2199-00', '2199-04-01 to 2199-12-31']] as const) {
    const r = await usha('report', 'receipts-payments', file, '--year', year);
    assert.is(r.out.split('\n')[0], `Receipts and payments, ${period}`, year);
  }
  // Interest is reckoned up to the day after the date: the last day of 2199 is refused, typed.
  assert.equal(await usha('report', 'accrued-interest', file, '--as-of', last, '--products',
    catalogue), { code: 1, out: '', err: 'usha: --as-of 2199-12-31: interest is reckoned up to '
    + 'the day after, so 2199-12-30 is the last day accruals can be reckoned through' });
});

test.run();
