import { CommandId, streamNameFor, type DividendPart } from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { runStep, type ProcessContext } from './processContext.ts';
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

const declared = async (ctx: ProcessContext, societyId: string, fy: string) => {
  try {
    for await (const e of ctx.store.readStream(`society-${societyId}`)) {
      if (e.type === 'DividendDeclared' && e.data.financialYear === fy) return e.data.parts;
    }
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  return undefined;
};

const savingsOf = async (ctx: ProcessContext, memberId: string): Promise<string | undefined> => {
  for (const d of ctx.members.get(memberId)?.deposits ?? []) {
    if (d.kind !== 'savings') continue;
    const s = await ctx.handler.states.load(`deposit-${d.accountId}`, 'deposit');
    if (s.state.kind === 'deposit' && s.state.state.status === 'open') return d.accountId;
  }
  return undefined;
};

/**
 * Credits each member's part of a declared dividend in two steps: `CreditDividend` on her share
 * account (which refuses a second credit for the year), then a `MakeDeposit` (source dividend)
 * into her savings. Step ids derive from the process id and the member, so running the process
 * again after a crash completes it and credits no one twice. A member with no open savings
 * account is passed over (listed in `skipped`).
 */
export const creditDividends = async (
  ctx: ProcessContext, r: CreditDividendsRequest,
): Promise<ProcessOutcome> => {
  const pid = r.commandId;
  if (!CommandId.is(pid)) {
    return { status: 'rejected', processId: pid, steps: [],
      rejection: { type: 'invalid_command', message: 'commandId is not an id', fields: [] } };
  }
  const parts = await declared(ctx, r.societyId, r.financialYear);
  if (parts === undefined) {
    return { status: 'rejected', processId: pid, steps: [],
      rejection: { type: 'dividend_not_declared', financialYear: r.financialYear } };
  }
  const proc = { id: pid, record: processRecord('creditDividends', {
    commandId: r.commandId, actor: r.actor, on: r.on, societyId: r.societyId,
    financialYear: r.financialYear }) };
  const steps: CommandOutcome[] = [];
  const skipped: Array<{ id: string; rejection: LedgerRejection }> = [];
  const due = parts.filter((part) => part.amount !== '0.00');
  for (const [i, part] of due.entries()) {
    await creditOne(ctx, r, proc, part, { steps, skipped, last: i === due.length - 1 });
  }
  return { status: 'completed', processId: pid, steps, skipped };
};

interface Progress {
  readonly steps: CommandOutcome[];
  readonly skipped: Array<{ id: string; rejection: LedgerRejection }>;
  /** The last member's deposit ends the process. */
  readonly last: boolean;
}

const creditOne = async (
  ctx: ProcessContext, r: CreditDividendsRequest, proc: RunningProcess & { id: CommandId },
  part: DividendPart, { steps, skipped, last }: Progress,
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
