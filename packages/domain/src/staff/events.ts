import * as t from 'io-ts';
import { BranchId, UserId } from '../shared/ids.ts';
import { DateString } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { StaffRole } from './role.ts';

/** A member of staff was appointed to a role (at a branch for a branch role). */
export const StaffAppointed = eventCodec('StaffAppointed', {
  staffId: UserId,
  role: StaffRole,
  branchId: t.union([BranchId, t.null]),
  on: DateString,
});
export type StaffAppointed = t.TypeOf<typeof StaffAppointed>;

/** A member of staff's appointment was revoked; her role is kept for the record. */
export const StaffRevoked = eventCodec('StaffRevoked', {
  staffId: UserId,
  role: StaffRole,
  on: DateString,
});
export type StaffRevoked = t.TypeOf<typeof StaffRevoked>;

/** The staff register's events, by type. */
export const staffEvents = { StaffAppointed, StaffRevoked } as const;
export type StaffEvent = StaffAppointed | StaffRevoked;
