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
 * Credits each member's part of a declared dividend in two steps: `CreditDividend` on her share
 * account (which refuses a second credit for the year), then a `MakeDeposit` (source dividend)
 * into her savings. The parts come from the DividendAllocated batches, recorded first if they
 * are not yet. Step ids derive from the process id and the member (or batch), so running the
 * process again after a crash completes it and credits no one twice. A member with no open
 * savings account is passed over (listed in `skipped`).
 */
export const creditDividends = async (
  ctx: ProcessContext, request: CreditDividendsRequest,
): Promise<ProcessOutcome> => {
  const decoded = decodeRequest(CreditDividendsRequestCodec, request);
  if (decoded._tag === 'Left') return { status: 'rejected', steps: [], ...decoded.left };
  const r = decoded.right;
  const pid = r.commandId;
  if (!CommandId.is(pid)) {
    return { status: 'rejected', processId: pid, steps: [],
      rejection: { type: 'invalid_command', message: 'commandId is not an id', fields: [] } };
  }
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
  const due = found.parts.filter((part) => part.amount !== '0.00');
  for (const [i, part] of due.entries()) {
    await creditOne(ctx, r, proc, part, { steps, skipped, last: i === due.length - 1 });
  }
  return { status: 'completed', processId: pid, steps, skipped };
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
  /** The last member's deposit ends the process. */
  readonly last: boolean;
}

const creditOne = async (
  ctx: ProcessContext, r: CreditDividendsRequest, proc: Proc, part: DividendPart,
  { steps, skipped, last }: Progress,
): Promise<void> => {
  const pid = proc.id;
  const m = part.memberId;
  const shares = await ctx.handler.states.load(streamNameFor.shares(m), 'shares');
  const accountId = shares.state.kind === 'shares' && shares.state.state.status !== 'none'
    ? shares.state.state.accountId : m;
  // After a crash the credit may be stored already: its event names the savings account.
  const done = ctx.commands.get(stepId(pid, `credit:${m}`));
  const savings = done === undefined ? await savingsOf(ctx, m) : await creditedTo(ctx, done);
  if (savings === undefined) {
    skipped.push({ id: m, rejection: { type: 'not_found', aggregate: 'deposit', id: m } });
    return;
  }
  const base = { actor: r.actor, on: r.on };
  const credit = await runStep(ctx, proc, { type: 'CreditDividend', data: {
    ...base, commandId: stepId(pid, `credit:${m}`), accountId, memberId: m,
    financialYear: r.financialYear, amount: part.amount, savingsAccountId: savings,
  } });
  steps.push(credit);
  if (credit.status === 'rejected') {
    skipped.push({ id: m, rejection: credit.rejection });
    return;
  }
  steps.push(await runStep(ctx, proc, { type: 'MakeDeposit', data: {
    ...base, commandId: stepId(pid, `deposit:${m}`), accountId: savings, amount: part.amount,
    source: 'dividend',
  } }, { end: last }));
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
