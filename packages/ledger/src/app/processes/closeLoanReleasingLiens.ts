import * as E from 'fp-ts/lib/Either.js';
import { streamNameFor } from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { runStep, type ProcessContext } from './processContext.ts';
import { guaranteesOf, startRequest } from './processStart.ts';
import { CloseLoanReleasingLiensRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { stepId } from './stepId.ts';

/** A loan's closing, with the liens on its guarantors' savings released. */
export interface CloseLoanReleasingLiensRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly loanId: string;
}

/**
 * Closes a loan, then releases the lien it holds on each guarantor's savings account. The
 * closing comes first: refused (the loan is not settled), nothing is stored; a loan its last
 * repayment closed already goes straight to the releases. A guarantor's
 * lien released already (by ReleaseLien) is passed over as skipped. Each step's id derives
 * from the process id, so a run cut short is completed at the Ledger's next open.
 */
export const closeLoanReleasingLiens = async (
  ctx: ProcessContext, request: CloseLoanReleasingLiensRequest,
): Promise<ProcessOutcome> => {
  const started = startRequest(CloseLoanReleasingLiensRequestCodec, request);
  if (E.isLeft(started)) return started.left;
  const { request: r, pid } = started.right;
  const loan = await ctx.handler.states.load(streamNameFor.loan(r.loanId), 'loan');
  const guarantors = await guaranteesOf(ctx, r.loanId);
  const base = { actor: r.actor, on: r.on };
  const proc = { id: pid, record: processRecord('closeLoanReleasingLiens', {
    commandId: r.commandId, actor: r.actor, on: r.on, loanId: r.loanId }) };
  // A loan repaid in full is closed by its last repayment: only its liens are left to release.
  const closed = loan.state.kind === 'loan' && loan.state.state.status === 'closed';
  const steps: CommandOutcome[] = [];
  if (!closed) {
    const closing = await runStep(ctx, proc, { type: 'CloseLoan', data: { ...base,
      commandId: stepId(pid, 'close'), loanId: r.loanId } }, { end: guarantors.length === 0 });
    if (closing.status === 'rejected') {
      return { status: 'rejected', processId: pid, rejection: closing.rejection,
        steps: [closing] };
    }
    steps.push(closing);
  }
  const skipped: Array<{ readonly id: string; readonly rejection: LedgerRejection }> = [];
  for (const [i, g] of guarantors.entries()) {
    const s = await runStep(ctx, proc, { type: 'ReleaseLien', data: { ...base,
      commandId: stepId(pid, `release-${g.memberId}`), accountId: g.accountId,
      loanId: r.loanId } }, { end: i === guarantors.length - 1 });
    steps.push(s);
    if (s.status === 'rejected') skipped.push({ id: g.accountId, rejection: s.rejection });
  }
  return { status: 'completed', processId: pid, steps, skipped };
};
