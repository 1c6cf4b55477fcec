// The model run of several Ledgers over one store: commands sent to N Ledgers (opened before
// the setup, so none has read it) in an interleaving fast-check's scheduler chooses, then the
// accepted ones sent in log order to one Ledger over a fresh store. Where the setup leaves a
// process unfinished, two more Ledgers open as the commands run, each resuming it at open.
// Shared by the property over the memory and file stores and the one over EventStoreDB.
import fc from 'fast-check';
import { must, products } from '@usha/domain/testing';
import { ProductCatalogue } from '@usha/domain';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import { noBackoff } from './backoff.ts';
import { createLedger, type Ledger } from '../ledger/createLedger.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { dyingAfter } from '../processes/dyingStore.fixture.ts';
import type { HeldElsewhere } from '../processes/processClaim.ts';
import type { ProcessOutcome } from '../processes/processOutcome.ts';
import { isAccepted, type CommandOutcome } from './outcome.ts';
import { unset, type Input, type Scenario } from './severalLedgers.scenarios.fixture.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

export { setUp, settingUp, unset, type Planned, type Scenario } from
  './severalLedgers.scenarios.fixture.ts';

// LO lends one loan at a time: two applications of hers race on her loans.
const catalogue = must(ProductCatalogue, { ...products,
  LO: { ...products.LN, id: 'LO', maxLoansAtOnce: 1 } });

/** The setup of the scenario with no society and no staff. */
export const setup = unset.setup;
/** The pool of the scenario with no society and no staff. */
export const pool = unset.pool;

/** A run's plan: which pool commands go to which Ledger (a command may go to several). */
export type Plan = ReadonlyArray<{ readonly command: number; readonly ledger: number }>;

/** Plans of 2 to 7 sends of the scenario's pool over `ledgers` Ledgers. */
export const plans = (ledgers: number, scenario: Scenario = unset): fc.Arbitrary<Plan> =>
  fc.array(fc.record({
    command: fc.nat({ max: scenario.pool.length - 1 }), ledger: fc.nat({ max: ledgers - 1 }),
  }), { minLength: 2, maxLength: 7 });

/** A Ledger over `store` with the run's products, no back-off, its run not resumed. */
// Each Ledger is an instance of its own, with a claimant of its own (the default, the host's
// name, would make them all one instance).
let instances = 0;
export const ledgerOver = (
  store: EventStore<LedgerEvent>, claims: { readonly now?: () => Date } = {},
): Promise<Ledger<undefined>> => createLedger({ store, products: catalogue,
  backoff: noBackoff, processClaims: { claimant: `instance-${instances++}`, ...claims } });

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

// Sets the scenario up through a Ledger of its own; a process it leaves unfinished is run over
// a store that dies after the process's claim and first step (its withdrawal), by an instance
// whose clock said 1970: its claim has run out by the time others open.
const setUpOn = async (store: EventStore<LedgerEvent>, scenario: Scenario) => {
  await sendAll(await ledgerOver(store), scenario.setup);
  if (scenario.unfinished === undefined) return;
  const dying = await ledgerOver(dyingAfter(store, 2), { now: () => new Date(0) });
  await dying.repayFromSavings(scenario.unfinished.request).then(
    (x) => { throw new Error(`the process was not cut short: ${JSON.stringify(x)}`); },
    () => undefined);
};

// A stream's events as compared: type, data and the command that stored each. The notes on a
// member's stream apart, as a sorted list: two openings racing may note themselves in one
// order and store their events in the other (the first is sent round again by the second's
// note), and the model, sent them in the order of their events, notes them in that order.
// A claim on a process as its process only (its claimant and lease are the instance's). The
// set-up notes are left out: a first configuration or appointment notes itself before it is
// decided, so one racing another may note itself and then be decided as no longer the first.
const byStream = (log: ReadonlyArray<RecordedEvent<LedgerEvent>>, keep: (e: RecordedEvent<
  LedgerEvent>) => boolean): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const e of log) {
    if (!keep(e) || e.type === 'SetUpNoted') continue;
    const key = e.type === 'AccountOpeningNoted' ? `${e.stream} (notes)` : e.stream;
    (out[key] ??= []).push(e.type === 'ProcessClaimed' ? `ProcessClaimed ${e.data.processId}`
      : `${e.type} ${e.metadata.commandId} ${JSON.stringify(e.data)}`);
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
  /** Sends refused as `command_id_reused` naming an id the log does not hold. */
  readonly reusedUnstored: ReadonlyArray<string>;
  /** What the Ledgers opened as the commands ran did with the unfinished process. */
  readonly resumed: ReadonlyArray<ProcessOutcome>;
  readonly resumedElsewhere: ReadonlyArray<HeldElsewhere>;
}

/**
 * What a run shows against what the model says it must, for one deep comparison (its diff is
 * the failure): the model accepted every command accepted, no refusal named an id not stored,
 * the log is the model's, each command that must be refused was, as it must be, and the
 * process the scenario left unfinished was completed once by the Ledgers opened on it.
 */
export const againstModel = (r: RunResult, scenario: Scenario = unset) => ({
  actual: { modelRejections: r.modelRejections, reusedUnstored: r.reusedUnstored,
    streams: r.streams, refusals: r.refusals.map((x) => x.got),
    resumed: r.resumed.map((x) => x.status) },
  expected: { modelRejections: [], reusedUnstored: [], streams: r.modelStreams,
    refusals: r.refusals.map((x) => x.expected),
    resumed: scenario.unfinished === undefined ? [] : ['completed'] },
});

/**
 * Runs `plan` over N Ledgers opened on `store` before the scenario's setup (so each is stale),
 * and, if the setup leaves a process unfinished, two Ledgers opened as the plan runs; then
 * sends the accepted commands, once each, in the order the log stored them, to one Ledger
 * over `fresh()` set up the same way (which completes the process at open). Notes of
 * openings refused after their note are left out of the comparison: a lost race's only trace,
 * naming a stream with no events.
 */
export const runPlan = async (o: {
  readonly s: fc.Scheduler; readonly store: EventStore<LedgerEvent>;
  readonly fresh: () => Promise<EventStore<LedgerEvent>>; readonly ledgers: number;
  readonly plan: Plan; readonly scenario?: Scenario;
  /**
   * The store each Ledger sends through, by its number (app instances with a connection of
   * their own to one database); `store` for those not given. `store` is still the one the
   * scenario is set up and the log read through.
   */
  readonly instances?: ReadonlyArray<EventStore<LedgerEvent>>;
}): Promise<RunResult> => {
  const scenario = o.scenario ?? unset;
  const { pool } = scenario;
  const ledgers: Array<Ledger<undefined>> = [];
  for (let i = 0; i < o.ledgers; i += 1) {
    ledgers.push(await ledgerOver(scheduledStore(o.s, o.instances?.[i] ?? o.store)));
  }
  await setUpOn(o.store, scenario);
  const late = scenario.unfinished === undefined ? []
    : [0, 1].map((i) => ledgerOver(scheduledStore(o.s, o.instances?.[i] ?? o.store)));
  const sends = Promise.all(o.plan.map((p) => ledgers[p.ledger]?.execute(pool[p.command]?.input)
    ?? Promise.reject(new Error('no such ledger or command'))));
  const work = Promise.all([sends, Promise.all(late)]);
  await o.s.waitFor(work);
  const [outcomes, opened] = await work;
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
  const inSetup = new Set(scenario.setup.map((i) => String(i.data.commandId)));
  const kept = (e: RecordedEvent<LedgerEvent>) => e.type !== 'AccountOpeningNoted'
    || accepted.has(e.metadata.commandId) || inSetup.has(e.metadata.commandId);
  // Accepted commands in the order of their first event other than a note.
  const order: string[] = [];
  for (const e of log) {
    const id = e.metadata.commandId;
    if (e.type !== 'AccountOpeningNoted' && e.type !== 'SetUpNoted' && accepted.has(id)
      && !order.includes(id)) order.push(id);
  }
  const model = await o.fresh();
  await setUpOn(model, scenario);
  const single = await ledgerOver(model);
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
    && !stored.has(String(x.commandId)) ? [String(x.commandId)] : []);
  const streams = byStream(log, kept);
  const modelStreams = byStream(await readLog(model), () => true);
  await model.close();
  return { streams, modelStreams, outcomes, refusals, modelRejections, reusedUnstored,
    resumed: opened.flatMap((l) => l.resumed),
    resumedElsewhere: opened.flatMap((l) => l.resumedElsewhere) };
};
