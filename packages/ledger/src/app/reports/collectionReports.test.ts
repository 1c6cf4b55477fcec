import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidDateError } from '@usha/domain';
import { isAccepted } from '../commands/outcome.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { ReportPeriodError } from './periodReports.ts';
import { collectionReports, UnknownBranchError } from './collectionReports.ts';
import { QueryRequestError } from './queryRequest.ts';

const by = (commandId: string, on: string, actor = 'clerk') => ({ commandId, actor, on });

// M-0001 and M-0002 of SONAGACHI. M-0001: a loan of Rs 12,000 over 6 months at 12% from
// 1 May 2024 (EMI 2,070.58, instalments 1,950.58 + 120.00, 1,970.09 + 100.49, ...), the first
// paid on 1 June; field officer fo-1 from 15 April. M-0002: an RD of Rs 500 a month from
// 10 May, the first paid; field officer fo-2 from 15 April.
const branch = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M-0001', '5000');
  await memberWithSavings(ledger, 'M-0002', '1000');
  const assign = (m: string, staffId: string) => ledger.assignFieldOfficer({
    ...by(`fo-${m}`, '2024-04-15', 'manager'), memberId: m, staffId });
  ok(await assign('M-0001', 'fo-1'));
  ok(await assign('M-0002', 'fo-2'));
  ok(await ledger.applyForLoan({ ...by('apply', '2024-05-01'), loanId: 'L-0001',
    memberId: 'M-0001', productId: 'LN', principal: '12000', repayments: 6,
    firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve', '2024-05-01', 'checker'), loanId: 'L-0001',
    principal: '12000' }));
  ok(await ledger.disburseLoan({ ...by('disburse', '2024-05-01'), loanId: 'L-0001' }));
  ok(await ledger.recordRepayment({ ...by('r1', '2024-06-01'), loanId: 'L-0001',
    amount: '2070.58' }));
  ok(await ledger.openRecurringDeposit({ ...by('rd', '2024-05-10'), accountId: 'RD-0002',
    memberId: 'M-0002', productId: 'RD', instalment: '500', termMonths: 12 }));
  const last = ok(await ledger.makeDeposit({ ...by('rd1', '2024-05-10'),
    accountId: 'RD-0002', amount: '500.00', source: 'cash' }));
  return { ledger, last, store };
};

test('the collection sheet of a branch and of one field officer, through the Ledger',
  async () => {
    const { ledger } = await branch();
    const s = await ledger.collectionSheet({ branchId: 'SONAGACHI', on: '2024-07-10' });
    // L-0001: the July instalment, 9 days late. RD-0002: June's and July's, one late 30 days.
    assert.equal(s.lines.map((l) => [l.accountId, l.fieldOfficer, l.principal, l.interest,
      l.deposit, l.overdue, l.daysPastDue, l.total]), [
      ['L-0001', 'fo-1', 197009n, 10049n, 0n, 207058n, 9, 207058n],
      ['RD-0002', 'fo-2', 0n, 0n, 100000n, 50000n, 30, 100000n],
    ]);
    assert.is(s.total, 307058n);
    const fo2 = await ledger.collectionSheet({ branchId: 'SONAGACHI', fieldOfficer: 'fo-2',
      on: '2024-07-10' });
    assert.equal(fo2.lines.map((l) => l.accountId), ['RD-0002']);
    assert.is(fo2.total, 100000n);
  });

test('the overdue list through the Ledger', async () => {
  const { ledger } = await branch();
  const d = await ledger.dues({ from: '2024-06-01', to: '2024-06-30', overdueOnly: true });
  assert.equal(d.lines.map((l) => [l.dueOn, l.accountId, l.unpaid, l.daysOverdue]),
    [['2024-06-10', 'RD-0002', 50000n, 20]]);
});

test('a member handed to another officer leaves the first one\'s sheet from that day, and '
  + 'is on it as known before', async () => {
  const { ledger, last } = await branch();
  ok(await ledger.assignFieldOfficer({ ...by('fo-again', '2024-07-01', 'manager'),
    memberId: 'M-0002', staffId: 'fo-3' }));
  const sheet = (fieldOfficer: string, on: string) =>
    ledger.collectionSheet({ branchId: 'SONAGACHI', fieldOfficer, on });
  assert.equal((await sheet('fo-2', '2024-06-30')).lines.map((l) => l.accountId), ['RD-0002']);
  assert.equal((await sheet('fo-2', '2024-07-10')).lines, []);
  assert.equal((await sheet('fo-3', '2024-07-10')).lines.map((l) => l.accountId), ['RD-0002']);
  if (!isAccepted(last)) return assert.unreachable();
  const before = await ledger.collectionSheet({ branchId: 'SONAGACHI', fieldOfficer: 'fo-2',
    on: '2024-07-10', asKnownAt: last.position });
  assert.equal(before.lines.map((l) => l.accountId), ['RD-0002']);
});

test('a date that is not one, or a period that ends before it begins, is refused', async () => {
  const { ledger } = await branch();
  await ledger.collectionSheet({ branchId: 'SONAGACHI', on: '2024-02-30' }).then(
    () => assert.unreachable(), (e: unknown) => assert.instance(e, InvalidDateError));
  await ledger.dues({ from: '2024-07-01', to: '2024-06-01' }).then(
    () => assert.unreachable(), (e: unknown) => assert.instance(e, ReportPeriodError));
});

test('assigning a field officer is refused for a member not admitted', async () => {
  const { ledger } = await branch();
  const r = await ledger.assignFieldOfficer({ ...by('fo-x', '2024-05-01', 'manager'),
    memberId: 'M-0009', staffId: 'fo-1' });
  assert.is(r.status, 'rejected');
});

test('with branchInLog, a branch no member belonged to by the day is refused, naming the '
  + 'branches; without, its sheet is empty; a flag of another kind is refused before any read',
async () => {
  const { store } = await branch();
  const checked = collectionReports(store, {}, { branchInLog: true });
  const e = await checked.collectionSheet({ branchId: 'KALIGHAT', on: '2024-07-10' })
    .catch((x: unknown) => x);
  if (!(e instanceof UnknownBranchError)) throw new Error(`not refused: ${String(e)}`);
  assert.equal([e.branchId, e.by, e.known, e.message], ['KALIGHAT', '2024-07-10', ['SONAGACHI'],
    'branch KALIGHAT: no member of it in the log by 2024-07-10; its branches: SONAGACHI']);
  const due = await checked.dues({ from: '2024-06-01', to: '2024-06-30', branchId: 'KALIGHAT' })
    .catch((x: unknown) => x);
  assert.instance(due, UnknownBranchError);
  // Before the first member was admitted, no branch is in the log.
  const early = await checked.collectionSheet({ branchId: 'SONAGACHI', on: '2024-01-01' })
    .catch((x: unknown) => x);
  assert.equal(early instanceof UnknownBranchError && early.known, []);
  assert.is((await checked.collectionSheet({ branchId: 'SONAGACHI', on: '2024-07-10' })).total,
    307058n);
  const open = await collectionReports(store).collectionSheet({ branchId: 'KALIGHAT',
    on: '2024-07-10' });
  assert.equal([open.lines, open.total], [[], 0n]);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  // Read as any query's options are: a misspelt field is refused, not taken as no check.
  for (const [check, why] of [[{ branchInLog: 'yes' }, 'branchInLog: not true or false'],
    [revoked.proxy, 'the request could not be read'],
    // The options it lists are the check's own: a position is refused there (below).
    [{ branchinLog: true }, 'branchinLog: not an option of this query (it reads branchInLog)'],
    [[true], 'the request must be an object of fields'],
    // A position put in the check, not the report's request: refused, not read by nothing.
    [{ branchInLog: true, asKnownAt: { commit: 0n, prepare: 0n } }, 'asKnownAt: not an option '
      + 'of the check (it reads branchInLog); give it in the report\'s request'],
    [{ after: { commit: 5n, prepare: 5n } }, 'after: not an option of the check (it reads '
      + 'branchInLog); give it in the report\'s request']] as const) {
    assert.throws(() => collectionReports(store, {}, check as never),
      (x: unknown) => x instanceof QueryRequestError
        && x.message === `collectionReports: ${why}`, why);
  }
});

test.run();
