import {
  allocationBatch, allocationDigest, CommandId, dividendParts, streamNameFor,
  type DividendDeclared, type DividendPart, type SocietyId,
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
 * then a `MakeDeposit` (source dividend) into her savings. Where she has none, her part is
 * recorded payable in cash (`RecordDividendPayableInCash`), for a cashier to pay. The parts come
 * from the DividendAllocated batches, recorded first if they are not yet. Step ids derive from
 * the process id and the member (or batch), so running the process again after a crash
 * completes it and credits no one twice. Every member is decided before any step is run, so the
 * last step that stores carries the process's end: a member refused (her year decided already,
 * or an event dated after the run) is listed in `skipped` and the run still ends.
 */
export const creditDividends = async (
  ctx: ProcessContext, request: CreditDividendsRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(CreditDividendsRequestCodec, request);
  if (decoded._tag === 'Left') return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  // The codec has checked the command id: it is a CommandId.
  const pid = r.commandId;
  const d = await declared(ctx, r.societyId, r.financialYear);
  if (d === undefined) {
    return { status: 'rejected', processId: pid, steps: [],
      rejection: { type: 'dividend_not_declared', financialYear: r.financialYear } };
  }
  const proc = { id: pid, record: processRecord('creditDividends', {
    commandId: r.commandId, actor: r.actor, on: r.on, societyId: r.societyId,
    financialYear: r.financialYear }) };
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
    if ('rejection' in a) skipped.push({ id: part.memberId, rejection: a.rejection });
    else actions.push(a);
  }
  // Steps stored by an earlier run are sent again (answered as duplicates, storing nothing):
  // the end goes on the last member with something still to store.
  const lastNew = actions.findLastIndex((a) => !a.stored);
  for (const [i, a] of actions.entries()) {
    await run(ctx, r, proc, a, { steps, skipped, last: i === lastNew });
  }
  return { status: 'completed', processId: pid, steps, skipped };
};

/**
 * One member's steps: her credit and deposit, or her part recorded payable in cash; `stored`
 * when an earlier run of this process stored all of them.
 */
type Action =
  | { readonly kind: 'credit'; readonly part: DividendPart; readonly accountId: string;
    readonly savings: string; readonly stored: boolean }
  | { readonly kind: 'cash'; readonly part: DividendPart; readonly accountId: string;
    readonly stored: boolean };

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
  // After a crash the credit may be stored already: its event names the savings account.
  const credited = ctx.commands.get(stepId(pid, `credit:${m}`));
  if (credited !== undefined) {
    const savings = await creditedTo(ctx, credited);
    const stored = ctx.commands.get(stepId(pid, `deposit:${m}`)) !== undefined;
    if (savings !== undefined) return { kind: 'credit', part, accountId, savings, stored };
  }
  if (ctx.commands.get(stepId(pid, `cash:${m}`)) !== undefined) {
    return { kind: 'cash', part, accountId, stored: true };
  }
  const fy = r.financialYear;
  if (s.dividendYears.includes(fy) || Object.hasOwn(s.cashDividends, fy)) {
    return refused({ type: 'dividend_already_credited', financialYear: fy });
  }
  if (r.on < s.lastOn) {
    return refused({ type: 'date_before_last_event', on: r.on, lastOn: s.lastOn });
  }
  const savings = s.status === 'open' ? await savingsOf(ctx, m) : undefined;
  return savings === undefined ? { kind: 'cash', part, accountId, stored: false }
    : { kind: 'credit', part, accountId, savings, stored: false };
};

const savingsOf = async (ctx: ProcessContext, memberId: string): Promise<string | undefined> => {
  for (const d of ctx.members.get(memberId)?.deposits ?? []) {
    if (d.kind !== 'savings') continue;
    const s = await ctx.handler.states.load(streamNameFor.deposit(d.accountId), 'deposit');
    if (s.state.kind === 'deposit' && s.state.state.status === 'open') return d.accountId;
  }
  return undefined;
};

interface Progress {
  readonly steps: CommandOutcome[];
  readonly skipped: Array<{ id: string; rejection: LedgerRejection }>;
  /** The last member's last step ends the process. */
  readonly last: boolean;
}

const run = async (
  ctx: ProcessContext, r: CreditDividendsRequest, proc: Proc, a: Action,
  { steps, skipped, last }: Progress,
): Promise<void> => {
  const pid = proc.id;
  const m = a.part.memberId;
  const base = { actor: r.actor, on: r.on };
  const part = { memberId: m, financialYear: r.financialYear, amount: a.part.amount };
  const record = async (step: unknown, end: boolean): Promise<boolean> => {
    const o = await runStep(ctx, proc, step, { end });
    steps.push(o);
    if (o.status === 'rejected') skipped.push({ id: m, rejection: o.rejection });
    return o.status !== 'rejected';
  };
  if (a.kind === 'cash') {
    await record({ type: 'RecordDividendPayableInCash', data: {
      ...base, ...part, commandId: stepId(pid, `cash:${m}`), accountId: a.accountId } }, last);
    return;
  }
  if (a.kind === 'credit' && !await record({ type: 'CreditDividend', data: {
    ...base, ...part, commandId: stepId(pid, `credit:${m}`), accountId: a.accountId,
    savingsAccountId: a.savings } }, false)) return;
  await record({ type: 'MakeDeposit', data: {
    ...base, commandId: stepId(pid, `deposit:${m}`), accountId: a.savings, amount: part.amount,
    source: 'dividend' } }, last);
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
