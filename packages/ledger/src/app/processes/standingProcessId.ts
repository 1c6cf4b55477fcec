import type { BusinessDate, CommandId, InstructionId } from '@usha/domain';
import { stepId } from './stepId.ts';

/**
 * The process id of one instruction's due date, `si:<instructionId>:<date>`: derived from them
 * alone, never from the run's command id, so every run of the date (again after a crash, or
 * by another Ledger over the store) sends the same steps, each stored once.
 * @example standingProcessId('SI-1', '2025-05-10') === 'si:SI-1:2025-05-10'
 */
export const standingProcessId = (instructionId: InstructionId, on: BusinessDate): CommandId =>
  stepId(`si:${instructionId}`, on);
