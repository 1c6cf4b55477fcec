// The model run of several Ledgers over one store: commands sent to N Ledgers (opened before
// the setup, so none has read it) in an interleaving fast-check's scheduler chooses, then the
// accepted ones sent in log order to one Ledger over a fresh store. Shared by the property
// over the memory and file stores and the one over the EventStoreDB test server.
import fc from 'fast-check';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import { noBackoff } from './backoff.ts';
import { createLedger, type Ledger } from '../ledger/createLedger.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { isAccepted, type CommandOutcome } from './outcome.ts';

// LO lends one loan at a time: two applications of hers race on her loans.
const catalogue = must(ProductCatalogue, { ...products,
  LO: { ...products.LN, id: 'LO', maxLoansAtOnce: 1 } });

type Input = { readonly type: string; readonly data: Record<string, unknown> };
const on = '2024-04-02';
const cmd = (type: string, commandId: string, data: Record<string, unknown>, actor = 'clerk'):
  Input => ({ type, data: { commandId, actor, on, ...data } });
const apply = (loanId: string) => cmd('ApplyForLoan', `apply-${loanId}`, { loanId,
  memberId: 'M1', productId: 'LO', principal: '5000', repayments: 6, firstRepaymentOn: null },
'maker');

/** The setup every run starts from: M1 with nothing; M2 with savings and a disbursed loan. */
export const setup: ReadonlyArray<Input> = [
  cmd('AdmitMember', 's-adm-1', { memberId: 'M1', branchId: 'B-1', shareProductId: 'SH',
    shares: 5 }, 'clerk'),
  cmd('AdmitMember', 's-adm-2', { memberId: 'M2', branchId: 'B-1', shareProductId: 'SH',
    shares: 5 }),
  cmd('OpenSavingsAccount', 's-open-2', { accountId: 'SB-M2', memberId: 'M2',
    productId: 'SB' }),
  cmd('MakeDeposit', 's-dep-2', { accountId: 'SB-M2', amount: '1000', source: 'cash' }),
  cmd('ApplyForLoan', 's-apply-L0', { loanId: 'L0', memberId: 'M2', productId: 'LN',
    principal: '5000', repayments: 6, firstRepaymentOn: null }, 'maker'),
  cmd('ApproveLoan', 's-approve-L0', { loanId: 'L0', principal: '5000' }, 'checker'),
  cmd('DisburseLoan', 's-disburse-L0', { loanId: 'L0' }, 'checker'),
];

/** A command of the pool, and the rejection it must meet in any order (if it must). */
export interface Planned {
  readonly input: Input;
  readonly mustBe?: Record<string, unknown>;
}

/** The pool: commands on M1 whose outcome depends on the order, and three that never pass. */
export const pool: ReadonlyArray<Planned> = [
  { input: cmd('ExitMember', 'exit-M1', { memberId: 'M1' }) },
  { input: cmd('OpenSavingsAccount', 'open-SB-M1', { accountId: 'SB-M1', memberId: 'M1',
    productId: 'SB' }) },
  { input: cmd('MakeDeposit', 'dep-SB-M1', { accountId: 'SB-M1', amount: '100',
    source: 'cash' }) },
  // The same id with another payload: whichever is stored first, the other is refused.
  { input: cmd('MakeDeposit', 'dep-SB-M1', { accountId: 'SB-M1', amount: '200',
    source: 'cash' }) },
  { input: cmd('OpenFixedDeposit', 'open-FD-M1', { accountId: 'FD-M1', memberId: 'M1',
    productId: 'FD', principal: '1000', termMonths: 12 }) },
  { input: cmd('PurchaseShares', 'buy-M1', { accountId: 'SH-M1', memberId: 'M1',
    productId: 'SH', shares: 5 }) },
  { input: apply('L1') },
  { input: apply('L2') },
  { input: cmd('ApproveLoan', 'approve-L1', { loanId: 'L1', principal: '5000' }, 'checker') },
  { input: cmd('DisburseLoan', 'disburse-L1', { loanId: 'L1' }, 'checker') },
  { input: cmd('ExitMember', 'exit-M2', { memberId: 'M2' }),
    mustBe: { type: 'loan_outstanding', outstandingPrincipal: '5000.00' } },
  { input: cmd('OpenSavingsAccount', 'open-SB-M3', { accountId: 'SB-M3', memberId: 'M3',
    productId: 'SB' }), mustBe: { type: 'member_not_admitted', memberId: 'M3' } },
  // The id of a stored setup command, with another payload.
  { input: cmd('MakeDeposit', 's-dep-2', { accountId: 'SB-M2', amount: '1', source: 'cash' }),
    mustBe: { type: 'command_id_reused', commandId: 's-dep-2',
      originalCommandType: 'MakeDeposit' } },
];

/** A run's plan: which pool commands go to which Ledger (a command may go to several). */
export type Plan = ReadonlyArray<{ readonly command: number; readonly ledger: number }>;

/** Plans of 2 to 7 sends over `ledgers` Ledgers. */
export const plans = (ledgers: number): fc.Arbitrary<Plan> => fc.array(fc.record({
  command: fc.nat({ max: pool.length - 1 }), ledger: fc.nat({ max: ledgers - 1 }),
}), { minLength: 2, maxLength: 7 });

// Every read and append waits for the scheduler, so fast-check chooses the interleaving.
const scheduled = (s: fc.Scheduler, store: EventStore<LedgerEvent>): EventStore<LedgerEvent> => ({
  ...store,
  appendToStream: (stream, events, o) =>
    s.schedule(Promise.resolve(), `append ${stream}`).then(() =>
      store.appendToStream(stream, events, o)),
  readStream: (stream, o) => (async function* () {
    await s.schedule(Promise.resolve(), `read ${stream}`);
    yield* store.readStream(stream, o);
  })(),
});

/** A Ledger over `store` with the run's products, no back-off, its run not resumed. */
export const ledgerOver = (store: EventStore<LedgerEvent>): Promise<Ledger<undefined>> =>
  createLedger({ store, products: catalogue, backoff: noBackoff });

const sendAll = async (ledger: Ledger<undefined>, inputs: ReadonlyArray<Input>) => {
  for (const i of inputs) {
    const o = await ledger.execute(i);
    if (!isAccepted(o)) throw new Error(`${i.type}: ${JSON.stringify(o.rejection)}`);
  }
};

const readLog = async (store: EventStore<LedgerEvent>) => {
  const out: Array<RecordedEvent<LedgerEvent>> = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

// A stream's events as compared: type, data and the command that stored each. The notes on a
// member's stream apart, as a sorted list: two openings racing may note themselves in one
// order and store their events in the other (the first is sent round again by the second's
// note), and the model, sent them in the order of their events, notes them in that order.
const byStream = (log: ReadonlyArray<RecordedEvent<LedgerEvent>>, keep: (e: RecordedEvent<
  LedgerEvent>) => boolean): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const e of log) {
    if (!keep(e)) continue;
    const key = e.type === 'AccountOpeningNoted' ? `${e.stream} (notes)` : e.stream;
    (out[key] ??= []).push(`${e.type} ${e.metadata.commandId} ${JSON.stringify(e.data)}`);
  }
  for (const [key, list] of Object.entries(out)) if (key.endsWith('(notes)')) list.sort();
  return out;
};

/** What a run came to, beside its model's. */
export interface RunResult {
  readonly streams: Record<string, string[]>;
  readonly modelStreams: Record<string, string[]>;
  /** The outcome of each send, in plan order. */
  readonly outcomes: ReadonlyArray<CommandOutcome>;
  /** Sends of a command that must be refused, with the rejection met. */
  readonly refusals: ReadonlyArray<{ readonly expected: unknown; readonly got: unknown }>;
  /** The model's outcome of each accepted command sent again in log order (all accepted). */
  readonly modelRejections: ReadonlyArray<string>;
  /**
   * Sends refused as `command_id_reused` for a stored command whose id the log does not hold
   * (the id of a refused command is refused too, by the Ledger that refused it, as one does).
   */
  readonly reusedUnstored: ReadonlyArray<string>;
}

/**
 * Runs `plan` over N Ledgers opened on `store` before the setup (so each is stale), then
 * sends the accepted commands, once each, in the order the log stored them, to one Ledger over
 * `fresh()`. Notes of openings refused after their note are left out of the comparison: a
 * lost race's only trace, naming a stream with no events.
 */
export const runPlan = async (o: {
  readonly s: fc.Scheduler; readonly store: EventStore<LedgerEvent>;
  readonly fresh: () => Promise<EventStore<LedgerEvent>>; readonly ledgers: number;
  readonly plan: Plan;
}): Promise<RunResult> => {
  const ledgers: Array<Ledger<undefined>> = [];
  for (let i = 0; i < o.ledgers; i += 1) ledgers.push(await ledgerOver(scheduled(o.s, o.store)));
  await sendAll(await ledgerOver(o.store), setup);
  const work = Promise.all(o.plan.map((p) => ledgers[p.ledger]?.execute(pool[p.command]?.input)
    ?? Promise.reject(new Error('no such ledger or command'))));
  await o.s.waitFor(work);
  const outcomes = await work;
  const log = await readLog(o.store);
  const accepted = new Set(outcomes.flatMap((x) => isAccepted(x) ? [x.commandId] : []));
  // The request each accepted id was sent with (the pool holds one id with two payloads).
  const inputOf = new Map<string, Input | undefined>();
  o.plan.forEach((p, n) => {
    const x = outcomes[n];
    if (x !== undefined && isAccepted(x) && !x.duplicate) {
      inputOf.set(x.commandId, pool[p.command]?.input);
    }
  });
  const inSetup = new Set(setup.map((i) => String(i.data.commandId)));
  const kept = (e: RecordedEvent<LedgerEvent>) => e.type !== 'AccountOpeningNoted'
    || accepted.has(e.metadata.commandId) || inSetup.has(e.metadata.commandId);
  // Accepted commands in the order of their first event other than a note.
  const order: string[] = [];
  for (const e of log) {
    const id = e.metadata.commandId;
    if (e.type !== 'AccountOpeningNoted' && accepted.has(id) && !order.includes(id)) {
      order.push(id);
    }
  }
  const model = await o.fresh();
  const single = await ledgerOver(model);
  await sendAll(single, setup);
  const modelRejections: string[] = [];
  for (const id of order) {
    const r = await single.execute(inputOf.get(id));
    if (!isAccepted(r)) modelRejections.push(`${id}: ${r.rejection.type}`);
  }
  const refusals = o.plan.flatMap((p, n) => {
    const expected = pool[p.command]?.mustBe;
    const got = outcomes[n];
    return expected === undefined ? []
      : [{ expected, got: got !== undefined && !isAccepted(got) ? got.rejection : 'accepted' }];
  });
  const stored = new Set<string>(log.map((e) => e.metadata.commandId));
  const reusedUnstored = outcomes.flatMap((x) => !isAccepted(x)
    && x.rejection.type === 'command_id_reused'
    && x.rejection.originalCommandType !== 'rejected command'
    && !stored.has(String(x.commandId)) ? [String(x.commandId)] : []);
  const streams = byStream(log, kept);
  const modelStreams = byStream(await readLog(model), () => true);
  await model.close();
  return { streams, modelStreams, outcomes, refusals, modelRejections, reusedUnstored };
};
