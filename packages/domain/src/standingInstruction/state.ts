import type { BusinessDate } from '../dates/businessDate.ts';
import type { AccountId } from '../shared/ids.ts';
import type { InstructionKind, StandingInstructionEvent } from './events.ts';
import type { InstructionId } from './instructionId.ts';

/** Where an instruction is: running, paused, or cancelled for good. */
export type InstructionStatus = 'active' | 'paused' | 'cancelled';

/** A standing instruction as its stream holds it. */
export type StandingInstructionState =
  | { readonly status: 'none' }
  | {
    readonly status: InstructionStatus;
    readonly instructionId: InstructionId;
    readonly fromAccountId: AccountId;
    readonly toAccountId: AccountId;
    readonly what: InstructionKind;
    readonly startOn: BusinessDate;
    readonly endOn: BusinessDate | null;
    readonly lastOn: BusinessDate;
    /** The last due date paid or refused: each due date is decided once, in date order. */
    readonly lastDueOn: BusinessDate | null;
  };

/** Before the instruction is given. */
export const initialStandingInstructionState: StandingInstructionState = { status: 'none' };

/** Applies one event of an instruction's stream. */
export const evolveStandingInstruction = (
  s: StandingInstructionState, e: StandingInstructionEvent,
): StandingInstructionState => {
  if (e.type === 'StandingInstructionGiven') {
    const d = e.data;
    return { status: 'active', instructionId: d.instructionId, fromAccountId: d.fromAccountId,
      toAccountId: d.toAccountId, what: d.what, startOn: d.startOn, endOn: d.endOn,
      lastOn: d.on, lastDueOn: null };
  }
  if (s.status === 'none') return s;
  const on = e.data.on;
  switch (e.type) {
    case 'StandingInstructionPaused': return { ...s, status: 'paused', lastOn: on };
    case 'StandingInstructionResumed': return { ...s, status: 'active', lastOn: on };
    case 'StandingInstructionCancelled': return { ...s, status: 'cancelled', lastOn: on };
    case 'StandingInstructionExecuted':
    case 'StandingInstructionRefused':
      return { ...s, lastOn: on, lastDueOn: on };
  }
};
