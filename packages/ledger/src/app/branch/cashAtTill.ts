import * as E from 'fp-ts/lib/Either.js';
import { isFactless, routeCommand } from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import { runStep, stepCommand, type ProcessContext } from '../processes/processContext.ts';
import type { ProcessOutcome } from '../processes/processOutcome.ts';
import { startRequest } from '../processes/processStart.ts';
import { processRecord } from '../processes/processRecord.ts';
import { stepId } from '../processes/stepId.ts';
import { admissionData, tillAmountOf } from './cashAtTillAmount.ts';
import {
  CashAtTillRequestCodec, tillPurposeOf, type CashAtTillRequest,
} from './cashAtTillRequest.ts';
import { stepStored } from '../processes/stepStored.ts';

// The account command's fields: the request's, less the till's and the process's own.
const accountData = (r: CashAtTillRequest, amount: string | null) => {
  if (r.type === 'AdmitMember') return { ...admissionData(r, amount), actor: r.actor, on: r.on };
  const named = { accountId: r.accountId, loanId: r.loanId, memberId: r.memberId,
    financialYear: r.financialYear };
  const given = Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined));
  return { ...given, actor: r.actor, on: r.on, amount,
    ...(r.type === 'MakeDeposit' ? { source: 'cash' } : {}) };
};

/**
 * A member's cash through a till, in up to three steps on two streams. The till's side goes
 * first, on the branch's stream at its expected revision: the branch stream serialises every
 * till of the branch, so two counters (or two Ledgers) paying out of one till are decided one
 * after the other, and a till never goes below zero. The account's command follows; if it is
 * refused (the account moved meanwhile), the till's side is released. Each step's id derives
 * from the request's: after a crash the Ledger runs the process again at open, recognising the
 * steps done and completing the rest, so no till movement is left without its account event.
 * An admission's cash is her share product's fee (tillAmountOf); a product with none moves no
 * cash, so she is admitted in one step, with no till movement.
 */
export const cashAtTill = async (
  ctx: ProcessContext, input: CashAtTillRequest,
): Promise<ProcessOutcome> => {
  const started = startRequest(CashAtTillRequestCodec, input);
  if (E.isLeft(started)) return started.left;
  const { request: r, pid } = started.right;
  const ids = { till: stepId(pid, 'till'), account: stepId(pid, 'account'),
    release: stepId(pid, 'release') };
  const amount = tillAmountOf(ctx.products, r);
  if (E.isLeft(amount)) {
    return { status: 'rejected', processId: pid, rejection: amount.left, steps: [] };
  }
  const account = stepCommand({ type: r.type,
    data: { ...accountData(r, amount.right), commandId: ids.account } });
  if (E.isLeft(account)) {
    return { status: 'rejected', processId: pid, rejection: account.left, steps: [] };
  }
  const proc = { id: pid, record: processRecord('cashAtTill', { ...r }) };
  const c = account.right;
  // No fee, no cash: a movement of nothing would leave the till to be counted for nothing.
  if (amount.right === null) {
    const only = await runStep(ctx, proc, { type: c.type, data: c.data }, { end: true });
    return only.status === 'accepted'
      ? { status: 'completed', processId: pid, steps: [only], skipped: [] }
      : { status: 'rejected', processId: pid, rejection: only.rejection, steps: [only] };
  }
  const base = { actor: r.actor, on: r.on, branchId: r.branchId };
  const till = { type: 'MoveTillCash', data: { ...base, commandId: ids.till, tillId: r.tillId,
    purpose: tillPurposeOf[r.type], amount: amount.right, stepId: ids.account,
    accountStream: routeCommand(c).stream } };
  // Not started yet: would the account take this now? If not, store nothing at the till.
  if (isFactless(c) && !(await stepStored(ctx, till))) {
    const held = await ctx.handler.states.load(routeCommand(c).stream, routeCommand(c).aggregate);
    const tried = ctx.decider.decide(c, held.state);
    if (E.isLeft(tried)) return { status: 'rejected', processId: pid, rejection: tried.left,
      steps: [] };
  }
  const steps: CommandOutcome[] = [];
  const first = await runStep(ctx, proc, till);
  steps.push(first);
  if (first.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: first.rejection, steps };
  }
  const second = await runStep(ctx, proc, { type: c.type, data: c.data }, { end: true });
  steps.push(second);
  if (second.status === 'accepted') return { status: 'completed', processId: pid, steps,
    skipped: [] };
  const release = await runStep(ctx, proc, { type: 'ReleaseTillCash', data: {
    ...base, commandId: ids.release, stepId: ids.account } }, { end: true });
  steps.push(release);
  return { status: 'rejected', processId: pid, rejection: second.rejection, steps };
};
