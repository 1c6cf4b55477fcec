import { test } from 'uvu';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history } from '../testing/fixtures.ts';
import { createStaffDecider } from './decide.ts';

const decider = createStaffDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));

const appoint = (role: string, branchId: string | null, on = '2025-04-01', id = 'a1') =>
  command('AppointStaff', { ...by(id, on, 'board-1'), staffId: 'clerk-7', role, branchId });
const revoke = (on = '2025-06-01', id = 'r1') =>
  command('RevokeStaff', { ...by(id, on, 'board-1'), staffId: 'clerk-7' });

test('a clerk is appointed at her branch: id, role, branch and date only', () => {
  given().when(appoint('clerk', 'SONAGACHI')).then([event('StaffAppointed', {
    staffId: 'clerk-7', role: 'clerk', branchId: 'SONAGACHI', on: '2025-04-01',
  })]);
});

test('a branch role needs a branch and the board has none: invalid_staff_branch', () => {
  given().when(appoint('cashier', null))
    .thenRejects('invalid_staff_branch', { role: 'cashier', branchId: null });
  given().when(appoint('board', 'SONAGACHI'))
    .thenRejects('invalid_staff_branch', { role: 'board', branchId: 'SONAGACHI' });
});

test('a member of staff in post is not appointed twice: already_exists', () => {
  given(appoint('clerk', 'SONAGACHI')).when(appoint('cashier', 'SONAGACHI', '2025-05-01', 'a2'))
    .thenRejects('already_exists', { aggregate: 'staff', id: 'clerk-7' });
});

test('a revocation keeps her role on record; a second one is staff_revoked', () => {
  given(appoint('clerk', 'SONAGACHI')).when(revoke()).then([event('StaffRevoked', {
    staffId: 'clerk-7', role: 'clerk', on: '2025-06-01',
  })]);
  given(appoint('clerk', 'SONAGACHI'), revoke()).when(revoke('2025-06-02', 'r2'))
    .thenRejects('staff_revoked', { staffId: 'clerk-7' });
  given().when(revoke()).thenRejects('not_found', { aggregate: 'staff', id: 'clerk-7' });
});

test('a revoked member of staff may be appointed again, not on an earlier date', () => {
  given(appoint('clerk', 'SONAGACHI'), revoke())
    .when(appoint('cashier', 'KALIGHAT', '2025-07-01', 'a2')).then([event('StaffAppointed', {
      staffId: 'clerk-7', role: 'cashier', branchId: 'KALIGHAT', on: '2025-07-01',
    })]);
  given(appoint('clerk', 'SONAGACHI'), revoke())
    .when(appoint('cashier', 'KALIGHAT', '2025-05-01', 'a2'))
    .thenRejects('date_before_last_event', { on: '2025-05-01', lastOn: '2025-06-01' });
});

test.run();
