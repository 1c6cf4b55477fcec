import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { Decider, WithFacts } from '../shared/decider.ts';
import { notBefore } from '../shared/guards.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { GiveStandingInstruction, StandingInstructionCommand } from './commands.ts';
import type { StandingInstructionEvent } from './events.ts';
import type { GiveInstructionFacts, StandingInstructionFacts } from './facts.ts';
import { instructionAccounts } from './instructionAccounts.ts';
import {
  evolveStandingInstruction, initialStandingInstructionState, type InstructionStatus,
  type StandingInstructionState,
} from './state.ts';

/** A standing instruction's command with the facts it is decided on (GiveStandingInstruction). */
export type StandingInstructionDecision =
  WithFacts<StandingInstructionCommand, StandingInstructionFacts>;

type Result = E.Either<Rejection, ReadonlyArray<StandingInstructionEvent>>;
type Given = Exclude<StandingInstructionState, { status: 'none' }>;

// The command's own fields first (they need no facts), then the accounts it names as read.
const give = (
  c: GiveStandingInstruction['data'], f: GiveInstructionFacts, s: StandingInstructionState,
): Result => {
  if (s.status !== 'none') {
    return E.left({ type: 'already_exists', aggregate: 'standing', id: s.instructionId });
  }
  const invalid = (field: string, reason: string): Result =>
    E.left({ type: 'invalid_standing_instruction', field, reason });
  if (c.toAccountId === c.fromAccountId) {
    return invalid('toAccountId', 'the same account as fromAccountId');
  }
  // A due date before the instruction was given would be paid late, as a surprise to her.
  if (c.startOn < c.on) return invalid('startOn', `before the date it is given, ${c.on}`);
  if (c.endOn !== null && c.endOn < c.startOn) {
    return invalid('endOn', `before startOn, ${c.startOn}`);
  }
  const accounts = instructionAccounts(c, f);
  if (accounts !== undefined) return E.left(accounts);
  return E.right([{ type: 'StandingInstructionGiven', data: {
    instructionId: c.instructionId, fromAccountId: c.fromAccountId, toAccountId: c.toAccountId,
    what: c.what, startOn: c.startOn, endOn: c.endOn, on: c.on } }]);
};

// The instruction as given, in one of `allowed`, the command naming it and dated after its last
// event; Left is the rejection, in the order of the reference table.
const given = (
  c: { readonly instructionId: string; readonly on: BusinessDate }, s: StandingInstructionState,
  allowed: ReadonlyArray<InstructionStatus>,
): E.Either<Rejection, Given> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'standing', id: c.instructionId });
  }
  if (s.instructionId !== c.instructionId) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'standing', expected: s.instructionId,
      got: c.instructionId });
  }
  if (!allowed.includes(s.status)) {
    return E.left({ type: 'invalid_instruction_status', instructionId: s.instructionId,
      status: s.status, allowed });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

// A due date is decided once: after the last one decided, inside the instruction's dates.
const dueDate = (on: string, s: Given): Rejection | undefined => {
  if (s.lastDueOn !== null && on <= s.lastDueOn) {
    return { type: 'instruction_already_run', instructionId: s.instructionId, dueOn: on,
      lastDueOn: s.lastDueOn };
  }
  if (on < s.startOn || (s.endOn !== null && on > s.endOn)) {
    return { type: 'invalid_standing_instruction', field: 'on',
      reason: `outside the instruction's dates, ${s.startOn} to ${s.endOn ?? 'open'}` };
  }
  return undefined;
};

const decideOne = (c: StandingInstructionDecision, s: StandingInstructionState): Result => {
  if (c.type === 'GiveStandingInstruction') return give(c.data, c.facts, s);
  const d = c.data;
  const data = { instructionId: d.instructionId, on: d.on };
  switch (c.type) {
    case 'PauseStandingInstruction':
      return E.map((): ReadonlyArray<StandingInstructionEvent> =>
        [{ type: 'StandingInstructionPaused', data }])(given(d, s, ['active']));
    case 'ResumeStandingInstruction':
      return E.map((): ReadonlyArray<StandingInstructionEvent> =>
        [{ type: 'StandingInstructionResumed', data }])(given(d, s, ['paused']));
    case 'CancelStandingInstruction':
      return E.map((): ReadonlyArray<StandingInstructionEvent> =>
        [{ type: 'StandingInstructionCancelled', data }])(given(d, s, ['active', 'paused']));
    case 'RecordStandingInstructionExecuted':
    case 'RecordStandingInstructionRefused': {
      const g = given(d, s, ['active']);
      if (E.isLeft(g)) return g;
      const ran = dueDate(d.on, g.right);
      if (ran !== undefined) return E.left(ran);
      return E.right([c.type === 'RecordStandingInstructionExecuted'
        ? { type: 'StandingInstructionExecuted', data: { ...data, amount: c.data.amount } }
        : { type: 'StandingInstructionRefused', data: { ...data, amount: c.data.amount,
          reason: c.data.reason } }]);
    }
  }
};

/**
 * The standing-instruction decider: one stream per instruction. Its own stream decides each due
 * date once (`instruction_already_run`), so a date is paid or refused at most once whichever
 * run, Ledger or retry records it. An instruction is given on its accounts' streams as read
 * (GiveInstructionFacts): from her open savings account into her own open target.
 */
export const createStandingInstructionDecider = (): Decider<StandingInstructionDecision,
  StandingInstructionEvent, StandingInstructionState> => ({
  initialState: initialStandingInstructionState,
  evolve: evolveStandingInstruction,
  decide: decideOne,
});
