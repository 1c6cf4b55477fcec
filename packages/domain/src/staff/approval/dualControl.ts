import * as t from 'io-ts';
import { WaiveInterest, WriteOffLoan } from '../../loan/commands.ts';
import { ReverseEvent } from '../../shared/correction.ts';
import { byTag } from '../../shared/shape.ts';
import { DeclareDividend } from '../../society/commands.ts';

/**
 * The commands that need two people (maker-checker): each is first requested by one member of
 * staff (RequestApproval) and runs only once another has approved it (ApproveRequest). Loan
 * approval is the fifth, checked by the loan decider itself (the approver is not the staff
 * who recorded the application: `same_user_cannot_approve`).
 */
export const dualControlCommands = {
  WaiveInterest, WriteOffLoan, ReverseEvent, DeclareDividend,
} as const;

/** A command that needs a checker. */
export type DualControlCommand = WaiveInterest | WriteOffLoan | ReverseEvent | DeclareDividend;
/** The codec of a command that needs a checker, decoded by its `type`. */
export const DualControlCommand: t.Type<DualControlCommand, unknown, unknown> =
  byTag('DualControlCommand', 'type', dualControlCommands);

/** Whether a command type needs a checker. */
export const isDualControlType = (type: string): type is DualControlCommand['type'] =>
  Object.hasOwn(dualControlCommands, type);
