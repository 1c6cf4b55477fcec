import * as E from 'fp-ts/lib/Either.js';
import { routeCommand, streamNameFor } from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import {
  decodeRequest, runStep, stepCommand, type ProcessContext,
} from './processContext.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { processRecord } from './processRecord.ts';
import { StandingDueRequestCodec, type StandingDueRequest } from './standingRequest.ts';
import { stepId } from './stepId.ts';

/**
 * The refusals that are the member's accounts' answer, recorded on the instruction so that
 * the date is decided. Any other (the actor's permission, a closed period, a conflict with
 * another writer) leaves the date undecided: the next run of it tries again.
 */
const memberRefusals: ReadonlySet<string> = new Set([
  'insufficient_balance', 'below_minimum_balance', 'lien_held', 'account_closed', 'not_found',
  'operation_not_allowed', 'member_exited', 'loan_closed', 'invalid_loan_status',
  'overpayment', 'all_instalments_paid', 'amount_not_instalment', 'amount_out_of_range',
]);

/** Whether a step's refusal decides the date (see memberRefusals). */
export const isMemberRefusal = (r: LedgerRejection): boolean =>
  memberRefusals.has(r.type);

/**
 * Sends a step, having first tried it (facts read, permissions checked, decided, nothing
 * stored) unless the log holds it already: a step refused is then never sent, so the Ledger
 * does not remember its id as refused, and a later run (by a cashier where a clerk ran it, or
 * once her balance allows) sends the same id afresh.
 */
const tryThenRun = async (
  ctx: ProcessContext, proc: Parameters<typeof runStep>[1], input: unknown, end: boolean,
): Promise<CommandOutcome> => {
  const c = stepCommand(input);
  if (E.isLeft(c)) return runStep(ctx, proc, input, { end });
  const route = routeCommand(c.right);
  // Loaded first: reading the stream shows the command index what another Ledger stored there,
  // this very step included, which is then sent as it is (a duplicate), never tried against
  // the state it made (a repayment tried after it is stored would be an overpayment).
  const target = await ctx.handler.states.load(route.stream, route.aggregate);
  if (ctx.commands.get(c.right.data.commandId) === undefined) {
    const filled = await ctx.fill(c.right, target);
    const tried = E.isLeft(filled) ? filled : ctx.decider.decide(filled.right, target.state);
    if (E.isLeft(tried)) {
      return { status: 'rejected', commandId: c.right.data.commandId, rejection: tried.left,
        duplicate: false };
    }
  }
  return runStep(ctx, proc, input, { end });
};

const rejected = (
  processId: string, rejection: LedgerRejection, steps: ReadonlyArray<CommandOutcome>,
): ProcessOutcome => ({ status: 'rejected', processId, rejection, steps });

/**
 * Pays one instruction's due date: a withdrawal from her savings, the payment into her
 * recurring deposit or loan, then `RecordStandingInstructionExecuted` on the instruction (the
 * process's end). A withdrawal her account refuses (balance short) is recorded instead as
 * `RecordStandingInstructionRefused` naming the reason; a payment refused after the withdrawal
 * (the loan moved meanwhile) is paid back into her savings, then recorded refused. Step ids
 * derive from the process id (the instruction and the date): run again, after a crash or by
 * another Ledger, the steps stored are answered as duplicates and the rest done once; and the
 * instruction's stream decides each date once, whichever run records it.
 */
export const standingDue = async (
  ctx: ProcessContext, request: StandingDueRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(StandingDueRequestCodec, request);
  if (E.isLeft(decoded)) return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  const pid = r.commandId;
  const si = await ctx.handler.states.load(streamNameFor.standing(r.instructionId), 'standing');
  if (si.state.kind !== 'standing' || si.state.state.status === 'none') {
    return rejected(pid, { type: 'not_found', aggregate: 'standing', id: r.instructionId }, []);
  }
  const s = si.state.state;
  const proc = { id: pid, record: processRecord('standingInstruction', {
    commandId: r.commandId, actor: r.actor, on: r.on, instructionId: r.instructionId,
    amount: r.amount, ...(r.refusedFor === undefined ? {} : { refusedFor: r.refusedFor }) }) };
  const base = { actor: r.actor, on: r.on };
  const steps: CommandOutcome[] = [];
  const step = async (input: unknown, end = false): Promise<CommandOutcome> => {
    const o = await tryThenRun(ctx, proc, input, end);
    steps.push(o);
    return o;
  };
  const record = async (refusal: string | undefined): Promise<ProcessOutcome> => {
    const id = { instructionId: r.instructionId, amount: r.amount };
    const o = await step(refusal === undefined
      ? { type: 'RecordStandingInstructionExecuted', data: {
        ...base, ...id, commandId: stepId(pid, 'executed') } }
      : { type: 'RecordStandingInstructionRefused', data: {
        ...base, ...id, commandId: stepId(pid, 'refused'), reason: refusal } }, true);
    return o.status === 'rejected' ? rejected(pid, o.rejection, steps)
      : { status: 'completed', processId: pid, steps, skipped: [] };
  };
  if (r.refusedFor !== undefined) return record(r.refusedFor);
  const withdraw = await step({ type: 'Withdraw', data: {
    ...base, commandId: stepId(pid, 'withdraw'), accountId: s.fromAccountId,
    amount: r.amount } });
  if (withdraw.status === 'rejected') {
    return isMemberRefusal(withdraw.rejection) ? record(withdraw.rejection.type)
      : rejected(pid, withdraw.rejection, steps);
  }
  const payId = stepId(pid, 'pay');
  const pay = await step(s.what === 'rd-instalment'
    ? { type: 'MakeDeposit', data: { ...base, commandId: payId, accountId: s.toAccountId,
      amount: r.amount, source: 'transfer' } }
    : { type: 'RecordRepayment', data: { ...base, commandId: payId, loanId: s.toAccountId,
      amount: r.amount } });
  if (pay.status === 'accepted') return record(undefined);
  const refund = await step({ type: 'MakeDeposit', data: { ...base,
    commandId: stepId(pid, 'refund'), accountId: s.fromAccountId, amount: r.amount,
    source: 'transfer' } });
  if (refund.status === 'rejected') return rejected(pid, refund.rejection, steps);
  return record(pay.rejection.type);
};
