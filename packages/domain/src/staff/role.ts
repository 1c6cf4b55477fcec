import type * as t from 'io-ts';
import { oneOf } from '../shared/codecs.ts';

/** What a member of staff may do, by the permission table (see permissions.ts). */
export const StaffRole = oneOf('StaffRole',
  ['clerk', 'cashier', 'branchManager', 'board', 'auditor'] as const);
export type StaffRole = t.TypeOf<typeof StaffRole>;

/** Every role, in the order of the permission table's columns. */
export const staffRoles: ReadonlyArray<StaffRole> =
  ['clerk', 'cashier', 'branchManager', 'board', 'auditor'];

/**
 * Whether a role works at one branch (and acts only on that branch's members): clerks, cashiers
 * and branch managers do; the board and auditors serve the whole society and have no branch.
 */
export const isBranchRole = (role: StaffRole): boolean =>
  role === 'clerk' || role === 'cashier' || role === 'branchManager';
