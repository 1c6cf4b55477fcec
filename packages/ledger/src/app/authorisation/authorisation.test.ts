import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memoryStore, ok, testLedger } from '../testSupport.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { staffedSociety } from './staffFixture.ts';

const rejection = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : undefined);
const society = staffedSociety;
const by = (commandId: string, actor: string, on = '2025-06-01') => ({ commandId, actor, on });
const withdraw = (commandId: string, actor: string) =>
  ({ ...by(commandId, actor), accountId: 'SB-M1', amount: '100' });
const writeOff = (actor = 'bm-1') =>
  ({ type: 'WriteOffLoan' as const, data: { ...by('wo-1', actor), loanId: 'L1' } });

test('each step by the role the table names is accepted; the loan records its maker', async () => {
  const { store } = await society();
  const applied = (await allEvents(store)).find((e) => e.type === 'LoanApplied');
  assert.is(applied?.type === 'LoanApplied' && applied.data.recordedBy, 'clerk-1');
  const approved = (await allEvents(store)).find((e) => e.type === 'LoanApproved');
  assert.is(approved?.metadata.actor, 'bm-1');
});

test('an actor not on the register, or without the role, is refused naming the roles needed',
  async () => {
    const { ledger } = await society();
    assert.equal(rejection(await ledger.withdraw(withdraw('w-1', 'stranger'))), {
      type: 'not_authorised', actor: 'stranger', commandType: 'Withdraw',
      rolesAllowed: ['cashier'], why: 'not_staff' });
    assert.equal(rejection(await ledger.withdraw(withdraw('w-2', 'clerk-1'))), {
      type: 'not_authorised', actor: 'clerk-1', commandType: 'Withdraw',
      rolesAllowed: ['cashier'], why: 'role' });
    assert.equal(rejection(await ledger.withdraw(withdraw('w-3', 'aud-1'))), {
      type: 'not_authorised', actor: 'aud-1', commandType: 'Withdraw',
      rolesAllowed: ['cashier'], why: 'role' });
    ok(await ledger.withdraw(withdraw('w-4', 'cash-1')));
  });

test('a branch manager acts in her own branch only', async () => {
  const { ledger } = await society();
  ok(await ledger.applyForLoan({ ...by('apply-2', 'clerk-1'), loanId: 'L2', memberId: 'M1',
    productId: 'LN', principal: '1000', repayments: 6, firstRepaymentOn: null }));
  assert.equal(rejection(await ledger.approveLoan({ ...by('ap-2', 'bm-2'), loanId: 'L2',
    principal: '1000' })), { type: 'not_authorised', actor: 'bm-2', commandType: 'ApproveLoan',
    rolesAllowed: ['branchManager'], why: 'other_branch' });
  ok(await ledger.approveLoan({ ...by('ap-3', 'bm-1'), loanId: 'L2', principal: '1000' }));
});

test('a write-off needs a checker: the maker alone is refused approval_required', async () => {
  const { ledger } = await society();
  assert.equal(rejection(await ledger.execute(writeOff())), { type: 'approval_required',
    commandType: 'WriteOffLoan', requestId: 'wo-1', status: 'none' });
  const other = { ...writeOff(), data: { ...writeOff().data, commandId: 'wo-2' } };
  ok(await ledger.requestApproval({ ...by('rq-2', 'bm-1'), command: other }));
  assert.equal(rejection(await ledger.execute(other)), { type: 'approval_required',
    commandType: 'WriteOffLoan', requestId: 'wo-2', status: 'pending' });
});

test('two different staff: requested by one, approved by another, the command runs once',
  async () => {
    const { ledger, store } = await society();
    // Tried alone first: that refusal is remembered, and must not outlive the approval.
    assert.is(rejection(await ledger.execute(writeOff()))?.type, 'approval_required');
    ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1'), command: writeOff() }));
    const first = await ledger.approveRequest({ ...by('ok-1', 'board-1'), requestId: 'wo-1' });
    assert.is(first.status, 'accepted');
    assert.is(first.command?.status === 'accepted' && first.command.stream, 'loan-L1');
    const again = await ledger.approveRequest({ ...by('ok-2', 'board-2'), requestId: 'wo-1' });
    assert.equal(rejection(again), { type: 'request_already_decided',
      requestId: 'wo-1', status: 'approved' });
    assert.is(again.command?.status === 'accepted' && again.command.duplicate, true);
    const events = await allEvents(store);
    const writtenOff = events.filter((e) => e.type === 'LoanWrittenOff');
    assert.is(writtenOff.length, 1);
    // Both actors on record: the maker on the write-off, the checker on the approval.
    assert.is(writtenOff[0]?.metadata.actor, 'bm-1');
    const approved = events.find((e) => e.type === 'RequestApproved');
    assert.is(approved?.type === 'RequestApproved' && approved.data.checkerId, 'board-1');
  });

test('the maker approving her own request is refused same_maker_and_checker', async () => {
  const { ledger } = await society();
  const waive = { type: 'WaiveInterest' as const,
    data: { ...by('wv-1', 'bm-1'), loanId: 'L1', amount: '10' } };
  ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1'), command: waive }));
  const own = await ledger.approveRequest({ ...by('ok-1', 'bm-1'), requestId: 'wv-1' });
  assert.equal(rejection(own), { type: 'same_maker_and_checker', requestId: 'wv-1',
    makerId: 'bm-1', checkerId: 'bm-1' });
  assert.is(own.command, undefined);
  // A clerk may not check it either: only a branch manager or the board.
  const clerk = await ledger.approveRequest({ ...by('ok-2', 'clerk-1'), requestId: 'wv-1' });
  assert.equal(rejection(clerk), { type: 'not_authorised', actor: 'clerk-1',
    commandType: 'ApproveRequest', rolesAllowed: ['branchManager', 'board'], why: 'role' });
});

test('a declined request never runs', async () => {
  const { ledger, store } = await society();
  ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1'), command: writeOff() }));
  ok(await ledger.declineRequest({ ...by('no-1', 'board-1'), requestId: 'wo-1' }));
  const late = await ledger.approveRequest({ ...by('ok-1', 'board-2'), requestId: 'wo-1' });
  assert.equal(rejection(late), { type: 'request_already_decided', requestId: 'wo-1',
    status: 'declined' });
  assert.is(late.command, undefined);
  assert.is((await allEvents(store)).filter((e) => e.type === 'LoanWrittenOff').length, 0);
});

test('a member of staff revoked through one Ledger is refused by another over the same store',
  async () => {
    const { store, ledger: first } = await society();
    const second = await testLedger(store);
    ok(await second.withdraw(withdraw('w-1', 'cash-1')));
    ok(await first.revokeStaff({ ...by('revoke-1', 'board-1'), staffId: 'cash-1' }));
    assert.equal(rejection(await second.withdraw(withdraw('w-2', 'cash-1'))), {
      type: 'not_authorised', actor: 'cash-1', commandType: 'Withdraw',
      rolesAllowed: ['cashier'], why: 'revoked' });
  });

test('set-up: with no register anyone acts; the first appointment must be of the board',
  async () => {
    const ledger = await testLedger(memoryStore());
    assert.equal(rejection(await ledger.appointStaff({ ...by('a-1', 'x'), staffId: 'clerk-1',
      role: 'clerk', branchId: 'SONAGACHI' })), { type: 'not_authorised', actor: 'x',
      commandType: 'AppointStaff', rolesAllowed: ['board'], why: 'first_appointment_not_board' });
    ok(await ledger.admitMember({ ...by('admit', 'anyone'), memberId: 'M1',
      branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
    ok(await ledger.appointStaff({ ...by('a-2', 'founder'), staffId: 'board-1', role: 'board',
      branchId: null }));
    assert.equal(rejection(await ledger.exitMember({ ...by('exit', 'anyone'), memberId: 'M1' })),
      { type: 'not_authorised', actor: 'anyone', commandType: 'ExitMember',
        rolesAllowed: ['clerk', 'branchManager'], why: 'not_staff' });
  });

test('requireStaff: nothing but the first board appointment before a register exists',
  async () => {
    const ledger = await testLedger(memoryStore(), { requireStaff: true });
    assert.equal(rejection(await ledger.admitMember({ ...by('admit', 'anyone'), memberId: 'M1',
      branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 })), { type: 'not_authorised',
      actor: 'anyone', commandType: 'AdmitMember', rolesAllowed: ['board'],
      why: 'no_staff_register' });
    ok(await ledger.appointStaff({ ...by('a-1', 'founder'), staffId: 'board-1', role: 'board',
      branchId: null }));
  });

test('nothing dated before her appointment is hers to send: refused not_yet_appointed',
  async () => {
    const { ledger } = await society();
    // clerk-1 is in post from 1 April 2025.
    const early = await ledger.admitMember({ ...by('early', 'clerk-1', '2025-01-15'),
      memberId: 'M9', branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 });
    assert.equal(rejection(early), { type: 'not_authorised', actor: 'clerk-1',
      commandType: 'AdmitMember', rolesAllowed: ['clerk', 'branchManager', 'cashier'],
      why: 'not_yet_appointed' });
    ok(await ledger.admitMember({ ...by('on-the-day', 'clerk-1', '2025-04-01'), memberId: 'M9',
      branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 }));
    // Appointed on 1 January 2026, she may not send what is dated June 2025.
    ok(await ledger.appointStaff({ ...by('appoint-late', 'board-1', '2026-01-01'),
      staffId: 'clerk-late', role: 'clerk', branchId: 'SONAGACHI' }));
    const backdated = await ledger.admitMember({ ...by('back', 'clerk-late', '2025-06-01'),
      memberId: 'M8', branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 });
    assert.equal(rejection(backdated), { type: 'not_authorised', actor: 'clerk-late',
      commandType: 'AdmitMember', rolesAllowed: ['clerk', 'branchManager', 'cashier'],
      why: 'not_yet_appointed' });
  });

test('a reschedule names its maker: she must be in post, in a role that may ask, at the '
  + 'loan\'s branch; a name that is no one is refused', async () => {
  const { store, ledger } = await society();
  const reschedule = (id: string, actor: string, requestedBy: string) =>
    ledger.rescheduleLoan({ ...by(id, actor), loanId: 'L1', from: '2025-06-01',
      kind: 'restructured', change: { rateAnnualPercent: '0' }, requestedBy });
  const maker = (requestedBy: string, why: string) => ({ type: 'not_authorised',
    actor: requestedBy, commandType: 'RescheduleLoan', rolesAllowed: ['clerk', 'branchManager'],
    why });
  assert.equal(rejection(await reschedule('r1', 'bm-1', 'ghost')), maker('ghost', 'not_staff'));
  assert.equal(rejection(await reschedule('r2', 'board-1', 'ghost')), maker('ghost', 'not_staff'));
  assert.equal(rejection(await reschedule('r3', 'bm-1', 'cash-1')), maker('cash-1', 'role'));
  assert.equal(rejection(await reschedule('r4', 'board-1', 'board-2')),
    maker('board-2', 'role'));
  assert.is((await allEvents(store)).filter((e) => e.type === 'LoanRescheduled').length, 0);
  ok(await reschedule('r5', 'bm-1', 'clerk-1'));
});

test.run();
