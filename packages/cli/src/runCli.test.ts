import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createEventStoreDbStore } from '@usha/eventstoredb';
import { startEsdbTestServer } from '@usha/eventstoredb/test-server';
import { createLedger, ledgerEventSchema, openFileEventStore } from '@usha/ledger';
import { products } from '@usha/domain/testing';
import { appendForgedLine } from '@usha/ledger/testing';
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

const ledgerId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
// The position of a log's last line, `last`, in a log of `size` bytes.
const ledgerOffset = (last: string, size: number) => {
  const at = size - Buffer.byteLength(last) - 1;
  return `${at}/P:${at}`;
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
    'Signatures not checked (no --key): 0 appends carry one, 11 do not.',
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

test('report share-register and appropriation: CSV byte for byte, text, an open year',
  async () => {
    // M-1 bought 5 shares of Rs 10 on 2025-04-02; nothing redeemed; no year closed.
    const r = await usha('report', 'share-register', file, '--year', '2025-26', '--format', 'csv');
    assert.is(r.code, 0);
    assert.is(r.out, 'item,shares,amount\r\nMembers holding shares,1,\r\nShares held,5,\r\n'
      + 'Paid-up capital,,50.00\r\nShares purchased in 2025-26,5,50.00\r\n'
      + 'Shares redeemed in 2025-26,0,0.00');
    const before = await usha('report', 'share-register', file, '--year', '2025-26',
      '--as-of', '2025-04-01');
    assert.match(before.out, /\nShares held +0\nPaid-up capital +0\.00\n/);
    const open = await usha('report', 'appropriation', file, '--year', '2025-26');
    assert.is(open.out, 'Profit appropriation, financial year 2025-26: the year is not closed');
    const wrong = await usha('report', 'appropriation', file, '--year', '2025-26',
      '--format', 'xml');
    assert.is(wrong.code, 2);
    assert.is((await usha('report', 'par', file, '--format', 'csv')).code, 2);
  });

test('verify --anchor: finds the line an earlier audit recorded, or says it is gone', async () => {
  const found = await usha('verify', file, '--anchor', trail.auditHash);
  assert.is(found.code, 0);
  assert.is(found.out.split('\n').at(-1), `Anchor ${trail.auditHash} is line 9, at `
    + `${trail.auditPosition}: the history up to it is unchanged; 2 event(s) added since.`);
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

test('keygen, then verify --key: a signed log passes; a forged addition after the anchor '
  + 'is named, exit 1', async () => {
  const keys = join(dir, 'keys');
  await mkdir(keys);
  const made = await usha('keygen', '--out', keys);
  assert.is(made.code, 0);
  const [priv, pub] = [join(keys, 'usha-signing.key'), join(keys, 'usha-signing.pub')];
  assert.is(made.out.split('\n')[1],
    `Public key ${pub}: give it to auditors by hand; they verify with it.`);
  assert.is((await stat(priv)).mode & 0o777, 0o600);
  assert.equal(await usha('keygen', '--out', keys), { code: 1, out: '',
    err: `usha: a key pair is already in ${keys}; it is never written over` });
  await mkdir(join(dir, 'signed'));
  const signed = await auditTrail(join(dir, 'signed'), priv);
  const ok = await usha('verify', signed.file, '--key', pub);
  assert.is(ok.code, 0);
  assert.is(ok.out.split('\n')[2],
    'Signatures: 11 appends signed by the key, 0 unsigned, 0 badly signed.');
  const copy = join(dir, 'signed-export.ndjson');
  assert.is((await usha('export', signed.file, '--to', copy)).code, 0);
  assert.ok((await readFile(copy)).equals(await readFile(signed.file)), 'export kept the bytes');
  const last = (await readFile(signed.file, 'utf8')).trimEnd().split('\n').at(-1) ?? '';
  const before = last.slice(9, 73);
  await appendForgedLine(signed.file, { prev: before, eventId: ledgerId(1) });
  const forged = await usha('verify', signed.file, '--key', pub, '--anchor', before);
  assert.is(forged.code, 1);
  const offset = (await readFile(copy)).length;
  assert.is(forged.out, [
    `${signed.file}: hash chain intact, but NOT SIGNED BY THE KEY at line 12 (byte ${offset}): `
      + 'append not signed.',
    'Signatures: 11 appends signed by the key, 1 unsigned (first ending at line 12), '
      + '0 badly signed.',
    `Anchor ${before} is line 11, at C:${ledgerOffset(last, offset)}: the history up to it `
      + 'is unchanged; 1 event(s) added since, NOT all signed by the key: 1 append(s) not, '
      + 'the first ending at line 12.',
  ].join('\n'));
  // The chain alone cannot tell: without the key the addition verifies.
  assert.is((await usha('verify', signed.file)).code, 0);
  // A log begun unsigned, signed from a recorded hash on.
  const migrated = join(dir, 'migrated.ndjson');
  await writeFile(migrated, await readFile(file));
  const unsignedEnd = (await readFile(file, 'utf8')).trimEnd().split('\n').at(-1)?.slice(9, 73);
  const store = await openFileEventStore({ file: migrated, schema: ledgerEventSchema,
    signingKey: { file: priv } });
  const ledger = await createLedger({ store, products });
  assert.is((await ledger.makeDeposit({ commandId: 'dep-9', actor: 'clerk-7', on: '2025-06-11',
    accountId: 'SB-1', amount: '10', source: 'cash' })).status, 'accepted');
  await ledger.close();
  await store.close();
  const strict = await usha('verify', migrated, '--key', pub);
  assert.equal([strict.code, strict.out.split('\n')[0]?.endsWith(': append not signed.')],
    [1, true]);
  const from = await usha('verify', migrated, '--key', pub, '--signed-after', unsignedEnd ?? '');
  assert.is(from.code, 0);
  assert.is(from.out.split('\n')[2],
    'Signatures: 1 appends signed by the key, 11 unsigned (first ending at line 1), '
      + '0 badly signed.');
});

test('verify refuses a file that is not a log, or holds no event', async () => {
  const text = join(dir, 'notes.txt');
  await writeFile(text, 'minutes of the meeting\n');
  assert.equal(await usha('verify', text),
    { code: 1, out: `${text}: not an event log (its first line is not a log line).`, err: '' });
  const empty = join(dir, 'empty.ndjson');
  await writeFile(empty, '');
  assert.equal(await usha('verify', empty),
    { code: 1, out: `${empty}: holds no event: an empty log, or not an event log.`, err: '' });
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
      'usha: which report? one of trial-balance, balance-sheet, income-statement, par, passbook, '
        + 'share-register, appropriation'],
    [['report', 'par'], 'usha: which log? give its file, or --esdb <connection>'],
    [['verify', file, '--as-of', '2025-01-01'], 'usha: \'verify\' takes no --as-of'],
    [['verify', file, '--anchor', 'abc'], 'usha: --anchor: not a valid value: "abc"'],
    [['export', file], 'usha: export needs --to <file>'],
    [['keygen'], 'usha: keygen needs --out <dir>'],
    [['keygen', file, '--out', dir], 'usha: keygen takes no file; give --out <dir>'],
    [['verify', file, '--out', dir], 'usha: \'verify\' takes no --out'],
    [['verify', file, '--signed-after', 'ab'.repeat(32)], 'usha: --signed-after goes with --key'],
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
