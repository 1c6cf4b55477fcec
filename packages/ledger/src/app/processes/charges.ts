import * as E from 'fp-ts/lib/Either.js';
import { BranchId, CommandId, DateString, UserId, closed } from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import { decodeRequest, stepCommand, type ProcessContext } from './processContext.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { chargesIndexOf, type ChargeableAccount } from './chargesIndex.ts';
import { stepId } from './stepId.ts';

/** Apply the charges by rule of every loan and deposit account of a branch for a date. */
export interface BranchChargesRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly branchId: string;
}

/** The request of `applyChargesForBranch`. */
export const BranchChargesRequestCodec = closed({
  commandId: CommandId, actor: UserId, on: DateString, branchId: BranchId,
}, 'BranchChargesRequest');

type Skip = { readonly id: string; readonly rejection: LedgerRejection };

// The one command of an account's step: ApplyCharges for a loan, ApplyDepositCharges else.
const stepFor = (a: ChargeableAccount, data: { commandId: string; actor: string; on: string }) =>
  a.kind === 'loan' ? { type: 'ApplyCharges', data: { ...data, loanId: a.id } }
    : { type: 'ApplyDepositCharges', data: { ...data, accountId: a.id } };

// Not a reason to look at the account: no rule, nothing due, closed or never lent.
const quiet = (r: LedgerRejection): boolean => r.type === 'nothing_to_charge'
  || r.type === 'account_closed' || r.type === 'loan_closed'
  || r.type === 'operation_not_allowed' || r.type === 'invalid_loan_status';

/**
 * Records what the charge rules give on `on` for every loan and every savings or recurring
 * deposit account opened at the branch, one account after another. Each account is a step of
 * its own, with an id derived from the request's id and the account's: sent again with the
 * same id (after a crash) the steps done are recognised, and with another id each rule still
 * charges a period once (the deciders refuse what is recorded already), so nothing is charged
 * twice. Accounts the rules give nothing for are left out of the outcome; any other refusal is
 * listed in `skipped`.
 * @example await ledger.applyChargesForBranch({ commandId: 'chg-B1-2025-06-01',
 *   actor: 'clerk-1', on: '2025-06-01', branchId: 'B1' })
 */
export const applyChargesForBranch = async (
  ctx: ProcessContext, request: BranchChargesRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(BranchChargesRequestCodec, request);
  if (E.isLeft(decoded)) return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  // What other Ledgers stored meanwhile: accounts they opened are charged too.
  await ctx.catchUp?.();
  const steps: CommandOutcome[] = [];
  const skipped: Skip[] = [];
  for (const a of await chargesIndexOf(ctx.store).ofBranch(r.branchId)) {
    const c = stepCommand(stepFor(a, {
      commandId: stepId(r.commandId, `${a.kind}-${a.id}`), actor: r.actor, on: r.on }));
    if (E.isLeft(c)) {
      skipped.push({ id: a.id, rejection: c.left });
      continue;
    }
    const o = await ctx.handler.handle(c.right, { fill: ctx.fill });
    if (o.status === 'rejected') {
      if (!quiet(o.rejection)) skipped.push({ id: a.id, rejection: o.rejection });
      continue;
    }
    steps.push(o);
  }
  return { status: 'completed', processId: r.commandId, steps, skipped };
};
