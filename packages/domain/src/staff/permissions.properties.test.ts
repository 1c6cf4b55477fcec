import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { commandTypes, type Command } from '../commandCatalogue.ts';
import { businessDate } from '../dates/businessDate.ts';
import { BranchId, CommandId, UserId } from '../shared/ids.ts';
import { must } from '../testing/fixtures.ts';
import { dualControlCommands, type DualControlCommand } from './approval/dualControl.ts';
import type { ApprovalState } from './approval/state.ts';
import {
  authorise, checkersFor, permissions, rolesFor, type PermissionTable,
} from './permissions.ts';
import { isBranchRole, staffRoles, type StaffRole } from './role.ts';
import type { StaffState } from './state.ts';

// authorise reads a command's type, actor and id (and a request's command) only: a stub with
// those fields stands for any command of the type. The cast is the test's, never the code's.
const stub = (type: string, actor: string, more: object = {}): Command =>
  ({ type, data: { commandId: 'c-1', actor, on: '2025-06-01', ...more } }) as unknown as Command;
const day = businessDate('2025-04-01');
const user = (id: string) => must(UserId, id);

const branches = ['SONAGACHI', 'KALIGHAT'] as const;
const staff = (role: StaffRole, branch: string, status: 'active' | 'revoked' = 'active'):
  StaffState => ({
  status, staffId: user('u-1'), role, appointedOn: day, lastOn: day,
  branchId: isBranchRole(role) ? must(BranchId, branch) : null,
});
const isCommandType = (t: string): t is Command['type'] => Object.hasOwn(permissions, t);
const typed = commandTypes.filter(isCommandType);
const directTypes = typed.filter((t) => permissions[t].by !== 'requested command');
const dualTypes = typed.filter((t) => Object.hasOwn(dualControlCommands, t));
const approved = (c: Command): ApprovalState => ({
  status: 'approved', requestId: must(CommandId, 'c-1'), makerId: c.data.actor,
  // A stub of a command needing a checker (the same cast as `stub`'s).
  command: c as DualControlCommand, requestedOn: day, decidedBy: user('u-2'), lastOn: day,
});
const pending = (type: string): ApprovalState => {
  const a = approved(stub(type, 'u-9'));
  return a.status === 'none' ? a : { ...a, status: 'pending', decidedBy: null };
};

// The table's answer: the role is listed, and a branch role acts in her own branch only.
const allowed = (roles: ReadonlyArray<StaffRole>, role: StaffRole, own: string, of: string) =>
  roles.includes(role) && (!isBranchRole(role) || own === of);

const arbitraries = [
  fc.constantFrom(...staffRoles), fc.constantFrom(...branches), fc.constantFrom(...branches),
] as const;

test('for every command type and role, authorise agrees with the table', () => {
  fc.assert(fc.property(fc.constantFrom(...directTypes), ...arbitraries, (type, role, own, of) => {
    // A reschedule names its maker: here one who may ask (a clerk of the member's branch),
    // so that the table alone decides (the maker's own rule has its test below).
    const named = type === 'RescheduleLoan';
    const c = stub(type, 'u-1', named ? { requestedBy: 'u-2' } : {});
    const approval = { state: approved(c), sameCommand: true };
    const r = authorise(c, staff(role, own), { branchId: must(BranchId, of), approval,
      ...named ? { maker: staff('clerk', of) } : {} });
    const expected = allowed(rolesFor(type), role, own, of);
    assert.is(E.isRight(r), expected, `${type} by ${role}`);
    if (E.isLeft(r)) {
      assert.equal(r.left, { type: 'not_authorised', actor: 'u-1', commandType: type,
        rolesAllowed: [...rolesFor(type)], why: rolesFor(type).includes(role)
          ? 'other_branch' : 'role' });
    }
  }), { numRuns: 2000 });
});

test('for every command needing a checker and role, requests and approvals follow the table',
  () => {
    fc.assert(fc.property(fc.constantFrom(...dualTypes), ...arbitraries, (type, role, own, of) => {
      const facts = { branchId: must(BranchId, of) };
      const request = stub('RequestApproval', 'u-1', { command: stub(type, 'u-1') });
      const asked = authorise(request, staff(role, own), facts);
      assert.is(E.isRight(asked), allowed(rolesFor(type), role, own, of));
      const approve = stub('ApproveRequest', 'u-1', { requestId: 'c-1' });
      const checked = authorise(approve, staff(role, own), { ...facts, request: pending(type) });
      assert.is(E.isRight(checked), allowed(checkersFor(type), role, own, of));
    }), { numRuns: 1000 });
  });

test('nobody revoked or never appointed, and no auditor, may send any command', () => {
  fc.assert(fc.property(fc.constantFrom(...directTypes), fc.constantFrom(...staffRoles),
    (type, role) => {
      const c = stub(type, 'u-1');
      const facts = { branchId: must(BranchId, 'SONAGACHI') };
      const whys = [authorise(c, staff(role, 'SONAGACHI', 'revoked'), facts),
        authorise(c, { status: 'none' }, facts), authorise(c, staff('auditor', ''), facts)]
        .map((r) => E.isLeft(r) && r.left.type === 'not_authorised' ? r.left.why : 'allowed');
      assert.equal(whys, ['revoked', 'not_staff', 'role']);
    }));
});

test('a command needing a checker runs only on its own approved request', () => {
  const c = stub('WriteOffLoan', 'u-1');
  const bm = staff('branchManager', 'SONAGACHI');
  const at = (approval?: { state: ApprovalState; sameCommand: boolean }) => authorise(c, bm,
    { branchId: must(BranchId, 'SONAGACHI'), ...(approval === undefined ? {} : { approval }) });
  assert.equal(at(), E.left({ type: 'approval_required', commandType: 'WriteOffLoan',
    requestId: 'c-1', status: 'none' }));
  assert.equal(at({ state: pending('WriteOffLoan'), sameCommand: true }), E.left({
    type: 'approval_required', commandType: 'WriteOffLoan', requestId: 'c-1',
    status: 'pending' }));
  assert.equal(at({ state: approved(c), sameCommand: false }), E.left({
    type: 'approval_required', commandType: 'WriteOffLoan', requestId: 'c-1', status: 'none' }));
  assert.equal(at({ state: approved(c), sameCommand: true }), E.right(true));
});

test('a deposit of the dividend run takes the dividend roles; a cash one the cashier\'s', () => {
  const facts = { branchId: must(BranchId, 'SONAGACHI') };
  const deposit = (source: string) => stub('MakeDeposit', 'u-1', { source });
  const by = (role: StaffRole, source: string) =>
    E.isRight(authorise(deposit(source), staff(role, 'SONAGACHI'), facts));
  assert.equal(staffRoles.filter((r) => by(r, 'dividend')), ['branchManager', 'board']);
  assert.equal(staffRoles.filter((r) => by(r, 'cash')), ['cashier']);
});

test('a branch role is refused where the branch is not known', () => {
  const r = authorise(stub('Withdraw', 'u-1'), staff('cashier', 'SONAGACHI'),
    { branchId: undefined });
  assert.ok(E.isLeft(r) && r.left.type === 'not_authorised' && r.left.why === 'branch_unknown');
});

test('the compiler refuses a table without a row for every command type', () => {
  const { AdmitMember: _left, ...rest } = permissions;
  // @ts-expect-error AdmitMember is missing: the table does not type-check without it.
  const refused: PermissionTable = rest;
  assert.is(Object.keys(refused).length, commandTypes.length - 1);
});

test('a reschedule\'s named maker is authorised as she would be to ask: in post, a clerk or '
  + 'branch manager of the member\'s branch', () => {
  fc.assert(fc.property(...arbitraries, fc.boolean(), (role, own, of, revoked) => {
    const c = stub('RescheduleLoan', 'u-1', { requestedBy: 'u-2' });
    const r = authorise(c, staff('branchManager', of), { branchId: must(BranchId, of),
      maker: staff(role, own, revoked ? 'revoked' : 'active') });
    const ok = !revoked && allowed(['clerk', 'branchManager'], role, own, of);
    assert.is(E.isRight(r), ok, `maker ${role} of ${own}, member of ${of}`);
    if (E.isLeft(r)) assert.equal([r.left.type, 'actor' in r.left && r.left.actor],
      ['not_authorised', 'u-2']);
  }));
  const none = authorise(stub('RescheduleLoan', 'u-1', { requestedBy: 'ghost' }),
    staff('branchManager', 'SONAGACHI'), { branchId: must(BranchId, 'SONAGACHI') });
  assert.equal(E.isLeft(none) && none.left, { type: 'not_authorised', actor: 'ghost',
    commandType: 'RescheduleLoan', rolesAllowed: ['clerk', 'branchManager'], why: 'not_staff' });
});

test.run();
