import {
  allocationBatch, allocationDigest, CommandId, creditAwaitsDeposit, dividendParts,
  dividendSavingsFact, standingCredit, streamNameFor,
  type DividendDeclared, type DividendPart, type MoneyString, type ShareState, type SocietyId,
} from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { Position } from '../../eventStore/position.ts';
import { shareHoldings } from '../commands/shareHoldings.ts';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { decodeRequest, runStep, type ProcessContext } from './processContext.ts';
import { CreditDividendsRequestCodec } from './processRequests.ts';
import { processRecord, type RunningProcess } from './processRecord.ts';
import { stepId } from './stepId.ts';

/** Credit a declared dividend to every member's savings account. */
export interface CreditDividendsRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly societyId: string;
  readonly financialYear: string;
}

/** The year's declaration, where the log holds it, and the batches of its parts so far. */
interface Declared {
  readonly declaration: DividendDeclared['data'];
  readonly position: Position;
  readonly batches: ReadonlyArray<ReadonlyArray<DividendPart>>;
}

const declared = async (
  ctx: ProcessContext, societyId: SocietyId, fy: string,
): Promise<Declared | undefined> => {
  let found: { data: DividendDeclared['data']; position: Position } | undefined;
  const batches: Array<ReadonlyArray<DividendPart>> = [];
  try {
    for await (const e of ctx.store.readStream(streamNameFor.society(societyId))) {
      if (e.type === 'DividendDeclared' && e.data.financialYear === fy) {
        found = { data: e.data, position: e.position };
      }
      // The society records batch n only after batch n - 1: the log holds them in order.
      if (e.type === 'DividendAllocated' && e.data.financialYear === fy) {
        batches.push(e.data.parts);
      }
    }
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  return found === undefined ? undefined
    : { declaration: found.data, position: found.position, batches };
};

type Proc = RunningProcess & { id: CommandId };
type Parts = { parts: ReadonlyArray<DividendPart>; steps: CommandOutcome[] };

/**
 * The declared parts, every one. A version 1 declaration lists them; otherwise they are read
 * from the recorded batches, and any batch not recorded yet is recorded first (a step each).
 * The parts are computed again from the share streams as the log held them when the dividend
 * was declared (a correction recorded since changes what was declared in no way), and refused
 * unless they give the declared digest: nothing is credited that was not declared.
 */
const allParts = async (
  ctx: ProcessContext, r: CreditDividendsRequest, proc: Proc, d: Declared,
): Promise<LedgerRejection | Parts> => {
  const a = d.declaration.allocation;
  if (a.kind === 'inline') return { parts: a.parts, steps: [] };
  if (d.batches.length === a.batches) return { parts: d.batches.flat(), steps: [] };
  const { holdings } = await shareHoldings(ctx, r.financialYear, d.position);
  const computed = dividendParts({ financialYear: r.financialYear, holdings,
    ratePercent: d.declaration.ratePercent, faceValue: d.declaration.faceValue });
  if (computed._tag === 'Left') return computed.left;
  const parts = computed.right.parts;
  if (allocationDigest(parts, a.batchSize) !== a.digest) {
    return { type: 'dividend_allocation_mismatch', financialYear: r.financialYear,
      batch: d.batches.length, reason: 'the share streams do not give the declared parts' };
  }
  const steps: CommandOutcome[] = [];
  for (let i = d.batches.length; i < a.batches; i++) {
    const o = await runStep(ctx, proc, { type: 'RecordDividendAllocation', data: {
      actor: r.actor, on: r.on, commandId: stepId(proc.id, `allocate:${i}`),
      societyId: r.societyId, financialYear: r.financialYear, batch: i,
      parts: allocationBatch(parts, i, a.batchSize),
    } });
    steps.push(o);
    if (o.status === 'rejected') return o.rejection;
  }
  return { parts, steps };
};

/**
 * Pays out each member's part of a declared dividend. Where she has an open savings account it
 * is credited in two steps: `CreditDividend` on her share account (which decides the year once),
 * then a `MakeDeposit` (source dividend) into her savings; if that account was closed in
 * between (through any Ledger), a third, `RedirectDividendToCash`, makes the part payable in
 * cash instead. Where she has none, her part is
 * recorded payable in cash (`RecordDividendPayableInCash`), for a cashier to pay. The parts come
 * from the DividendAllocated batches, recorded first if they are not yet. Step ids derive from
 * the process id and the member (or batch), so running the process again after a crash
 * completes it and credits no one twice. A member refused (her year decided already, or an
 * event dated after the run) is listed in `skipped`. The last step, `EndDividendRun`, records
 * on the society's stream that the run ended and how many were credited, payable in cash or
 * refused: the process's end. A later run for the year (another command id, a later date)
 * pays only the parts a run refused, passing over those paid, and ends again with its own
 * counts; it is refused before any step (`dividend_run_already_ended`) once a run ended
 * refusing none, or when no part is left to pay, and with the first part's refusal when none
 * it finds can be paid yet.
 */
export const creditDividends = async (
  ctx: ProcessContext, request: CreditDividendsRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(CreditDividendsRequestCodec, request);
  if (decoded._tag === 'Left') return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  // The codec has checked the command id: it is a CommandId.
  const pid = r.commandId;
  // Every savings account and step stored so far, through any Ledger over the store: a part is
  // credited to her savings account if the indexes name an open one.
  await ctx.catchUp?.();
  const d = await declared(ctx, r.societyId, r.financialYear);
  if (d === undefined) {
    return { status: 'rejected', processId: pid, steps: [],
      rejection: { type: 'dividend_not_declared', financialYear: r.financialYear } };
  }
  const proc = { id: pid, record: processRecord('creditDividends', {
    commandId: r.commandId, actor: r.actor, on: r.on, societyId: r.societyId,
    financialYear: r.financialYear }) };
  // After the year's run ended, another run (not this one's own end sent again, a duplicate)
  // pays only the parts a run refused: refused before any step when the last run refused none,
  // or when it finds no part left to pay.
  // A run started before (resumed after a crash) completes its own steps, whatever ended since.
  const ended = await runEnded(ctx, r);
  const later = ended !== undefined && ctx.commands.get(stepId(pid, 'end')) === undefined
    && ctx.processes.get(pid) === undefined;
  const alreadyEnded = { status: 'rejected' as const, processId: pid, steps: [], rejection: {
    type: 'dividend_run_already_ended' as const, financialYear: r.financialYear } };
  if (later && ended.refused === 0) return alreadyEnded;
  const found = await allParts(ctx, r, proc, d);
  if (!('parts' in found)) {
    return { status: 'rejected', processId: pid, steps: [], rejection: found };
  }
  const steps: CommandOutcome[] = [...found.steps];
  const skipped: Array<{ id: string; rejection: LedgerRejection }> = [];
  const actions: Action[] = [];
  for (const part of found.parts) {
    if (part.amount === '0.00') continue;
    const a = await plan(ctx, r, pid, part);
    // Once a run has ended, the parts paid already, by any run, are passed over (a credit
    // awaiting its deposit is not paid: it is planned as its deposit): a later run is for the
    // others, and a run completed after another ended counts only what it did.
    if (ended !== undefined && 'rejection' in a
      && a.rejection.type === 'dividend_already_credited') continue;
    if ('rejection' in a) skipped.push({ id: part.memberId, rejection: a.rejection });
    else actions.push(a);
  }
  if (later && actions.length === 0) {
    // Nothing it could pay: why the first part left is still refused, else that none is left.
    const first = skipped[0];
    return first === undefined ? alreadyEnded
      : { status: 'rejected', processId: pid, steps: [], rejection: first.rejection };
  }
  // Steps stored by an earlier run are sent again (answered as duplicates, storing nothing).
  let credited = 0;
  let payableInCash = 0;
  for (const a of actions) {
    const done = await run(ctx, r, proc, a, { steps, skipped });
    if (done === 'credited') credited += 1;
    else if (done === 'cash') payableInCash += 1;
  }
  const end = await runStep(ctx, proc, { type: 'EndDividendRun', data: {
    actor: r.actor, on: r.on, commandId: stepId(pid, 'end'), societyId: r.societyId,
    financialYear: r.financialYear, credited, payableInCash,
    refused: new Set(skipped.map((s) => s.id)).size } }, { end: true });
  steps.push(end);
  return end.status === 'rejected'
    ? { status: 'rejected', processId: pid, rejection: end.rejection, steps }
    : { status: 'completed', processId: pid, steps, skipped };
};

// The end of the year's last run, where the society holds one (DividendRunEnded): how many
// parts it refused.
const runEnded = async (
  ctx: ProcessContext, r: { readonly societyId: SocietyId; readonly financialYear: string },
): Promise<{ readonly refused: number } | undefined> => {
  const s = (await ctx.handler.states.load(streamNameFor.society(r.societyId), 'society')).state;
  if (s.kind !== 'society' || s.state.status !== 'configured') return undefined;
  const years = s.state.years;
  const y = Object.hasOwn(years, r.financialYear) ? years[r.financialYear] : undefined;
  return y?.runEnded === true ? { refused: y.refusedAtEnd } : undefined;
};

/**
 * One member's steps: her credit and deposit, her part recorded payable in cash, or the
 * deposit of a credit another run stored and left awaiting it (that run died after the credit,
 * or its deposit was refused), of the amount credited.
 */
type Action =
  | { readonly kind: 'credit'; readonly part: DividendPart; readonly accountId: string;
    readonly savings: string }
  | { readonly kind: 'cash'; readonly part: DividendPart; readonly accountId: string }
  | { readonly kind: 'deposit'; readonly part: DividendPart; readonly accountId: string;
    readonly savings: string };

const refused = (rejection: LedgerRejection) => ({ rejection });

/**
 * What one member's part needs, decided on her share account as the log holds it now. Steps
 * this process stored already are planned again (after a crash, only what is missing stores).
 */
const plan = async (
  ctx: ProcessContext, r: CreditDividendsRequest, pid: CommandId, part: DividendPart,
): Promise<Action | { rejection: LedgerRejection }> => {
  const m = part.memberId;
  const shares = (await ctx.handler.states.load(streamNameFor.shares(m), 'shares')).state;
  if (shares.kind !== 'shares' || shares.state.status === 'none') {
    return refused({ type: 'not_found', aggregate: 'shares', id: m });
  }
  const s = shares.state;
  const accountId = s.accountId;
  // Whether this run stored its step of her part (after a crash, run again).
  const own = (step: string) => ctx.commands.get(stepId(pid, `${step}:${m}`)) !== undefined;
  // After a crash the credit may be stored already: its event names the savings account.
  const credited = ctx.commands.get(stepId(pid, `credit:${m}`));
  if (credited !== undefined) {
    const savings = await creditedTo(ctx, credited);
    // Its deposit made by another run meanwhile (this one cut short after the credit): paid.
    if (savings !== undefined && !own('deposit') && !own('redirect')
      && await awaitingDeposit(ctx, s, r.financialYear) === undefined) {
      return refused({ type: 'dividend_already_credited', financialYear: r.financialYear });
    }
    if (savings !== undefined) return { kind: 'credit', part, accountId, savings };
  }
  if (ctx.commands.get(stepId(pid, `cash:${m}`)) !== undefined) {
    return { kind: 'cash', part, accountId };
  }
  // Its deposit (or redirect) of another run's credit stored already: sent again, counted.
  const standing = standingCredit(s, r.financialYear);
  if (credited === undefined && standing !== undefined && (own('deposit') || own('redirect'))) {
    return { kind: 'deposit', part: { ...part, amount: standing.amount }, accountId,
      savings: standing.savingsAccountId };
  }
  const fy = r.financialYear;
  if (s.dividendYears.includes(fy) || Object.hasOwn(s.cashDividends, fy)) {
    const waiting = await awaitingDeposit(ctx, s, fy);
    return waiting === undefined ? refused({ type: 'dividend_already_credited', financialYear: fy })
      : { kind: 'deposit', part: { ...part, amount: waiting.amount }, accountId,
        savings: waiting.savings };
  }
  if (r.on < s.lastOn) {
    return refused({ type: 'date_before_last_event', on: r.on, lastOn: s.lastOn });
  }
  const savings = s.status === 'open' ? await savingsOf(ctx, m, r.on) : undefined;
  return savings === undefined ? { kind: 'cash', part, accountId }
    : { kind: 'credit', part, accountId, savings };
};

// Her open savings account that can take a deposit dated `on` (none of its events dated
// after it): one that cannot would refuse the deposit after the credit, and leave her part
// awaiting deposit (2310) with the run ended. Her part is then payable in cash instead.
const savingsOf = async (ctx: ProcessContext, memberId: string, on: string):
  Promise<string | undefined> => {
  for (const d of ctx.members.get(memberId)?.deposits ?? []) {
    if (d.kind !== 'savings') continue;
    const s = await ctx.handler.states.load(streamNameFor.deposit(d.accountId), 'deposit');
    const a = s.state.kind === 'deposit' ? s.state.state : undefined;
    if (a?.status === 'open' && a.lastOn <= on) return d.accountId;
  }
  return undefined;
};

// Her year's credit to savings, standing and not redirected, when its account holds no deposit
// of it yet (the domain's creditAwaitsDeposit): where it waits, and its amount.
const awaitingDeposit = async (ctx: ProcessContext, s: ShareState, fy: string):
  Promise<{ readonly savings: string; readonly amount: MoneyString } | undefined> => {
  const c = standingCredit(s, fy);
  if (c === undefined || c.redirected) return undefined;
  const d = await ctx.handler.states.load(streamNameFor.deposit(c.savingsAccountId), 'deposit');
  if (d.state.kind !== 'deposit') return undefined;
  return creditAwaitsDeposit(s, dividendSavingsFact(c.savingsAccountId, d.state.state), fy)
    ? { savings: c.savingsAccountId, amount: c.amount } : undefined;
};

interface Progress {
  readonly steps: CommandOutcome[];
  readonly skipped: Array<{ id: string; rejection: LedgerRejection }>;
}

// One member's steps, and where her part went: into savings, payable in cash, or refused
// (she is then listed in `skipped`).
const run = async (
  ctx: ProcessContext, r: CreditDividendsRequest, proc: Proc, a: Action,
  { steps, skipped }: Progress,
): Promise<'credited' | 'cash' | 'refused'> => {
  const pid = proc.id;
  const m = a.part.memberId;
  const base = { actor: r.actor, on: r.on };
  const part = { memberId: m, financialYear: r.financialYear, amount: a.part.amount };
  const record = async (step: unknown): Promise<boolean> => {
    const o = await runStep(ctx, proc, step);
    steps.push(o);
    if (o.status === 'rejected') skipped.push({ id: m, rejection: o.rejection });
    return o.status !== 'rejected';
  };
  if (a.kind === 'cash') {
    return await record({ type: 'RecordDividendPayableInCash', data: {
      ...base, ...part, commandId: stepId(pid, `cash:${m}`), accountId: a.accountId } })
      ? 'cash' : 'refused';
  }
  if (a.kind === 'credit' && !await record({ type: 'CreditDividend', data: {
    ...base, ...part, commandId: stepId(pid, `credit:${m}`), accountId: a.accountId,
    savingsAccountId: a.savings } })) return 'refused';
  const deposit = await runStep(ctx, proc, { type: 'MakeDeposit', data: {
    ...base, commandId: stepId(pid, `deposit:${m}`), accountId: a.savings, amount: part.amount,
    source: 'dividend' } });
  steps.push(deposit);
  if (deposit.status !== 'rejected') return 'credited';
  // Her savings account closed (through any Ledger) after her part was planned: the credit
  // stands, and is redirected to cash, out of "awaiting deposit" (a step of its own, so a run
  // again after a crash stores it once).
  if (deposit.rejection.type !== 'account_closed') {
    skipped.push({ id: m, rejection: deposit.rejection });
    return 'refused';
  }
  return await record({ type: 'RedirectDividendToCash', data: {
    ...base, ...part, commandId: stepId(pid, `redirect:${m}`), accountId: a.accountId } })
    ? 'cash' : 'refused';
};

const creditedTo = async (
  ctx: ProcessContext, ref: { stream: string; firstRevision: bigint },
): Promise<string | undefined> => {
  for await (const e of ctx.store.readStream(ref.stream,
    { fromRevision: ref.firstRevision, maxCount: 1 })) {
    if (e.type === 'DividendCredited') return e.data.savingsAccountId;
  }
  return undefined;
};
