import * as t from 'io-ts';
import { AccountIdInput } from '../shared/ids.ts';
import { DateString, MoneyInput, PositiveMoneyInput } from '../shared/codecs.ts';
import { commandCodec } from '../shared/shape.ts';
import { InstructionKind, RefusalReason } from './events.ts';
import { InstructionIdInput } from './instructionId.ts';

const instruction = { instructionId: InstructionIdInput };

/**
 * Give a standing instruction: from her savings account `fromAccountId` to `toAccountId` (her
 * recurring deposit, or her loan's id for a loan instalment), from `startOn` to `endOn` (null:
 * until cancelled).
 */
export const GiveStandingInstruction = commandCodec('GiveStandingInstruction', {
  ...instruction, fromAccountId: AccountIdInput, toAccountId: AccountIdInput,
  what: InstructionKind, startOn: DateString, endOn: t.union([DateString, t.null]),
});
export type GiveStandingInstruction = t.TypeOf<typeof GiveStandingInstruction>;

/** Pause an active instruction. */
export const PauseStandingInstruction = commandCodec('PauseStandingInstruction', instruction);
export type PauseStandingInstruction = t.TypeOf<typeof PauseStandingInstruction>;

/** Resume a paused instruction. */
export const ResumeStandingInstruction = commandCodec('ResumeStandingInstruction', instruction);
export type ResumeStandingInstruction = t.TypeOf<typeof ResumeStandingInstruction>;

/** Cancel an active or paused instruction, for good. */
export const CancelStandingInstruction = commandCodec('CancelStandingInstruction', instruction);
export type CancelStandingInstruction = t.TypeOf<typeof CancelStandingInstruction>;

/** Record that the due date `on` was paid (a step of runStandingInstructions). */
export const RecordStandingInstructionExecuted = commandCodec(
  'RecordStandingInstructionExecuted', { ...instruction, amount: PositiveMoneyInput });
export type RecordStandingInstructionExecuted =
  t.TypeOf<typeof RecordStandingInstructionExecuted>;

/** Record that the due date `on` was refused, and why (a step of runStandingInstructions). */
export const RecordStandingInstructionRefused = commandCodec(
  'RecordStandingInstructionRefused', { ...instruction, amount: MoneyInput,
    reason: RefusalReason });
export type RecordStandingInstructionRefused = t.TypeOf<typeof RecordStandingInstructionRefused>;

/** The commands of a standing instruction's stream, by type. */
export const standingInstructionCommands = {
  GiveStandingInstruction, PauseStandingInstruction, ResumeStandingInstruction,
  CancelStandingInstruction, RecordStandingInstructionExecuted,
  RecordStandingInstructionRefused,
} as const;
export type StandingInstructionCommand = GiveStandingInstruction | PauseStandingInstruction
  | ResumeStandingInstruction | CancelStandingInstruction | RecordStandingInstructionExecuted
  | RecordStandingInstructionRefused;
