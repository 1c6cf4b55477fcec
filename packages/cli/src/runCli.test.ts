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

const manifest: unknown = JSON.parse(await readFile(new URL('../package.json',
  import.meta.url), 'utf8'));
const manifestVersion = typeof manifest === 'object' && manifest !== null
  && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : '';

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
    `${file}: 13 events, hash chain intact.`,
    `Last event at C:${lastOffset}/P:${lastOffset}; last hash ${lastHash}.`,
    'Signatures not checked (no --key): 0 appends carry one, 13 do not.',
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
      + 'Shares redeemed in 2025-26,0,0.00\r');
    // Before the first event the log knows nothing: no register of zeros, a refusal.
    const before = await usha('report', 'share-register', file, '--year', '2025-26',
      '--as-of', '2025-04-01');
    assert.equal(before, { code: 1, out: '', err: 'usha: --as-of 2025-04-01 is before the '
      + 'log\'s first event, effective 2025-04-02' });
    const open = await usha('report', 'appropriation', file, '--year', '2025-26');
    assert.is(open.out, 'Profit appropriation, financial year 2025-26: the year is not closed');
    const wrong = await usha('report', 'appropriation', file, '--year', '2025-26',
      '--format', 'xml');
    assert.is(wrong.code, 2);
    assert.is((await usha('report', 'passbook', file, '--member', 'M-1', '--year', '2025-26'))
      .code, 2);
  });

test('report receipts-payments: cash by head between opening and closing balances, '
  + 'the corrected deposit netted', async () => {
  // Shares 50.00; deposits 1,500 + 700 - 700 (reversed) + 70; the loan of 1,000 paid out and
  // 200 withdrawn: closing 0 + 1,620.00 - 1,200.00 = 420.00, the trial balance's cash.
  const r = await usha('report', 'receipts-payments', file, '--year', '2025-26');
  assert.is(r.code, 0);
  assert.is(r.out, [
    'Receipts and payments, 2025-04-01 to 2026-03-31',
    '                            Code        Rs',
    '--------------------------  ----  --------',
    'Opening balance',
    '  Cash in hand              1100      0.00',
    '  Cash at bank              1110      0.00',
    'Receipts',
    '  Share capital             3100     50.00',
    '  Savings deposits          2100  1,570.00',
    'Total receipts                    1,620.00',
    '--------------------------  ----  --------',
    'Payments',
    '  Loans disbursed           1200  1,000.00',
    '  Savings withdrawn         2100    200.00',
    'Total payments                    1,200.00',
    '--------------------------  ----  --------',
    'Closing balance',
    '  Cash in hand              1100    420.00',
    '  Cash at bank              1110      0.00',
    'Closing balance, all funds          420.00',
  ].join('\n'));
  const may = await usha('report', 'receipts-payments', file, '--from', '2025-05-01', '--to',
    '2025-06-09', '--format', 'csv');
  assert.is(may.out, 'section,item,code,amount\r\n'
    + 'opening,Cash in hand,1100,550.00\r\nopening,Cash at bank,1110,0.00\r\n'
    + 'receipt,Savings deposits,2100,700.00\r\ntotal receipts,Total receipts,,700.00\r\n'
    + 'payment,Savings withdrawn,2100,200.00\r\ntotal payments,Total payments,,200.00\r\n'
    + 'closing,Cash in hand,1100,1050.00\r\nclosing,Cash at bank,1110,0.00\r');
});

test('report dcb and npa: the unpaid loan\'s demand by branch; standard at 38 days', async () => {
  // LN-1: 1,000 over 3 months at 1%; due 3 May (330.02 + 10.00) and 3 June (333.32 + 6.70).
  const dcb = await usha('report', 'dcb', file, '--from', '2025-05-01', '--to', '2025-06-10',
    '--format', 'csv');
  assert.is(dcb.code, 0);
  assert.equal(dcb.out.split('\r\n').slice(1, 3), [
    'SONAGACHI,principal,1,0.00,663.34,663.34,0.00,0.00,0.00,663.34',
    'SONAGACHI,interest,1,0.00,16.70,16.70,0.00,0.00,0.00,16.70']);
  const npa = await usha('report', 'npa', file, '--as-of', '2025-06-10');
  assert.equal(npa.out.split('\n').slice(0, 4), [
    'NPA classification and provision schedule as of 2025-06-10',
    'Loan  Member  Branch     Days past due     Class  Outstanding  Percent  Provision',
    '----  ------  ---------  -------------  --------  -----------  -------  ---------',
    'LN-1  M-1     SONAGACHI             38  Standard     1,000.00     0.4%       4.00']);
  assert.is(npa.out.split('\n').at(-1),
    'Total             1     1,000.00                4.00');
});

test('report accrued-interest --products: the catalogue decoded, figures as the Ledger\'s',
  async () => {
    const catalogue = join(dir, 'products.json');
    await writeFile(catalogue, JSON.stringify(products));
    // SB-1 at 4%: 1,500 for 60 days (the 700 reversed from its own date), 1,300 for 9 days,
    // 1,370 for 1: 9.863 + 1.282 + 0.150 = 11.30. LN-1: 10.00 + 6.70 due, and 8 of the 30
    // days of the third instalment's 3.37 (3 to 10 June, both included): 0.8987 -> 0.90.
    const r = await usha('report', 'accrued-interest', file, '--as-of', '2025-06-10',
      '--products', catalogue, '--format', 'csv');
    assert.is(r.code, 0);
    assert.is(r.out, 'line,id,member_id,days_past_due,interest_due,interest_accruing,accrued,'
      + 'non_performing\r\ndeposit,SB-1,M-1,,,,11.30,\r\nloan,LN-1,M-1,38,16.70,0.90,17.60,no'
      + '\r\npayable,,,,,,11.30,\r\nreceivable,,,,,,17.60,\r\nnot_recognised,,,,,,0.00,\r');
    const text = await usha('report', 'accrued-interest', file, '--as-of', '2025-06-10',
      '--products', catalogue);
    assert.is(text.out.split('\n').at(-3), 'Deposit interest payable            11.30');
    const notJson = join(dir, 'products.txt');
    await writeFile(notJson, 'SB: savings');
    const bad = await usha('report', 'accrued-interest', file, '--products', notJson);
    assert.is(bad.code, 2);
    assert.match(bad.err, `usha: --products: ${notJson} is not JSON: `);
    const wrong = join(dir, 'wrong-products.json');
    await writeFile(wrong, JSON.stringify({ SB: { ...products.SB, rateAnnualPercent: 4 } }));
    const invalid = await usha('report', 'accrued-interest', file, '--products', wrong);
    assert.equal([invalid.code, invalid.out], [2, '']);
    assert.match(invalid.err, `usha: --products: ${wrong} is not a product catalogue: `
      + 'SB.rateAnnualPercent: ');
  });

test('--format csv for the statements that printed text only; CRLF ends every record',
  async () => {
    const tb = await usha('report', 'trial-balance', file, '--format', 'csv');
    assert.is(tb.out, 'code,account,debit,credit\r\n1100,Cash in hand,420.00,0.00\r\n'
      + '1200,Loans to members,1000.00,0.00\r\n'
      + '2100,Members\' savings deposits,0.00,1370.00\r\n3100,Share capital,0.00,50.00\r\n'
      + ',Total,1420.00,1420.00\r');
    const par = await usha('report', 'par', file, '--as-of', '2025-06-10', '--format', 'csv');
    assert.is(par.out.split('\r\n')[1],
      'SONAGACHI,1,1000.00,0.00,1000.00,0.00,0.00,680.04,100.00,0.00');
    const pb = await usha('report', 'passbook', file, '--member', 'M-1', '--format', 'csv');
    assert.is(pb.out.split('\r\n')[5],
      'SB-1,savings,2025-06-10,Reversal (2025-05-10): By cash,700.00,0.00,1300.00');
    const is = await usha('report', 'income-statement', file, '--year', '2025-26', '--format',
      'csv');
    assert.is(is.out.split('\r\n').at(-1), 'total,,Net profit,0.00\r');
    const bs = await usha('report', 'balance-sheet', file, '--format', 'csv');
    assert.is(bs.out.split('\r\n').at(-1), 'total,,Total liabilities and equity,1420.00\r');
  });

test('verify --anchor: finds the line an earlier audit recorded, or says it is gone', async () => {
  const found = await usha('verify', file, '--anchor', trail.auditHash);
  assert.is(found.code, 0);
  assert.is(found.out.split('\n').at(-1), `Anchor ${trail.auditHash} is line 11, at `
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
  assert.is(at, 4); // the first deposit, line 5
  lines[at] = (lines[at] ?? '').replace('"1500.00"', '"1600.00"');
  await writeFile(tampered, lines.join('\n'));
  const v = await usha('verify', tampered);
  assert.is(v.code, 1);
  assert.ok(v.out.startsWith(`${tampered}: BROKEN at line 5 (byte `), v.out);
  assert.ok(v.out.endsWith('): hash does not match content.'), v.out);
  const r = await usha('report', 'trial-balance', tampered);
  assert.is(r.code, 1);
  assert.is(r.out, '');
  assert.ok(r.err.startsWith('usha: the log is damaged at line 5 (byte '), r.err);
});

test('export: a new log that verifies and gives the same figures; '
  + 'an old export is kept', async () => {
  const to = join(dir, 'export.ndjson');
  const r = await usha('export', file, '--to', to);
  assert.is(r.code, 0);
  assert.ok(/^.*: 13 events written; last hash [0-9a-f]{64}\.$/.test(r.out), r.out);
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
      `${to}: 13 events, hash chain intact.`);
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
  const noFolder = join(dir, 'no-such-folder');
  assert.equal(await usha('keygen', '--out', noFolder), { code: 1, out: '',
    err: `usha: ${noFolder}: no such directory to write the keys into` });
  await mkdir(join(dir, 'signed'));
  const signed = await auditTrail(join(dir, 'signed'), priv);
  const ok = await usha('verify', signed.file, '--key', pub);
  assert.is(ok.code, 0);
  assert.is(ok.out.split('\n')[2],
    'Signatures: 13 appends signed by the key, 0 unsigned, 0 badly signed.');
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
    `${signed.file}: hash chain intact, but NOT SIGNED BY THE KEY at line 14 (byte ${offset}): `
      + 'append not signed.',
    'Signatures: 13 appends signed by the key, 1 unsigned (first ending at line 14), '
      + '0 badly signed.',
    `Anchor ${before} is line 13, at C:${ledgerOffset(last, offset)}: the history up to it `
      + 'is unchanged; 1 event(s) added since, NOT all signed by the key: 1 append(s) not, '
      + 'the first ending at line 14.',
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
    'Signatures: 1 appends signed by the key, 13 unsigned (first ending at line 1), '
      + '0 badly signed.');
  // A hash on no line: said so, not as a fault "at line 0".
  const nowhere = '0'.repeat(63) + '1';
  const lost = await usha('verify', migrated, '--key', pub, '--signed-after', nowhere);
  assert.equal([lost.code, lost.out.split('\n')[0]], [1, `${migrated}: hash chain intact, but `
    + `--signed-after ${nowhere} is the hash of no append in it: which appends must be signed `
    + 'is not known.']);
});

test('verify refuses a file that is not a log, or holds no event', async () => {
  const text = join(dir, 'notes.txt');
  await writeFile(text, 'minutes of the meeting\n');
  assert.equal(await usha('verify', text),
    { code: 1, out: `${text}: not an event log (its first line is not a log line).`, err: '' });
  const empty = join(dir, 'empty.ndjson');
  await writeFile(empty, '');
  assert.equal(await usha('verify', empty),
    { code: 1, out: `${empty}: holds no event: the file is empty.`, err: '' });
});

test('a wrong command line: exit 2 and what is wrong, before any log is opened', async () => {
  const cases: [string[], string][] = [
    [['report', 'trial-balance', file, '--as-of', '2025-02-30'],
      'usha: --as-of: 2025-02-30: that day does not exist'],
    [['report', 'trial-balance', file, '--known-at', '42'],
      'usha: --known-at: not a valid value: "42": expected a position like C:123/P:123, as '
        + 'usha verify prints it'],
    [['report', 'income-statement', file],
      'usha: income-statement needs --year, e.g. --year 2025-26'],
    [['report', 'income-statement', file, '--year', '2025-27'],
      'usha: --year: expected a financial year such as "2024-25"'],
    // A year with no day a date can name (dates run from 1900 to 2199).
    [['report', 'receipts-payments', file, '--year', '2200-01'],
      'usha: --year: expected a financial year from 1899-00 to 2199-00 (dates run from 1900 to '
        + '2199)'],
    [['report', 'share-register', file, '--year', '9998-99'],
      'usha: --year: expected a financial year from 1899-00 to 2199-00 (dates run from 1900 to '
        + '2199)'],
    [['report', 'passbook', file], 'usha: passbook needs --member'],
    [['report', 'trial-balance', file, '--member', 'M-1'], 'usha: trial-balance takes no --member'],
    [['report', 'ledger', file],
      'usha: which report? one of trial-balance, balance-sheet, income-statement, par, passbook, '
        + 'share-register, appropriation, receipts-payments, dcb, npa, accrued-interest, '
        + 'collection-sheet, dues, day-cash'],
    [['report', 'dcb', file], 'usha: dcb needs --year, or --from and --to, e.g. --year 2025-26'],
    [['report', 'dcb', file, '--year', '2025-26', '--from', '2025-04-01'],
      'usha: give --year or --from and --to, not both'],
    [['report', 'receipts-payments', file, '--from', '2025-05-01', '--to', '2025-04-30'],
      'usha: --to 2025-04-30 is before --from 2025-05-01'],
    [['report', 'receipts-payments', file, '--from', '2025-05-01', '--to', '2025-04-31'],
      'usha: --to: 2025-04-31: that day does not exist'],
    [['report', 'accrued-interest', file], 'usha: accrued-interest needs --products '
      + '<catalogue.json>'],
    [['report', 'npa', file, '--products', 'p.json'], 'usha: npa takes no --products'],
    [['report', 'par'], 'usha: which log? give its file, or --esdb <connection>'],
    [['verify', file, '--as-of', '2025-01-01'], 'usha: \'verify\' takes no --as-of'],
    [['verify', file, '--anchor', 'abc'], 'usha: --anchor: not a valid value: "abc": '
      + 'expected a 64-hex-digit hash, as usha verify prints it'],
    [['report', 'par', file, '--format', 'xml'],
      'usha: --format: not a valid value: "xml": expected text, csv, json or html'],
    [['--version', 'verify', file], 'usha: --version takes no command or other flag'],
    [['export', file], 'usha: export needs --to <file>'],
    [['keygen'], 'usha: keygen needs --out <dir>'],
    [['keygen', file, '--out', dir], 'usha: keygen takes no file; give --out <dir>'],
    [['verify', file, '--out', dir], 'usha: \'verify\' takes no --out'],
    [['verify', file, '--signed-after', 'ab'.repeat(32)], 'usha: --signed-after goes with --key'],
    [['rewrite', file], 'usha: unknown command \'rewrite\''],
    [['report', 'trial-balance', file, '--as-of', '2025-05-01', '--as-of=2025-06-01'],
      'usha: --as-of is given twice; give it once'],
    [['report', 'par', file, '--format', 'text', '--format', 'csv'],
      'usha: --format is given twice; give it once'],
  ];
  for (const [argv, message] of cases) {
    const r = await usha(...argv);
    assert.is(r.code, 2, argv.join(' '));
    assert.is(r.err, `${message}\nRun 'usha help' for the commands.`);
    assert.is(r.out, '');
  }
});

test('an --esdb connection string the client cannot read is the command line\'s fault: exit 2, '
  + 'the option named', async () => {
  const r = await usha('report', 'trial-balance', '--esdb', 'not-a-url');
  assert.is(r.code, 2);
  assert.match(r.err, /^usha: EventStoreDB store option connectionString: not a connection /);
  assert.is(r.out, '');
});

test('--version prints the version in the package\'s manifest, read when it runs', async () => {
  assert.equal(await usha('--version'), { code: 0, out: manifestVersion, err: '' });
  assert.match(manifestVersion, /^\d+\.\d+\.\d+/);
});

test('the usha command runs as a program', async () => {
  const bin = new URL('../bin/usha.mjs', import.meta.url).pathname;
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [bin, 'report', 'trial-balance', file]);
  assert.is(stdout, `${trialBalanceNow}\n`);
  const csv = await run(process.execPath, [bin, 'report', 'share-register', file, '--year',
    '2025-26', '--format', 'csv']);
  assert.ok(csv.stdout.endsWith('Shares redeemed in 2025-26,0,0.00\r\n'), csv.stdout);
  assert.is(csv.stdout.split('\r\n').length, 7);
  // Standard error is a pipe here, not a terminal: no progress line, nothing at all.
  const piped = await run(process.execPath, [bin, 'report', 'par', file]);
  assert.is(piped.stderr, '');
  const version = await run(process.execPath, [bin, '--version']);
  assert.is(version.stdout, `${manifestVersion}\n`);
  const help = await run(process.execPath, [bin, 'help']);
  assert.ok(help.stdout.startsWith('usha: verify a ledger\'s log and reproduce its statements'));
});

test.run();
