import { CommandId, financialYearDates, FinancialYearLabel } from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { runStep, type ProcessContext } from './processContext.ts';
import { stepId } from './stepId.ts';

/** Close a financial year: interest posted to its last day, then the close. */
export interface CloseYearRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly societyId: string;
  readonly financialYear: string;
}

/**
 * Closes a financial year across aggregates: posts savings interest to 31 March on every open
 * savings account (one step per account), waits until the projections hold those postings,
 * then closes the year on the society with the net profit of the income statement (which sets
 * aside the statutory reserve). Step ids derive from the process id and the account, so a
 * process run again after a crash completes what was left and posts nothing twice.
 */
export const closeFinancialYear = async (
  ctx: ProcessContext, r: CloseYearRequest,
): Promise<ProcessOutcome> => {
  const pid = r.commandId;
  if (!CommandId.is(pid) || !FinancialYearLabel.is(r.financialYear)) {
    return { status: 'rejected', processId: pid, steps: [], rejection: {
      type: 'invalid_command', message: 'commandId or financialYear is not valid', fields: [] } };
  }
  const { end } = financialYearDates(r.financialYear);
  const steps: CommandOutcome[] = [];
  const skipped: Array<{ id: string; rejection: LedgerRejection }> = [];
  const base = { actor: r.actor, on: r.on };
  for (const m of ctx.members.members()) {
    for (const d of m.deposits) {
      if (d.kind !== 'savings') continue;
      const id = stepId(pid, `interest:${d.accountId}`);
      const s = await ctx.handler.states.load(`deposit-${d.accountId}`, 'deposit');
      const a = s.state.kind === 'deposit' ? s.state.state : undefined;
      const due = a !== undefined && a.status === 'open' && a.openedOn <= end &&
        (a.interestPostedThrough === null || a.interestPostedThrough < end);
      if (!due && ctx.commands.get(id) === undefined) continue;
      const o = await runStep(ctx, pid, { type: 'PostInterest', data: {
        ...base, commandId: id, accountId: d.accountId, periodTo: end,
      } });
      steps.push(o);
      if (o.status === 'rejected') skipped.push({ id: d.accountId, rejection: o.rejection });
    }
  }
  const last = steps.filter((s) => s.status === 'accepted').at(-1);
  if (last?.status === 'accepted') await ctx.waitFor(last.position);
  const close = await runStep(ctx, pid, { type: 'CloseFinancialYear', data: {
    ...base, commandId: stepId(pid, 'close'), societyId: r.societyId,
    financialYear: r.financialYear,
  } });
  steps.push(close);
  return close.status === 'rejected'
    ? { status: 'rejected', processId: pid, rejection: close.rejection, steps }
    : { status: 'completed', processId: pid, steps, skipped };
};
