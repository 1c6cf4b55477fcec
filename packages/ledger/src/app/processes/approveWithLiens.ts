import * as E from 'fp-ts/lib/Either.js';
import type { CommandId, Guarantee } from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { runStep, type ProcessContext } from './processContext.ts';
import { guaranteesOf, startRequest } from './processStart.ts';
import { ApproveWithLiensRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { stepId } from './stepId.ts';

/** A loan's approval with a lien on each guarantor's savings. */
export interface ApproveWithLiensRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly loanId: string;
  readonly principal: string;
}

const lienStep = (pid: CommandId, g: Guarantee) => stepId(pid, `lien-${g.memberId}`);
const releaseStep = (pid: CommandId, g: Guarantee) => stepId(pid, `release-${g.memberId}`);

/**
 * Approves a loan and liens each guarantor's savings for the amount she guarantees: first a
 * lien on every guarantor's account, then the approval, which commits the money only once the
 * guarantees are secured. If a lien or the approval is refused (a guarantor withdrew, the
 * borrower's savings fell), the liens placed are released again and nothing else is stored.
 * Each step's id derives from the process id: after a crash the Ledger runs it again at open,
 * steps already done are recognised, nothing is applied twice. A loan with no guarantor is
 * approved in one step.
 */
export const approveWithLiens = async (
  ctx: ProcessContext, request: ApproveWithLiensRequest,
): Promise<ProcessOutcome> => {
  const started = startRequest(ApproveWithLiensRequestCodec, request);
  if (E.isLeft(started)) return started.left;
  const { request: r, pid } = started.right;
  const guarantors = await guaranteesOf(ctx, r.loanId);
  const base = { actor: r.actor, on: r.on };
  const proc = { id: pid, record: processRecord('approveWithLiens', {
    commandId: r.commandId, actor: r.actor, on: r.on, loanId: r.loanId,
    principal: r.principal }) };
  const steps: CommandOutcome[] = [];
  const placed: Guarantee[] = [];
  let refused: CommandOutcome | undefined;
  for (const g of guarantors) {
    const s = await runStep(ctx, proc, { type: 'PlaceLien', data: { ...base,
      commandId: lienStep(pid, g), accountId: g.accountId, loanId: r.loanId,
      amount: g.amount } });
    steps.push(s);
    if (s.status === 'rejected') {
      refused = s;
      break;
    }
    placed.push(g);
  }
  if (refused === undefined) {
    const approval = await runStep(ctx, proc, { type: 'ApproveLoan', data: { ...base,
      commandId: stepId(pid, 'approve'), loanId: r.loanId, principal: r.principal } },
    { end: true });
    steps.push(approval);
    if (approval.status === 'accepted') {
      return { status: 'completed', processId: pid, steps, skipped: [] };
    }
    refused = approval;
  }
  // Undo the liens placed; the last release (or the refused step itself) ends the process.
  for (const [i, g] of placed.entries()) {
    steps.push(await runStep(ctx, proc, { type: 'ReleaseLien', data: { ...base,
      commandId: releaseStep(pid, g), accountId: g.accountId, loanId: r.loanId } },
    { end: i === placed.length - 1 }));
  }
  const rejection = refused.status === 'rejected' ? refused.rejection
    : { type: 'invalid_command' as const, message: 'unreachable', fields: [] };
  return { status: 'rejected', processId: pid, rejection, steps };
};
