import * as E from 'fp-ts/lib/Either.js';
import {
  loanInstalmentDue, moneyString, rdInstalmentDue, streamNameFor, LoanId,
  type AmountDue, type BusinessDate, type InstructionId, type StandingInstructionState,
} from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import { decodeRequest, type ProcessContext } from './processContext.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { processRequests } from './processRecord.ts';
import { standingDue } from './standingDue.ts';
import { standingIndexOf } from './standingIndex.ts';
import { standingProcessId } from './standingProcessId.ts';
import { StandingRunRequestCodec } from './standingRequest.ts';

/** Run one business date's standing instructions. */
export interface StandingRunRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
}

type Given = Exclude<StandingInstructionState, { status: 'none' }>;
type Skip = { readonly id: string; readonly rejection: LedgerRejection };

// What the instruction's target has due on the date, read from its stream as it is now.
const amountDue = async (
  ctx: ProcessContext, s: Given, on: BusinessDate,
): Promise<AmountDue> => {
  if (s.what === 'rd-instalment') {
    const rd = await ctx.handler.states.load(streamNameFor.deposit(s.toAccountId), 'deposit');
    return rd.state.kind === 'deposit' ? rdInstalmentDue(rd.state.state, on)
      : { kind: 'refused', reason: 'not_found' };
  }
  const loanId = LoanId.decode(s.toAccountId);
  if (E.isLeft(loanId)) return { kind: 'refused', reason: 'not_found' };
  const loan = await ctx.handler.states.load(streamNameFor.loan(loanId.right), 'loan');
  return loan.state.kind === 'loan' ? loanInstalmentDue(loan.state.state, on)
    : { kind: 'refused', reason: 'not_found' };
};

/**
 * One instruction on the date: the process already started for it (after a crash, by this
 * Ledger or another) is completed from its recorded request; otherwise, if it is active and
 * due, its process starts with the amount due now. Undefined: nothing to do.
 */
const runOne = async (
  ctx: ProcessContext, r: { actor: string; on: BusinessDate }, id: InstructionId,
  skipped: Skip[],
): Promise<ProcessOutcome | undefined> => {
  const pid = standingProcessId(id, r.on);
  const started = ctx.processes.get(pid);
  if (started?.ended === true) return undefined;
  if (started?.record?.name === 'standingInstruction') {
    const recorded = processRequests.standingInstruction.decode(started.record.request);
    if (E.isRight(recorded)) return standingDue(ctx, recorded.right);
  }
  const si = await ctx.handler.states.load(streamNameFor.standing(id), 'standing');
  if (si.state.kind !== 'standing' || si.state.state.status === 'none') return undefined;
  const s = si.state.state;
  if (r.on < s.startOn || (s.endOn !== null && r.on > s.endOn)) return undefined;
  if (s.lastDueOn !== null && r.on <= s.lastDueOn) return undefined;
  if (s.status !== 'active') {
    const due = await amountDue(ctx, s, r.on);
    if (due.kind !== 'not_due') {
      skipped.push({ id, rejection: { type: 'invalid_instruction_status', instructionId: id,
        status: s.status, allowed: ['active'] } });
    }
    return undefined;
  }
  const due = await amountDue(ctx, s, r.on);
  if (due.kind === 'not_due') return undefined;
  // A target that takes no payment (closed, not found): the date is recorded refused, Rs 0.
  const amount = due.kind === 'due' ? due.amount : 0n;
  return standingDue(ctx, { commandId: pid, actor: r.actor, on: r.on, instructionId: id,
    amount: moneyString(amount), ...(due.kind === 'refused' ? { refusedFor: due.reason } : {}) });
};

/**
 * Runs every standing instruction due on `on`, one after another in the order they were
 * given: each active instruction whose target has a due date then is paid, or refused and the
 * refusal recorded (standingDue.ts); paused and cancelled ones are listed in `skipped`. Each
 * instruction's date is its own process, with ids derived from the instruction and the date,
 * so the run may be sent again (after a crash, by another Ledger, with another command id) and
 * pays each due date at most once.
 * @example await ledger.runStandingInstructions({ commandId: 'si-2025-05-10',
 *   actor: 'cashier-1', on: '2025-05-10' })
 */
export const runStandingInstructions = async (
  ctx: ProcessContext, request: StandingRunRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(StandingRunRequestCodec, request);
  if (E.isLeft(decoded)) return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  // What other Ledgers stored meanwhile: their processes of this date are then recognised.
  await ctx.catchUp?.();
  const steps: CommandOutcome[] = [];
  const skipped: Skip[] = [];
  for (const id of await standingIndexOf(ctx.store).instructions()) {
    const o = await runOne(ctx, r, id, skipped);
    if (o === undefined) continue;
    steps.push(...o.steps);
    if (o.status === 'rejected') skipped.push({ id, rejection: o.rejection });
  }
  return { status: 'completed', processId: r.commandId, steps, skipped };
};
