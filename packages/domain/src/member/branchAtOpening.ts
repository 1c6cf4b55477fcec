import * as t from 'io-ts';
import { BranchId } from '../shared/ids.ts';

/**
 * The member's branch when an account was opened, shares bought or a loan applied for, as her
 * stream held it then (a fact the application reads; the caller never sends it). `null` in
 * events written before the branch was recorded (schema version 1, upcast): it means "her
 * branch at the time", which her member stream still tells (admission and transfers, dated).
 */
export const BranchAtOpening = t.union([BranchId, t.null], 'BranchAtOpening');
export type BranchAtOpening = t.TypeOf<typeof BranchAtOpening>;
