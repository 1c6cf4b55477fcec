import * as t from 'io-ts';
import {
  CommandId, DateString, InstructionId, RefusalReason, UserId, closed, closedWithOptional,
} from '@usha/domain';

/**
 * The request of one instruction's due date (`standingInstruction`): its process id derives
 * from the instruction and the date (standingProcessId); the amount is fixed when it starts,
 * so a run completed after a crash moves what was due then, not what is due after it paid.
 * `refusedFor`: the target took no payment (closed, not found), the date is recorded refused.
 */
export const StandingDueRequestCodec = closedWithOptional({
  commandId: CommandId, actor: UserId, on: DateString, instructionId: InstructionId,
  amount: t.string,
}, { refusedFor: RefusalReason }, 'StandingDueRequest');
/** One instruction's due date, as a process request (every field a string; see the codec). */
export interface StandingDueRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly instructionId: string;
  readonly amount: string;
  readonly refusedFor?: string;
}

/** The request of `runStandingInstructions`: the due date to run, who runs it. */
export const StandingRunRequestCodec = closed({
  commandId: CommandId, actor: UserId, on: DateString,
}, 'StandingRunRequest');
