import * as E from 'fp-ts/lib/Either.js';
import { CommandId, streamNameFor } from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import {
  decodeRequest, runStep, stepCommand, type ProcessContext,
} from './processContext.ts';
import { RepayFromSavingsRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { stepId } from './stepId.ts';
import { stepStored } from './stepStored.ts';

/** A loan instalment paid out of the member's savings account. */
export interface RepayFromSavingsRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly loanId: string;
  readonly accountId: string;
  readonly amount: string;
}

/**
 * Repays a loan from savings in two steps on two aggregates: withdraw from the account, then
 * record the repayment. The repayment is tried against the loan first, so a doomed one stores
 * nothing; if it is refused after the withdrawal (the loan moved meanwhile), the money is paid
 * back into the account. Each step's id derives from the process id: run it again after a crash
 * and the steps already done are recognised, the rest completed, nothing applied twice.
 */
export const repayFromSavings = async (
  ctx: ProcessContext, request: RepayFromSavingsRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(RepayFromSavingsRequestCodec, request);
  if (E.isLeft(decoded)) return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  const pid = CommandId.is(r.commandId) ? r.commandId : undefined;
  const base = { actor: r.actor, on: r.on };
  const ids = pid === undefined ? undefined
    : { withdraw: stepId(pid, 'withdraw'), repay: stepId(pid, 'repay'),
      refund: stepId(pid, 'refund') };
  const withdraw = { type: 'Withdraw',
    data: { ...base, commandId: ids?.withdraw, accountId: r.accountId, amount: r.amount } };
  const repay = { type: 'RecordRepayment',
    data: { ...base, commandId: ids?.repay, loanId: r.loanId, amount: r.amount } };
  const w = stepCommand(withdraw);
  const p = stepCommand(repay);
  if (pid === undefined || ids === undefined || E.isLeft(w) || E.isLeft(p)) {
    const rejection = E.isLeft(w) ? w.left : E.isLeft(p) ? p.left
      : { type: 'invalid_command' as const, message: 'commandId is not an id', fields: [] };
    return { status: 'rejected', processId: r.commandId, rejection, steps: [] };
  }
  // Not started yet: would the loan take this repayment now? If not, store nothing.
  if (p.right.type === 'RecordRepayment' && !(await stepStored(ctx, withdraw))) {
    const loan = await ctx.handler.states.load(streamNameFor.loan(p.right.data.loanId), 'loan');
    const tried = ctx.decider.decide(p.right, loan.state);
    if (E.isLeft(tried)) {
      return { status: 'rejected', processId: pid, rejection: tried.left, steps: [] };
    }
  }
  const proc = { id: pid, record: processRecord('repayFromSavings', {
    commandId: r.commandId, actor: r.actor, on: r.on, loanId: r.loanId,
    accountId: r.accountId, amount: r.amount }) };
  const steps: CommandOutcome[] = [];
  const first = await runStep(ctx, proc, withdraw);
  steps.push(first);
  if (first.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: first.rejection, steps };
  }
  const second = await runStep(ctx, proc, repay, { end: true });
  steps.push(second);
  if (second.status === 'accepted') {
    return { status: 'completed', processId: pid, steps, skipped: [] };
  }
  const refund = await runStep(ctx, proc, { type: 'MakeDeposit', data: {
    ...base, commandId: ids.refund, accountId: r.accountId, amount: r.amount, source: 'transfer',
  } }, { end: true });
  steps.push(refund);
  return { status: 'rejected', processId: pid, rejection: second.rejection, steps };
};
