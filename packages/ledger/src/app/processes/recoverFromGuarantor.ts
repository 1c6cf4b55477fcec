import * as E from 'fp-ts/lib/Either.js';
import { streamNameFor } from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import {
  runStep, stepCommand, type ProcessContext,
} from './processContext.ts';
import { startRequest } from './processStart.ts';
import { RecoverFromGuarantorRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { stepId } from './stepId.ts';
import { stepStored } from './stepStored.ts';

/** A written-off loan recovered, up to the lien, from a guarantor's savings. */
export interface RecoverFromGuarantorRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly loanId: string;
  /** The guarantor's savings account holding the lien for the loan. */
  readonly guarantorAccountId: string;
  readonly amount: string;
}

/**
 * Recovers a written-off loan from a guarantor in two steps on two aggregates: `CallGuarantee`
 * on her savings (a withdrawal that consumes as much of the lien), then `RecordRecovery` on the
 * loan. The recovery is tried against the loan first, so a doomed one stores nothing; if it is
 * refused after the call (the loan moved meanwhile), the money is paid back into her account
 * (the lien stays reduced: the loan needs less of it). Step ids derive from the process id:
 * after a crash the Ledger completes it at open and nothing is applied twice.
 */
export const recoverFromGuarantor = async (
  ctx: ProcessContext, request: RecoverFromGuarantorRequest,
): Promise<ProcessOutcome> => {
  const started = startRequest(RecoverFromGuarantorRequestCodec, request);
  if (E.isLeft(started)) return started.left;
  const { request: r, pid } = started.right;
  const base = { actor: r.actor, on: r.on };
  const ids = { call: stepId(pid, 'call'), recover: stepId(pid, 'recover'),
    refund: stepId(pid, 'refund') };
  const call = { type: 'CallGuarantee', data: { ...base, commandId: ids.call,
    accountId: r.guarantorAccountId, loanId: r.loanId, amount: r.amount } };
  const recover = { type: 'RecordRecovery', data: { ...base, commandId: ids.recover,
    loanId: r.loanId, amount: r.amount } };
  const c = stepCommand(call);
  const p = stepCommand(recover);
  if (E.isLeft(c) || E.isLeft(p)) {
    const rejection = E.isLeft(c) ? c.left : E.isLeft(p) ? p.left : undefined;
    if (rejection !== undefined) return { status: 'rejected', processId: pid, rejection, steps: [] };
  }
  // Not started yet: would the loan take this recovery now? If not, store nothing.
  if (E.isRight(p) && p.right.type === 'RecordRecovery' && !(await stepStored(ctx, call))) {
    const loan = await ctx.handler.states.load(streamNameFor.loan(p.right.data.loanId), 'loan');
    const tried = ctx.decider.decide(p.right, loan.state);
    if (E.isLeft(tried)) {
      return { status: 'rejected', processId: pid, rejection: tried.left, steps: [] };
    }
  }
  const proc = { id: pid, record: processRecord('recoverFromGuarantor', {
    commandId: r.commandId, actor: r.actor, on: r.on, loanId: r.loanId,
    guarantorAccountId: r.guarantorAccountId, amount: r.amount }) };
  const steps: CommandOutcome[] = [];
  const first = await runStep(ctx, proc, call);
  steps.push(first);
  if (first.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: first.rejection, steps };
  }
  const second = await runStep(ctx, proc, recover, { end: true });
  steps.push(second);
  if (second.status === 'accepted') {
    return { status: 'completed', processId: pid, steps, skipped: [] };
  }
  // Paid back as cash: the call's withdrawal was booked to cash, so the till nets to nothing.
  const refund = await runStep(ctx, proc, { type: 'MakeDeposit', data: { ...base,
    commandId: ids.refund, accountId: r.guarantorAccountId, amount: r.amount,
    source: 'cash' } }, { end: true });
  steps.push(refund);
  return { status: 'rejected', processId: pid, rejection: second.rejection, steps };
};
