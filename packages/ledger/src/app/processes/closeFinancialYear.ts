import * as E from 'fp-ts/lib/Either.js';
import {
  defaultProvisioningNorms, financialYearDates, heldToBooksFirstEntry, initialSocietyState,
  routeCommand,
  societySettingsOn, streamNameFor,
  type BusinessDate, type ProvisioningNorms, type SocietyId,
} from '@usha/domain';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import {
  decodeRequest, runStep, stepCommand, type ProcessContext,
} from './processContext.ts';
import { CloseYearRequestCodec } from './processRequests.ts';
import { processRecord } from './processRecord.ts';
import { classifyLoans } from './classifyLoans.ts';
import { stepId } from './stepId.ts';

/**
 * Close a financial year: interest posted to its last day, the accruals, the loan-loss
 * provision, then the close.
 */
export interface CloseYearRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly societyId: string;
  readonly financialYear: string;
}

/**
 * Closes a financial year across aggregates: begins the close (the year's books then take no
 * new entry but its year-end interest), posts savings interest to 31 March, dated 31 March,
 * on every open savings account (one step per account), waits until the projections hold those
 * postings, records the year-end accruals as of 31 March (the accrued-interest report), sets
 * the provision for loan losses on the loans classified by days past due that day, then
 * closes the year on the society with the net profit of the income statement, now on the
 * accrual basis and after the provision (which sets aside the statutory reserve). A close the
 * society would refuse posts nothing. Step
 * ids derive from the process id and the account, so a process run again after a crash
 * completes what was left and posts nothing twice.
 */
export const closeFinancialYear = async (
  ctx: ProcessContext, request: CloseYearRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(CloseYearRequestCodec, request);
  if (E.isLeft(decoded)) return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  const pid = r.commandId;
  const proc = { id: pid, record: processRecord('closeFinancialYear', {
    commandId: r.commandId, actor: r.actor, on: r.on, societyId: r.societyId,
    financialYear: r.financialYear }) };
  const closeInput = { type: 'CloseFinancialYear', data: { actor: r.actor, on: r.on,
    commandId: stepId(pid, 'close'), societyId: r.societyId, financialYear: r.financialYear } };
  // Every step stored so far, through any Ledger over the store.
  await ctx.catchUp?.();
  // Not started yet: would the society close the year now? If not, post nothing. The
  // society's refusals (a year the calendar does not hold among them; a first close of a year
  // after one whose books hold entries, on the books' first entry: yearOrder.ts); only then is
  // the year's last day taken.
  if (ctx.processes.get(pid) === undefined) {
    const refused = await wouldRefuse(ctx, closeInput) ?? productsMissing(
      await ctx.accruedInterest({ asOf: financialYearDates(r.financialYear).end }));
    if (refused !== undefined) {
      return { status: 'rejected', processId: pid, steps: [], rejection: refused };
    }
  }
  const { end } = financialYearDates(r.financialYear);
  const steps: CommandOutcome[] = [];
  const skipped: Array<{ id: string; rejection: LedgerRejection }> = [];
  const base = { actor: r.actor, on: r.on };
  // The close begun first: from then the year's books take no new entry, through any Ledger,
  // but its year-end interest (an entry decided on the period before is sent round again, and
  // refused). Every figure below is then taken on every entry the year holds.
  const beginning = (step: string) => ({ type: 'BeginYearClose', data: { ...base,
    commandId: stepId(pid, step), societyId: r.societyId, financialYear: r.financialYear } });
  const begun = await runStep(ctx, proc, beginning('begin'));
  steps.push(begun);
  if (begun.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: begun.rejection, steps };
  }
  // Every account opened and every entry stored before the close began: the interest steps are
  // one per savings account the indexes name.
  await ctx.catchUp?.();
  const society = await ctx.handler.states.load(streamNameFor.society(r.societyId), 'society');
  const s = society.state.kind === 'society' ? society.state.state : initialSocietyState;
  const closed = s.status !== 'none' && Object.hasOwn(s.years, r.financialYear);
  // Its beginning no longer in force (another year began or closed since it, as when a close
  // refused below is run again after the earlier year closed): begun again, under a step of
  // the society stream's revision, before any figure is taken.
  if (!closed && s.status !== 'none' && s.closing !== r.financialYear) {
    const again = await runStep(ctx, proc, beginning(`begin:${society.revision ?? -1n}`));
    steps.push(again);
    if (again.status === 'rejected') {
      return { status: 'rejected', processId: pid, rejection: again.rejection, steps };
    }
  }
  // Asked again once it has begun, while a first close is held to the books' first entry:
  // from the beginning no share, deposit, loan, member or branch entry dated in or before the
  // year is taken (each is conditioned on the period it read), so that entry is final. One
  // before the year stored through another Ledger in the round trip of the beginning makes the
  // close skip that entry's year: refused here, before any interest is posted to the year (the
  // earlier year may begin instead). A close already done, or not held, is not asked again.
  if (!closed && heldToBooksFirstEntry(s, r.financialYear)) {
    const skips = await wouldRefuse(ctx, beginning('begin'));
    if (skips !== undefined) {
      return { status: 'rejected', processId: pid, rejection: skips, steps };
    }
  }
  for (const m of ctx.members.members()) {
    for (const d of m.deposits) {
      if (d.kind !== 'savings') continue;
      const id = stepId(pid, `interest:${d.accountId}`);
      const s = await ctx.handler.states.load(streamNameFor.deposit(d.accountId), 'deposit');
      const a = s.state.kind === 'deposit' ? s.state.state : undefined;
      const due = a !== undefined && a.status === 'open' && a.openedOn <= end &&
        (a.interestPostedThrough === null || a.interestPostedThrough < end);
      if (!due && ctx.commands.get(id) === undefined) continue;
      // Dated the year's last day, so the interest falls in the year it is for (the books
      // file an event by its date), also on an account with events dated later: the interest
      // is computed from the moves up to that day. An account with nothing due is listed as
      // skipped (`nothing_to_post`): no posting of 0.00 is stored.
      const o = await runStep(ctx, proc, { type: 'PostInterest', data: {
        ...base, on: end, commandId: id, accountId: d.accountId, periodTo: end,
      } });
      steps.push(o);
      if (o.status === 'rejected') skipped.push({ id: d.accountId, rejection: o.rejection });
    }
  }
  const last = steps.filter((s) => s.status === 'accepted').at(-1);
  if (last?.status === 'accepted') await ctx.waitFor(last.position);
  // The accruals as of 31 March, from the events dated by then (the postings above included):
  // recorded before the close, so the net profit it takes is that of accrual-basis books.
  // Figures of zero are recorded too: the auditor sees the accruals were made. A loan is
  // non-performing past the society's NPA threshold in force that day.
  const norms = await normsOn(ctx, r.societyId, end);
  const a = await ctx.accruedInterest({ asOf: end, npaDaysPastDue: norms.standardUpToDays });
  // Accounts of a product this Ledger's catalogue lacks are left out of the accruals: the
  // payable would be understated in the books for good. Refused, naming the products; the
  // close run again by a Ledger with the whole catalogue completes it.
  const missing = productsMissing(a);
  if (missing !== undefined) {
    return { status: 'rejected', processId: pid, steps, rejection: missing };
  }
  const accruals = await runStep(ctx, proc, { type: 'RecordYearEndAccruals', data: {
    ...base, on: end, commandId: stepId(pid, 'accruals'), societyId: r.societyId,
    financialYear: r.financialYear, depositInterestPayable: a.depositInterestPayable,
    loanInterestReceivable: a.loanInterestReceivable,
    loanInterestNotRecognised: a.loanInterestNotRecognised,
  } });
  steps.push(accruals);
  if (accruals.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: accruals.rejection, steps };
  }
  await ctx.waitFor(accruals.position);
  // The provision as of 31 March, on the loans of the same report (days past due that day),
  // classified by the same norms; recorded before the close, so the profit is after it.
  const provision = await runStep(ctx, proc, { type: 'SetLoanLossProvision', data: {
    ...base, on: end, commandId: stepId(pid, 'provision'), societyId: r.societyId,
    financialYear: r.financialYear, byClass: classifyLoans(a.loans, norms),
  } });
  steps.push(provision);
  if (provision.status === 'rejected') {
    return { status: 'rejected', processId: pid, rejection: provision.rejection, steps };
  }
  await ctx.waitFor(provision.position);
  const close = await runStep(ctx, proc, closeInput, { end: true });
  steps.push(close);
  return close.status === 'rejected'
    ? { status: 'rejected', processId: pid, rejection: close.rejection, steps }
    : { status: 'completed', processId: pid, steps, skipped };
};

// The society's norms in force on the year's last day (the defaults before it is configured:
// the close is then refused anyway).
const normsOn = async (
  ctx: ProcessContext, societyId: SocietyId, end: BusinessDate,
): Promise<ProvisioningNorms> => {
  const society = await ctx.handler.states.load(streamNameFor.society(societyId), 'society');
  const s = society.state;
  return s.kind === 'society' && s.state.status === 'configured'
    ? societySettingsOn(s.state, end).provisioningNorms : defaultProvisioningNorms;
};

// The society's answer to the close before any posting, on the net profit of now (the
// postings change it, but none of the rejections depends on it). The entries the process
// records before the close are not there yet: their absence, checked last, is no refusal.
// Accounts of a product this Ledger's catalogue lacks would be left out of the accruals: checked
// before the close begins (a doomed close stores nothing, the year stays open for entries), and
// again before the accruals of a close resumed by another Ledger.
const productsMissing = (a: { readonly productsMissing: ReadonlyArray<string> }):
  LedgerRejection | undefined => a.productsMissing.length === 0 ? undefined
  : { type: 'cannot_compute', field: 'products', reason: 'the catalogue lacks the products of '
    + `open deposit accounts (${a.productsMissing.join(', ')}): their interest cannot be `
    + 'accrued' };

const wouldRefuse = async (
  ctx: ProcessContext, input: unknown,
): Promise<LedgerRejection | undefined> => {
  const c = stepCommand(input);
  if (E.isLeft(c)) return c.left;
  const { stream, aggregate } = routeCommand(c.right);
  const society = await ctx.handler.states.load(stream, aggregate);
  const filled = await ctx.fill(c.right, society);
  if (E.isLeft(filled)) return filled.left;
  const decided = ctx.decider.decide(filled.right, society.state);
  return E.isLeft(decided) && decided.left.type !== 'year_end_entries_missing'
    ? decided.left : undefined;
};
