import * as t from 'io-ts';
import { BranchIdInput, UserIdInput } from '../shared/ids.ts';
import { commandCodec } from '../shared/shape.ts';
import { StaffRole } from './role.ts';

/**
 * Appoint a member of staff: her opaque user id (the `actor` of the commands she sends), her
 * role, and her branch (a branch role needs one; board and auditors have none, `null`).
 * No name or phone: those stay with the society's personnel records, never in the log.
 */
export const AppointStaff = commandCodec('AppointStaff', {
  staffId: UserIdInput,
  role: StaffRole,
  branchId: t.union([BranchIdInput, t.null]),
});
export type AppointStaff = t.TypeOf<typeof AppointStaff>;

/** Revoke a member of staff: from then on her commands are refused (`not_authorised`). */
export const RevokeStaff = commandCodec('RevokeStaff', { staffId: UserIdInput });
export type RevokeStaff = t.TypeOf<typeof RevokeStaff>;

/** The staff register's commands, by type. */
export const staffCommands = { AppointStaff, RevokeStaff } as const;
export type StaffCommand = AppointStaff | RevokeStaff;
