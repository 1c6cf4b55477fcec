import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEventStoreDbStore } from '@usha/eventstoredb';
import { startEsdbTestServer } from '@usha/eventstoredb/test-server';
import { ledgerEventSchema } from '@usha/ledger';
import { auditTrail, writeHistory, type AuditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-cli-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const trail: AuditTrail = await auditTrail(dir);
const { file } = trail;

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const trialBalanceNow = [
  'Trial balance as of 2025-06-10',
  'Code  Account                       Debit    Credit',
  '----  -------------------------  --------  --------',
  '1100  Cash in hand                 420.00',
  '1200  Loans to members           1,000.00',
  '2100  Members\' savings deposits            1,370.00',
  '3100  Share capital                           50.00',
  '----  -------------------------  --------  --------',
  '      Total                      1,420.00  1,420.00',
].join('\n');

test('verify: counts the events, '
  + 'names the last position and hash of the intact chain', async () => {
  const r = await usha('verify', file);
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  const lastHash = createHash('sha256').update(`{${last.slice(75)}`).digest('hex');
  const lastOffset = Buffer.byteLength(lines.slice(0, -1).join('\n')) + 1;
  assert.is(r.code, 0);
  assert.is(r.out, [
    `${file}: 11 events, hash chain intact.`,
    `Last event at C:${lastOffset}/P:${lastOffset}; last hash ${lastHash}.`,
  ].join('\n'));
});

test('report: the books today, after the correction', async () => {
  const r = await usha('report', 'trial-balance', file);
  assert.is(r.code, 0);
  assert.is(r.out, trialBalanceNow);
});

test('report --known-at: the books as the auditor saw them, '
  + 'whatever was corrected since', async () => {
  const r = await usha('report', 'trial-balance', file, '--known-at', trail.auditPosition);
  assert.is(r.code, 0);
  assert.is(r.out, [
    'Trial balance as of 2025-06-01',
    'Code  Account                       Debit    Credit',
    '----  -------------------------  --------  --------',
    '1100  Cash in hand               1,050.00',
    '1200  Loans to members           1,000.00',
    '2100  Members\' savings deposits            2,000.00',
    '3100  Share capital                           50.00',
    '----  -------------------------  --------  --------',
    '      Total                      2,050.00  2,050.00',
  ].join('\n'));
});

test('report --as-of: events effective by that date; '
  + 'a later correction counts from its date', async () => {
  const r = await usha('report', 'balance-sheet', file, '--as-of', '2025-05-31');
  assert.is(r.code, 0);
  assert.is(r.out, [
    'Balance sheet as of 2025-05-31',
    '                                    Rs',
    '----------------------------  --------',
    'Assets',
    '  Cash in hand                1,250.00',
    '  Loans to members            1,000.00',
    'Total assets                  2,250.00',
    '----------------------------  --------',
    'Liabilities',
    '  Members\' savings deposits   2,200.00',
    'Total liabilities             2,200.00',
    '----------------------------  --------',
    'Equity',
    '  Share capital                  50.00',
    'Total equity                     50.00',
    '----------------------------  --------',
    'Total liabilities and equity  2,250.00',
  ].join('\n'));
});

test('report passbook: one account, line by line; as known at the audit, no reversal', async () => {
  const now = await usha('report', 'passbook', file, '--member', 'M-1', '--account', 'SB-1');
  assert.is(now.code, 0);
  assert.is(now.out, [
    'Passbook of member M-1 as of 2025-06-10',
    '',
    'Savings account SB-1',
    'Date        Particulars                     Withdrawal   Deposit   Balance',
    '----------  ------------------------------  ----------  --------  --------',
    '2025-04-02  By cash                                     1,500.00  1,500.00',
    '2025-05-10  By cash                                       700.00  2,200.00',
    '2025-06-01  To cash                             200.00            2,000.00',
    '2025-06-10  Reversal (2025-05-10): By cash      700.00            1,300.00',
    '2025-06-10  By cash                                        70.00  1,370.00',
  ].join('\n'));
  const then = await usha('report', 'passbook', file, '--member', 'M-1', '--account', 'SB-1',
    '--known-at', trail.auditPosition);
  assert.is(then.out.split('\n').slice(-3).join('\n'), [
    '2025-04-02  By cash                  1,500.00  1,500.00',
    '2025-05-10  By cash                    700.00  2,200.00',
    '2025-06-01  To cash          200.00            2,000.00',
  ].join('\n'));
});

test('report par: the unpaid loan 38 days past due, in the 31-60 bucket', async () => {
  const r = await usha('report', 'par', file, '--as-of', '2025-06-10');
  assert.is(r.code, 0);
  assert.is(r.out, [
    'Portfolio at risk as of 2025-06-10 (outstanding principal by days past due)',
    'Branch        Loans  Outstanding  1-30     31-60  61-90  Over 90  Arrears    PAR30  PAR90',
    '------------  -----  -----------  ----  --------  -----  -------  -------  -------  -----',
    'SONAGACHI         1     1,000.00  0.00  1,000.00   0.00     0.00   680.04  100.00%  0.00%',
    '------------  -----  -----------  ----  --------  -----  -------  -------  -------  -----',
    'All branches      1     1,000.00  0.00  1,000.00   0.00     0.00   680.04  100.00%  0.00%',
  ].join('\n'));
});

test('verify --anchor: finds the line an earlier audit recorded, or says it is gone', async () => {
  const found = await usha('verify', file, '--anchor', trail.auditHash);
  assert.is(found.code, 0);
  assert.is(found.out.split('\n').at(-1), `Anchor ${trail.auditHash} is line 9, at `
    + `${trail.auditPosition}: the history up to it is unchanged.`);
  const other = 'ab'.repeat(32);
  const missing = await usha('verify', file, '--anchor', other);
  assert.is(missing.code, 1);
  assert.is(missing.out.split('\n').at(-1), `Anchor ${other} is on no line: the history it `
    + 'was recorded from has been changed, or it belongs to another log.');
});

test('a changed byte: verify names the line, and no report is printed from the log', async () => {
  const tampered = join(dir, 'tampered.ndjson');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((l) => l.includes('"amount":"1500.00"'));
  assert.is(at, 3); // the first deposit, line 4
  lines[at] = (lines[at] ?? '').replace('"1500.00"', '"1600.00"');
  await writeFile(tampered, lines.join('\n'));
  const v = await usha('verify', tampered);
  assert.is(v.code, 1);
  assert.ok(v.out.startsWith(`${tampered}: BROKEN at line 4 (byte `), v.out);
  assert.ok(v.out.endsWith('): hash does not match content.'), v.out);
  const r = await usha('report', 'trial-balance', tampered);
  assert.is(r.code, 1);
  assert.is(r.out, '');
  assert.ok(r.err.startsWith('usha: the log is damaged at line 4 (byte '), r.err);
});

test('export: a new log that verifies and gives the same figures; '
  + 'an old export is kept', async () => {
  const to = join(dir, 'export.ndjson');
  const r = await usha('export', file, '--to', to);
  assert.is(r.code, 0);
  assert.ok(/^.*: 11 events written; last hash [0-9a-f]{64}\.$/.test(r.out), r.out);
  assert.is((await usha('verify', to)).code, 0);
  assert.is((await usha('report', 'trial-balance', to)).out, trialBalanceNow);
  const again = await usha('export', file, '--to', to);
  assert.is(again.code, 1);
  assert.is(again.err, `usha: ${to} exists; export to a new file`);
});

test('EventStoreDB: the same history read with --esdb '
  + 'gives the same books and export', async () => {
  const server = await startEsdbTestServer();
  try {
    const store = createEventStoreDbStore({ connectionString: server.connectionString,
      schema: ledgerEventSchema });
    await writeHistory(store);
    await store.close();
    const r = await usha('report', 'trial-balance', '--esdb', server.connectionString);
    assert.is(r.code, 0);
    assert.is(r.out, trialBalanceNow);
    const to = join(dir, 'from-esdb.ndjson');
    assert.is((await usha('export', '--esdb', server.connectionString, '--to', to)).code, 0);
    assert.is((await usha('verify', to)).out.split('\n')[0],
      `${to}: 11 events, hash chain intact.`);
  } finally {
    await server.stop();
  }
});

test('a wrong command line: exit 2 and what is wrong, before any log is opened', async () => {
  const cases: [string[], string][] = [
    [['report', 'trial-balance', file, '--as-of', '2025-02-30'],
      'usha: --as-of: 2025-02-30: that day does not exist'],
    [['report', 'trial-balance', file, '--known-at', '42'],
      'usha: --known-at: not a valid value: "42"'],
    [['report', 'income-statement', file],
      'usha: income-statement needs --year, e.g. --year 2025-26'],
    [['report', 'income-statement', file, '--year', '2025-27'],
      'usha: --year: expected a financial year such as "2024-25"'],
    [['report', 'passbook', file], 'usha: passbook needs --member'],
    [['report', 'trial-balance', file, '--member', 'M-1'], 'usha: trial-balance takes no --member'],
    [['report', 'ledger', file],
      'usha: which report? one of trial-balance, balance-sheet, income-statement, par, passbook'],
    [['report', 'par'], 'usha: which log? give its file, or --esdb <connection>'],
    [['verify', file, '--as-of', '2025-01-01'], 'usha: \'verify\' takes no --as-of'],
    [['verify', file, '--anchor', 'abc'], 'usha: --anchor: not a valid value: "abc"'],
    [['export', file], 'usha: export needs --to <file>'],
    [['rewrite', file], 'usha: unknown command \'rewrite\''],
  ];
  for (const [argv, message] of cases) {
    const r = await usha(...argv);
    assert.is(r.code, 2, argv.join(' '));
    assert.is(r.err, `${message}\nRun 'usha help' for the commands.`);
    assert.is(r.out, '');
  }
});

test('the usha command runs as a program', async () => {
  const bin = new URL('../bin/usha.mjs', import.meta.url).pathname;
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [bin, 'report', 'trial-balance', file]);
  assert.is(stdout, `${trialBalanceNow}\n`);
  const help = await run(process.execPath, [bin, 'help']);
  assert.ok(help.stdout.startsWith('usha: verify a ledger\'s log and reproduce its statements'));
});

test.run();
