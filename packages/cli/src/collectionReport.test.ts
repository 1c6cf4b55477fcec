import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-collection-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const { file } = await auditTrail(dir);

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

// The fixture's LN-1: Rs 1,000 over 3 months at 12% from 3 April 2025, EMI 340.02, none paid:
// 3 May 330.02 + 10.00, 3 June 333.32 + 6.70. On 10 June both are overdue, the first 38 days.
test('collection-sheet: a branch\'s sheet of a day, as text and as CSV', async () => {
  const text = await usha('report', 'collection-sheet', file, '--branch', 'SONAGACHI',
    '--as-of', '2025-06-10');
  assert.is(text.code, 0, text.err);
  assert.equal(text.out.split('\n').map((l) => l.replace(/ +/g, ' ')), [
    'Collection sheet, SONAGACHI, 2025-06-10',
    'Member Account Kind Officer Principal Interest Penalty Fees RD instalments'
      + ' Of which overdue Days late To collect',
    '------ ---------- ---- ------- --------- -------- ------- ---- --------------'
      + ' ---------------- --------- ----------',
    'M-1 LN-1 loan 663.34 16.70 680.04 38 680.04',
    '------ ---------- ---- ------- --------- -------- ------- ---- --------------'
      + ' ---------------- --------- ----------',
    'Total 1 accounts 680.04',
  ]);
  const csv = await usha('report', 'collection-sheet', file, '--branch', 'SONAGACHI',
    '--as-of', '2025-06-10', '--format', 'csv');
  assert.is(csv.out, 'branch,on,member,account,kind,field_officer,principal,interest,penalty,'
    + 'fees,rd_instalments,rd_instalment_count,overdue,days_past_due,total\r\n'
    + 'SONAGACHI,2025-06-10,M-1,LN-1,loan,,663.34,16.70,0.00,0.00,0.00,0,680.04,38,680.04\r\n'
    + 'SONAGACHI,2025-06-10,total,,,,,,,,,,,,680.04\r');
  const none = await usha('report', 'collection-sheet', file, '--branch', 'SONAGACHI',
    '--as-of', '2025-06-10', '--officer', 'fo-1', '--format', 'csv');
  // No officer is assigned in this log: his sheet is empty, its total nil.
  assert.is(none.out.split('\r\n')[1], 'SONAGACHI,2025-06-10,total,,,fo-1,,,,,,,,,0.00\r');
});

test('dues --overdue: the instalments late at the period\'s end', async () => {
  const r = await usha('report', 'dues', file, '--from', '2025-05-01', '--to', '2025-06-03',
    '--overdue', '--format', 'csv');
  assert.is(r.code, 0, r.err);
  assert.is(r.out, 'due_on,branch,member,account,kind,instalment,principal,interest,unpaid,'
    + 'days_overdue\r\n2025-05-03,SONAGACHI,M-1,LN-1,loan,1,330.02,10.00,340.02,31\r\n'
    + 'total,,,,,,330.02,10.00,340.02,\r');
  const all = await usha('report', 'dues', file, '--from', '2025-05-01', '--to', '2025-06-03',
    '--branch', 'SONAGACHI');
  assert.is(all.out.split('\n')[0],
    'Due list, SONAGACHI, 2025-05-01 to 2025-06-03 (unpaid as at 2025-06-03)');
  assert.is(all.out.split('\n').length, 7);
});

test('what each needs, and what neither takes, is refused before the log is opened',
  async () => {
    const err = async (...argv: string[]) => (await usha('report', ...argv)).err.split('\n')[0];
    assert.is(await err('collection-sheet', file, '--branch', 'SONAGACHI'),
      'usha: collection-sheet needs --branch and --as-of (the day to collect)');
    assert.is(await err('dues', file, '--from', '2025-05-01'), 'usha: dues needs --from and --to');
    assert.is(await err('dues', file, '--from', '2025-05-01', '--to', '2025-04-01'),
      'usha: --to 2025-04-01 is before --from 2025-05-01');
    assert.is(await err('dues', file, '--from', '2025-05-01', '--to', '2025-06-01',
      '--officer', 'fo-1'), 'usha: dues takes no --officer');
    assert.is(await err('collection-sheet', file, '--branch', 'SONAGACHI', '--as-of',
      '2025-06-10', '--overdue'), 'usha: collection-sheet takes no --overdue');
  });

test('a branch no member of the log belongs to is refused by the sheet and the due list, '
  + 'naming the log\'s branches: not printed as an empty sheet', async () => {
  const sheet = await usha('report', 'collection-sheet', file, '--branch', 'SONAGACI',
    '--as-of', '2025-06-10');
  assert.equal(sheet, { code: 1, out: '', err: 'usha: --branch SONAGACI: no member of it in '
    + 'the log by 2025-06-10; its branches: SONAGACHI' });
  const due = await usha('report', 'dues', file, '--branch', 'NOWHERE', '--from', '2025-05-01',
    '--to', '2025-06-30');
  assert.equal(due, { code: 1, out: '', err: 'usha: --branch NOWHERE: no member of it in '
    + 'the log by 2025-06-30; its branches: SONAGACHI' });
});

test.run();
