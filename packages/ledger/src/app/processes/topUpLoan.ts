import * as E from 'fp-ts/lib/Either.js';
import { streamNameFor, type Command, type DomainEvent, type LoanId } from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { runStep, stepCommand, type ProcessContext } from './processContext.ts';
import { startRequest } from './processStart.ts';
import { TopUpLoanRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { stepId } from './stepId.ts';
import { stepStored } from './stepStored.ts';

/** A new loan paid out as a top-up of an active loan of hers, which it pays off. */
export interface TopUpLoanRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  /** The new loan, approved and not yet paid out. */
  readonly loanId: string;
  /** The loan it pays off. */
  readonly topUpOf: string;
  /** The first tranche, when the new loan is paid out in tranches. */
  readonly amount?: string;
}

// Would the Ledger accept this command now? Its facts are read and the decider asked, nothing
// stored: Left is the rejection it would meet.
const wouldAccept = async (
  ctx: ProcessContext, c: Command, stream: string,
): Promise<E.Either<LedgerRejection, ReadonlyArray<DomainEvent>>> => {
  const target = await ctx.handler.states.load(stream, 'loan');
  const filled = await ctx.fill(c, target);
  return E.isLeft(filled) ? filled : ctx.decider.decide(filled.right, target.state);
};

// The payoff the disbursement withheld, as its LoanDisbursed records it.
const payoffOf = (o: CommandOutcome): string | undefined => {
  if (o.status !== 'accepted') return undefined;
  for (const { event } of o.events) {
    if (event.type === 'LoanDisbursed' && event.data.topUpOf !== null) {
      return event.data.topUpOf.payoff;
    }
  }
  return undefined;
};

/**
 * Pays out a top-up loan and closes the loan it pays off, on two streams: first the new loan's
 * disbursement (LoanDisbursed naming `topUpOf` and the payoff it withheld from the member),
 * then the old loan's PayOffByTopUp with that payoff (LoanPaidOffByTopUp, LoanClosed
 * 'topped_up'). Before anything is stored both are tried, so a doomed top-up (not allowed,
 * not her loan, payoff above the principal, a step the actor may not take) stores nothing.
 * Each step's id derives from the process id: run again after a crash, the disbursement
 * already stored is recognised and only the payoff is applied, once.
 */
export const topUpLoan = async (
  ctx: ProcessContext, request: TopUpLoanRequest,
): Promise<ProcessOutcome> => {
  const started = startRequest(TopUpLoanRequestCodec, request);
  if (E.isLeft(started)) return started.left;
  const { request: r, pid } = started.right;
  const base = { actor: r.actor, on: r.on };
  const amount: { amount?: string } = r.amount === undefined ? {} : { amount: r.amount };
  const ids = { disburse: stepId(pid, 'disburse'), payoff: stepId(pid, 'payoff') };
  const disburse = { type: 'DisburseLoan', data: { ...base, commandId: ids.disburse,
    loanId: r.loanId, topUpOf: r.topUpOf, ...amount } };
  const payoffStep = (payoff: string) => ({ type: 'PayOffByTopUp', data: { ...base,
    commandId: ids.payoff, loanId: r.topUpOf, byLoanId: r.loanId, amount: payoff } });
  const rejected = (rejection: LedgerRejection, steps: CommandOutcome[] = []):
    ProcessOutcome => ({ status: 'rejected', processId: pid, rejection, steps });
  if (!(await stepStored(ctx, disburse))) {
    const tried = await tryBoth(ctx, r, disburse, payoffStep);
    if (tried !== undefined) return rejected(tried);
  }
  const proc = { id: pid, record: processRecord('topUpLoan', { commandId: r.commandId,
    actor: r.actor, on: r.on, loanId: r.loanId, topUpOf: r.topUpOf, ...amount }) };
  const first = await runStep(ctx, proc, disburse);
  if (first.status === 'rejected') return rejected(first.rejection, [first]);
  const payoff = payoffOf(first);
  if (payoff === undefined) {
    return rejected({ type: 'cannot_compute', field: 'topUpOf',
      reason: `loan ${r.loanId} was paid out without a top-up payoff` }, [first]);
  }
  const second = await runStep(ctx, proc, payoffStep(payoff), { end: true });
  return second.status === 'accepted'
    ? { status: 'completed', processId: pid, steps: [first, second], skipped: [] }
    : rejected(second.rejection, [first, second]);
};

// The rejection either step would meet now, the payoff taken from the disbursement decided.
const tryBoth = async (
  ctx: ProcessContext, r: { readonly loanId: LoanId; readonly topUpOf: LoanId },
  disburse: unknown, payoffStep: (payoff: string) => unknown,
): Promise<LedgerRejection | undefined> => {
  const d = stepCommand(disburse);
  if (E.isLeft(d)) return d.left;
  const decided = await wouldAccept(ctx, d.right, streamNameFor.loan(r.loanId));
  if (E.isLeft(decided)) return decided.left;
  let payoff: string | undefined;
  for (const e of decided.right) {
    if (e.type === 'LoanDisbursed') payoff = e.data.topUpOf?.payoff;
  }
  if (payoff === undefined) return undefined;
  const p = stepCommand(payoffStep(payoff));
  if (E.isLeft(p)) return p.left;
  const paid = await wouldAccept(ctx, p.right, streamNameFor.loan(r.topUpOf));
  return E.isLeft(paid) ? paid.left : undefined;
};
