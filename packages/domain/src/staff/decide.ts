import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../shared/decider.ts';
import { notBefore } from '../shared/guards.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { AppointStaff, RevokeStaff, StaffCommand } from './commands.ts';
import type { StaffEvent } from './events.ts';
import { isBranchRole } from './role.ts';
import { evolveStaff, initialStaffState, type StaffState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<StaffEvent>>;

// A stream holds one staff member: a command naming another is misrouted.
const wrongStaff = (s: StaffState, staffId: string): Rejection | undefined =>
  s.status !== 'none' && s.staffId !== staffId
    ? { type: 'wrong_aggregate', aggregate: 'staff', expected: s.staffId, got: staffId }
    : undefined;

const appoint = (c: AppointStaff['data'], s: StaffState): Result => {
  const wrong = wrongStaff(s, c.staffId);
  if (wrong !== undefined) return E.left(wrong);
  if (s.status === 'active') {
    return E.left({ type: 'already_exists', aggregate: 'staff', id: s.staffId });
  }
  if (isBranchRole(c.role) !== (c.branchId !== null)) {
    return E.left({ type: 'invalid_staff_branch', role: c.role, branchId: c.branchId });
  }
  // A revoked member of staff may be appointed again (to any role): a new appointment.
  if (s.status === 'revoked') {
    const date = notBefore(c.on, s.lastOn);
    if (E.isLeft(date)) return date;
  }
  return E.right([{ type: 'StaffAppointed', data: {
    staffId: c.staffId, role: c.role, branchId: c.branchId, on: c.on,
  } }]);
};

const revoke = (c: RevokeStaff['data'], s: StaffState): Result => {
  if (s.status === 'none') return E.left({ type: 'not_found', aggregate: 'staff', id: c.staffId });
  const wrong = wrongStaff(s, c.staffId);
  if (wrong !== undefined) return E.left(wrong);
  if (s.status === 'revoked') return E.left({ type: 'staff_revoked', staffId: s.staffId });
  const date = notBefore(c.on, s.lastOn);
  if (E.isLeft(date)) return date;
  return E.right([{ type: 'StaffRevoked', data: {
    staffId: s.staffId, role: s.role, on: c.on,
  } }]);
};

/**
 * The staff decider: appointments and revocations, one stream per member of staff. Who may
 * send these (the board) is the permission table's business, not the decider's.
 */
export const createStaffDecider = (): Decider<StaffCommand, StaffEvent, StaffState> => ({
  initialState: initialStaffState,
  evolve: evolveStaff,
  decide: (command, state) => {
    switch (command.type) {
      case 'AppointStaff': return appoint(command.data, state);
      case 'RevokeStaff': return revoke(command.data, state);
    }
  },
});
