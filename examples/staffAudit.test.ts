// The audit of who acted must find each kind of breach it claims to rule out: a clean log
// passes, and each log spoilt in one way is caught, naming the event.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditStaff, type LoggedEvent } from './staffAudit.ts';

const revisions = new Map<string, bigint>();
const event = (stream: string, type: string, commandType: string, actor: string,
  data: Record<string, unknown>, commandId = `${stream}-${type}`): LoggedEvent => {
  const revision = revisions.get(stream) ?? 0n;
  revisions.set(stream, revision + 1n);
  return { stream, revision, type, data, metadata: { actor, commandId, commandType } };
};
const appoint = (staffId: string, role: string, branchId: string | null) =>
  event(`staff-${staffId}`, 'StaffAppointed', 'AppointStaff', 'STF-1',
    { staffId, role, branchId });

// A board of two, a clerk, cashier and manager at B1, a cashier at B2; member M1 at B1 saves,
// borrows, and her loan is written off with the board's second signature.
const cleanLog = (): LoggedEvent[] => {
  revisions.clear();
  return [
    appoint('STF-1', 'board', null), appoint('STF-2', 'board', null),
    appoint('STF-3', 'clerk', 'B1'), appoint('STF-4', 'cashier', 'B1'),
    appoint('STF-5', 'branchManager', 'B1'), appoint('STF-6', 'cashier', 'B2'),
    event('member-M1', 'MemberAdmitted', 'AdmitMember', 'STF-3',
      { memberId: 'M1', branchId: 'B1' }),
    event('deposit-SB1', 'Deposited', 'MakeDeposit', 'STF-4',
      { memberId: 'M1', source: 'cash' }),
    event('loan-L1', 'LoanApplied', 'ApplyForLoan', 'STF-3', { memberId: 'M1' }),
    event('loan-L1', 'LoanApproved', 'ApproveLoan', 'STF-5', { memberId: 'M1' }),
    event('approval-wo-1', 'ApprovalRequested', 'RequestApproval', 'STF-5',
      { requestId: 'wo-1', command: { type: 'WriteOffLoan', data: { loanId: 'L1' } } }),
    event('approval-wo-1', 'RequestApproved', 'ApproveRequest', 'STF-2', { requestId: 'wo-1' }),
    event('loan-L1', 'LoanWrittenOff', 'WriteOffLoan', 'STF-5', { memberId: 'M1' }, 'wo-1'),
  ];
};
// The clean log with its event of `type` changed by `f`.
const spoilt = (type: string, f: (e: LoggedEvent) => LoggedEvent): LoggedEvent[] =>
  cleanLog().map((e) => (e.type === type ? f(e) : e));
const by = (actor: string) => (e: LoggedEvent): LoggedEvent =>
  ({ ...e, metadata: { ...e.metadata, actor } });

test('a log where each event is sent by the role the table names holds no breach', () => {
  const audit = auditStaff(cleanLog());
  assert.equal(audit.breaches, []);
  assert.is(audit.events, 13);
  assert.equal(audit.appointed, ['STF-1', 'STF-2', 'STF-3', 'STF-4', 'STF-5', 'STF-6']);
  assert.equal(audit.acted, ['STF-1', 'STF-2', 'STF-3', 'STF-4', 'STF-5']);
});

test('an event sent by someone not appointed is a breach naming the event', () => {
  assert.equal(auditStaff(spoilt('Deposited', by('stranger'))).breaches,
    ['deposit-SB1@0 Deposited (MakeDeposit) by stranger: not staff in post']);
});

test('a role the table does not name for the command is a breach', () => {
  assert.equal(auditStaff(spoilt('Deposited', by('STF-3'))).breaches,
    ['deposit-SB1@0 Deposited (MakeDeposit) by STF-3: role clerk not in [cashier]']);
});

test("staff of another branch acting on a member is a breach", () => {
  assert.equal(auditStaff(spoilt('Deposited', by('STF-6'))).breaches,
    ['deposit-SB1@0 Deposited (MakeDeposit) by STF-6: branch B2 acting on B1']);
});

test('a loan approved by whoever applied for it is a breach', () => {
  assert.equal(auditStaff(spoilt('LoanApplied', by('STF-5'))).breaches, [
    'loan-L1@0 LoanApplied (ApplyForLoan) by STF-5: role branchManager not in [clerk]',
    'loan-L1@1 LoanApproved (ApproveLoan) by STF-5: approved by the one who applied',
  ]);
});

test('a write-off without a second signature, or signed by its maker, is a breach', () => {
  const unsigned = cleanLog().filter((e) => e.type !== 'RequestApproved');
  assert.equal(auditStaff(unsigned).breaches,
    ['loan-L1@2 LoanWrittenOff (WriteOffLoan) by STF-5: no second person approved it']);
  assert.equal(auditStaff(spoilt('RequestApproved', by('STF-5'))).breaches, [
    'approval-wo-1@1 RequestApproved (ApproveRequest) by STF-5: role branchManager not in '
      + '[board]',
    'approval-wo-1@1 RequestApproved (ApproveRequest) by STF-5: approved by its maker or '
      + 'unrequested',
    'loan-L1@2 LoanWrittenOff (WriteOffLoan) by STF-5: no second person approved it',
  ]);
});

test("a checker in a branch role signs only for her own branch's member", () => {
  const log = cleanLog();
  const waiver = [appoint('STF-7', 'branchManager', 'B2'),
    event('approval-wv-1', 'ApprovalRequested', 'RequestApproval', 'STF-5',
      { requestId: 'wv-1', command: { type: 'WaiveInterest', data: { loanId: 'L1' } } }),
    event('approval-wv-1', 'RequestApproved', 'ApproveRequest', 'STF-7', { requestId: 'wv-1' }),
  ];
  assert.equal(auditStaff([...log, ...waiver]).breaches,
    ['approval-wv-1@1 RequestApproved (ApproveRequest) by STF-7: branch B2 acting on B1']);
});

test('a log that does not open with a board appointment has nobody in post', () => {
  // The second board appointment would pass as the first (anyone may send that one).
  const [, , ...rest] = cleanLog();
  assert.equal(auditStaff(rest).breaches.slice(0, 1),
    ['staff-STF-3@0 StaffAppointed (AppointStaff) by STF-1: not staff in post']);
});

test('staff revoked are no longer in post', () => {
  const log = cleanLog();
  const revoked = event('staff-STF-4', 'StaffRevoked', 'RevokeStaff', 'STF-1',
    { staffId: 'STF-4', role: 'cashier' });
  const i = log.findIndex((e) => e.type === 'Deposited');
  assert.equal(auditStaff([...log.slice(0, i), revoked, ...log.slice(i)]).breaches,
    ['deposit-SB1@0 Deposited (MakeDeposit) by STF-4: not staff in post']);
});

test.run();
