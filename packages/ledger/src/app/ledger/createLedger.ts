import * as E from 'fp-ts/lib/Either.js';
import {
  ProductCatalogue, plainInput, plainInputLimits, reportErrors, signedMoneyString,
  type ProductCatalogue as Products, type TdsStatement,
} from '@usha/domain';
import { firstEntryOn, incomeStatement } from '@usha/projections';
import { comparePosition, type Position } from '../../eventStore/position.ts';
import { exportEventLog, type ExportResult } from '../../file/exportLog.ts';
import { aggregateDecider } from '../commands/aggregateDecider.ts';
import {
  approveRequest, authorising, type ApprovalOutcome,
} from '../authorisation/index.ts';
import type { CommandRequest } from '../commands/commandRequest.ts';
import { exponentialBackoff } from '../commands/backoff.ts';
import { createCommandHandler } from '../commands/commandHandler.ts';
import { fetchFacts } from '../commands/fetchFacts.ts';
import { stateCacheEntriesOf } from '../commands/stateCacheEntries.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { rejectionMemo } from '../commands/rejectionMemo.ts';
import type { DirectoryEntry, MemberDetails } from '../directory/memberDirectory.ts';
import { ledgerEventSchema, type StreamEvent } from '../log/ledgerEvent.ts';
import { createProjectionRunner, type ProjectionRunner } from '../runner/projectionRunner.ts';
import { closeFinancialYear, type CloseYearRequest } from '../processes/closeFinancialYear.ts';
import { creditDividends, type CreditDividendsRequest } from '../processes/creditDividends.ts';
import { commandRefusal, type ProcessContext } from '../processes/processContext.ts';
import { resumeClaimedProcesses } from '../processes/resumeProcesses.ts';
import { processClaimSettings, type HeldElsewhere } from '../processes/processClaim.ts';
import { runningClaims } from '../processes/runningClaim.ts';
import { setUpIndex, withSetUp } from '../authorisation/setUpNotes.ts';
import type { ProcessOutcome } from '../processes/processOutcome.ts';
import { repayFromSavings, type RepayFromSavingsRequest } from '../processes/repayFromSavings.ts';
import { applyChargesForBranch, type BranchChargesRequest } from '../processes/charges.ts';
import {
  approveWithLiens, type ApproveWithLiensRequest,
} from '../processes/approveWithLiens.ts';
import {
  closeLoanReleasingLiens, type CloseLoanReleasingLiensRequest,
} from '../processes/closeLoanReleasingLiens.ts';
import {
  recoverFromGuarantor, type RecoverFromGuarantorRequest,
} from '../processes/recoverFromGuarantor.ts';
import { topUpLoan, type TopUpLoanRequest } from '../processes/topUpLoan.ts';
import {
  runStandingInstructions, type StandingRunRequest,
} from '../processes/standingInstructions.ts';
import { cashAtTill } from '../branch/cashAtTill.ts';
import type { CashAtTillRequest } from '../branch/cashAtTillRequest.ts';
import { branchQueries, type BranchQueries } from '../branch/branchQueries.ts';
import type { NomineesEntry } from '../directory/nomineeRecords.ts';
import type { TdsExemption } from '../directory/tdsExemptions.ts';
import { tdsStatementOf, type TdsStatementRequest } from '../reports/tdsStatementOf.ts';
import { nominateWithDirectory, type NominateRequest } from './nominateWithDirectory.ts';
import { ledgerQueries, type LedgerQueries } from '../reports/ledgerQueries.ts';
import { passbookHtmlQuery } from '../print/passbookHtmlQuery.ts';
import type { PassbookHtmlRequest } from '../print/passbookHtmlRequest.ts';
import { collectionSheetHtmlQuery } from '../print/collectionSheetHtmlQuery.ts';
import type { CollectionSheetHtmlRequest } from '../print/collectionSheetHtmlRequest.ts';
import { dayCashHtmlQuery } from '../print/dayCashHtmlQuery.ts';
import type { DayCashHtmlRequest } from '../print/dayCashHtmlRequest.ts';
import { commandMethods, type CommandMethods } from './commandMethods.ts';
import { headPosition } from './headPosition.ts';
import { checkedOptionValues } from './ledgerOptionValues.ts';
import {
  InvalidProductsError, LedgerOptionsError, NoDirectoryError, ledgerOptionNames,
  type LedgerOptions,
} from './ledgerOptions.ts';
import { readOptionFields } from '../../eventStore/storeOptionFields.ts';
import { readsFrom } from './catchUp.ts';
import { maxAttemptsOf } from '../commands/maxAttempts.ts';
import { storedPosition } from './storedPosition.ts';
import { QueryRequestError } from '../reports/queryRequest.ts';
import { indexCheckpointWriter } from './indexCheckpointWriter.ts';
import type { HeldState } from '../states/keptStates.ts';
import {
  keptStatesPlace, keptStatesWriter, openKeptStates, type RestoredStates,
} from '../states/openKeptStates.ts';
import { checkpointPlace, openIndexes, type LedgerOpened } from './openIndexes.ts';
import { requireUniqueCommandIds } from './ledgerStoreError.ts';

/** The Ledger an app imports: commands, processes, the projections, the member directory. */
export interface Ledger<S> extends CommandMethods, Omit<LedgerQueries, 'stop'>, BranchQueries {
  /** Any command as raw input `{ type, data }`: decoded here, its outcome a value. */
  readonly execute: (input: unknown) => Promise<CommandOutcome>;
  readonly repayFromSavings: (r: RepayFromSavingsRequest) => Promise<ProcessOutcome>;
  /** A loan's approval with a lien on each guarantor's savings (approveWithLiens.ts). */
  readonly approveWithLiens: (r: ApproveWithLiensRequest) => Promise<ProcessOutcome>;
  /** A loan's closing with its guarantors' liens released (closeLoanReleasingLiens.ts). */
  readonly closeLoanReleasingLiens: (r: CloseLoanReleasingLiensRequest) =>
    Promise<ProcessOutcome>;
  /** A written-off loan recovered from a guarantor's liened savings (recoverFromGuarantor.ts). */
  readonly recoverFromGuarantor: (r: RecoverFromGuarantorRequest) => Promise<ProcessOutcome>;
  /** A top-up loan paid out and the loan it pays off closed (topUpLoan.ts). */
  readonly topUpLoan: (r: TopUpLoanRequest) => Promise<ProcessOutcome>;
  readonly creditDividends: (r: CreditDividendsRequest) => Promise<ProcessOutcome>;
  readonly closeFinancialYear: (r: CloseYearRequest) => Promise<ProcessOutcome>;
  /** Pays (or records refused) each standing instruction due on a date, once per date. */
  readonly runStandingInstructions: (r: StandingRunRequest) => Promise<ProcessOutcome>;
  /** The charges by rule of every account of a branch for a date, each once (charges.ts). */
  readonly applyChargesForBranch: (r: BranchChargesRequest) => Promise<ProcessOutcome>;
  /** A member's cash through a till: the till's side, then her account's (cashAtTill.ts). */
  readonly cashAtTill: (r: CashAtTillRequest) => Promise<ProcessOutcome>;
  /** A checker approves a request, then its command runs (once, however often approved). */
  readonly approveRequest: (r: CommandRequest<'ApproveRequest'>) => Promise<ApprovalOutcome>;
  /** The projection's state once it has applied everything up to `position` (if given). */
  readonly projection: (options?: { readonly after?: Position }) => Promise<S>;
  /** Resolves once the projections have applied everything up to `position`. */
  readonly waitFor: (position: Position) => Promise<void>;
  readonly runner: ProjectionRunner<S> | undefined;
  /** The processes found unfinished in the log at open and completed then, in log order. */
  readonly resumed: ReadonlyArray<ProcessOutcome>;
  /** Unfinished processes left at open to the instance whose claim on them still runs. */
  readonly resumedElsewhere: ReadonlyArray<HeldElsewhere>;
  /** How the indexes were opened: from their checkpoint or the whole log, and events read. */
  readonly opened: LedgerOpened;
  /**
   * The folded states restored from beside the checkpoint (a signed file store's), and those
   * dropped; or why none were (docs/concepts/kept-states.md).
   */
  readonly restoredStates: RestoredStates;
  /** Keeps a member's personal data in the directory (never in the log). */
  readonly registerMember: (memberId: string, details: MemberDetails) => Promise<void>;
  /** What the directory holds for a member: present, forgotten, or absent. */
  readonly memberDetails: (memberId: string) => Promise<DirectoryEntry>;
  /**
   * Records a nominee in the directory, then names her on the account by her reference only
   * (nominateWithDirectory.ts).
   */
  readonly nominate: (r: NominateRequest) => Promise<CommandOutcome>;
  /** A member's nominees, by reference, from the directory. */
  readonly nominees: (memberId: string) => Promise<NomineesEntry>;
  /**
   * Keeps a member's Form 15G/15H declaration for a year in the directory, never in the log:
   * interest credited to her in that year is then not taxed at source.
   */
  readonly recordTdsExemption: (memberId: string, e: TdsExemption) => Promise<void>;
  /** A member's tax deducted at source in one financial year, with her certificate's totals. */
  readonly tdsStatement: (q: TdsStatementRequest) => Promise<TdsStatement>;
  /** Destroys a member's data key: her details become unreadable; her history stays. */
  readonly forgetMember: (memberId: string, on: string) => Promise<void>;
  /**
   * Re-wraps every member's data key under a new master key and destroys the old one, so a
   * backup taken before can no longer be opened (see docs/concepts/privacy.md).
   */
  readonly rotateDirectoryKey: (newKey?: Uint8Array) => Promise<void>;
  /**
   * A passbook as a printable HTML page in Bengali or English (passbookHtmlRequest.ts for the
   * request); refused with a PrintRequestError naming what is wrong.
   */
  readonly passbookHtml: (request: PassbookHtmlRequest) => Promise<string>;
  /**
   * A branch's collection sheet of a day as a printable HTML page (collectionSheetHtmlQuery.ts);
   * refused with a PrintRequestError naming what is wrong.
   */
  readonly collectionSheetHtml: (request: CollectionSheetHtmlRequest) => Promise<string>;
  /** A branch's day-end cash as a printable HTML page (dayCashHtmlQuery.ts), refused likewise. */
  readonly dayCashHtml: (request: DayCashHtmlRequest) => Promise<string>;
  /** Writes the log, hash-chained, for auditors: events only, never directory data. */
  readonly exportForAuditors: (file: string) => Promise<ExportResult>;
  /**
   * Stops the runners and saves their checkpoints, and the index checkpoint when at least
   * `indexCheckpoint.onCloseAfterEvents` events are after the last (the store stays open: it is
   * the caller's; close the Ledger first: one closed after its store writes neither the
   * checkpoint nor its kept states, as another process may hold the log by then);
   * IndexCheckpointWriteError if it could not be written.
   */
  readonly close: () => Promise<void>;
  readonly products: Products;
}

// Read into a plain copy first: a proxy, a getter or a sparse list is refused as a value.
const productsInput = { ...plainInputLimits, maxFieldsPerObject: 100_000, maxDepth: 64,
  maxFieldNameLength: 128 };
const decodeProducts = (u: unknown): Products => {
  const plain = plainInput(u, productsInput);
  if (E.isLeft(plain)) throw new InvalidProductsError(plain.left.message);
  const p = ProductCatalogue.decode(plain.right);
  if (E.isLeft(p)) {
    throw new InvalidProductsError(reportErrors(p.left).map((f) => f.message).join('; '));
  }
  return p.right;
};

/**
 * Opens the Ledger over a store: restores its indexes (the stored commands, each member's
 * streams, the processes) from their checkpoint and reads the log after it, or reads the whole
 * log when there is none (see `indexCheckpoint`), starts the projection runner if a projection
 * is given, completes any process left unfinished, and returns the methods and queries.
 * @example const ledger = await createLedger({ store, products })
 *   const o = await ledger.withdraw({ commandId: 'c-1', actor: 'u1', on: '2025-04-02',
 *     accountId: 'SB-1', amount: '500' })
 */
export const createLedger = async <S = undefined>(
  options: LedgerOptions<S>,
): Promise<Ledger<S>> => {
  // Each option read once, into a record of its own: a getter or proxy runs here only.
  const refuse = (field: string, reason: string): never => {
    throw new LedgerOptionsError(field, reason);
  };
  const read = readOptionFields(options, ledgerOptionNames, refuse);
  // The store, products and bounds are checked below, where they are opened and decoded.
  const o = read as LedgerOptions<S>;
  // The other options' values checked, before anything is opened; objects of methods read once.
  const v = checkedOptionValues<S>(read, refuse);
  const products = decodeProducts(o.products);
  // Read once and checked before anything is opened: a bad bound is refused, nothing begun.
  const stateCacheEntries = stateCacheEntriesOf(o.stateCacheEntries);
  const maxAttempts = maxAttemptsOf(o.maxAttempts);
  requireUniqueCommandIds(o.store);
  const place = checkpointPlace(o.store, o.indexCheckpoint);
  const statesPlace = keptStatesPlace(place, stateCacheEntries);
  // Read beside the indexes: the fingerprint hashes the code, the states are a file of their own.
  const keptRead = openKeptStates(statesPlace, products);
  const start = await openIndexes(o.store, place);
  const indexes = start.indexes;
  const { commands, members, processes, society, staff } = indexes;
  // The last event read from the log in order (the checkpoint's, the scan, then each catch-up):
  // what another writer stored after it is unknown to this Ledger until it catches up.
  let scanned = start.seen;
  const kept = await keptRead;
  // The handler's states, once it is made (a write cannot start before: see `arm`).
  let heldStates = (): HeldState[] => [];
  const readOnly = Reflect.get(o.store, 'readOnly') === true;
  const keepStates = statesPlace === undefined || kept.fingerprint === undefined || readOnly
    ? undefined : keptStatesWriter(statesPlace, kept.fingerprint, () => heldStates());
  const checkpoint = place === undefined ? undefined : indexCheckpointWriter({
    place, readOnly, indexes, restored: start.seen, seen: () => scanned,
    catchUp: () => catchUp(), ...keepStates === undefined ? {} : { keepStates },
  });
  const setUp = setUpIndex();
  const observe = (e: StreamEvent) => {
    commands.observe(e); members.observe(e); processes.observe(e); society.observe(e);
    staff.observe(e); setUp.observe(e);
  };
  let eventsRead = 0;
  // What counts towards the next checkpoint: each event read in log order and each append
  // (a stream read for a decision shows the indexes events they hold already).
  const catchUp = readsFrom(o.store, () => scanned?.position, (e) => {
    observe(e);
    scanned = { position: e.position, eventId: e.eventId };
    eventsRead += 1;
    checkpoint?.observed('read');
  });
  await catchUp(); // the whole log, or what follows the checkpoint
  const opened: LedgerOpened = start.seen === undefined
    ? { from: 'log', eventsRead, reason: start.reason ?? 'no index checkpoint' }
    : { from: 'checkpoint', eventsRead };
  checkpoint?.arm();
  const decider = aggregateDecider(products);
  let last: Position | undefined;
  const written = (p: Position) => {
    checkpoint?.observed('appended');
    if (last === undefined || comparePosition(p, last) > 0) last = p;
  };
  const memo = rejectionMemo();
  const handler = createCommandHandler({
    store: o.store, decider, commands, observe, memo,
    backoff: v.backoff ?? exponentialBackoff(), maxAttempts, written, catchUp,
    stateCacheEntries,
  });
  const taken = handler.states.restore(kept.states);
  heldStates = () => handler.states.held();
  const queries = ledgerQueries({
    store: o.store, directory: v.directory, lastWritten: () => last, chart: v.chart,
    passbookMembers: v.passbookMembers, checkpoints: v.reportCheckpoints, products,
    society: () => society.id(), members, catchUp,
  });
  const runner = v.projection === undefined ? undefined : createProjectionRunner({
    store: o.store, projection: v.projection,
    // None given: the projection is rebuilt at open, and its state never serialized for a
    // checkpoint nobody reads (that cost grows with the state, so with the log, at every save).
    ...(v.checkpoints === undefined ? {} : { checkpoints: v.checkpoints }),
    checkpointEveryEvents: v.checkpointEveryEvents,
  });
  await runner?.start();
  const waitFor = (p: Position) => runner?.waitFor(p) ?? Promise.resolve();
  // As the Ledger's caller waits: for the position of an event stored, checked first.
  const waitForStored = async (p: Position): Promise<void> =>
    waitFor(await storedPosition(o.store, 'waitFor', 'position', p));
  const projection = async (opts: { after?: Position } = {}): Promise<S> => {
    if (runner === undefined) throw new Error('the Ledger was opened without a projection');
    let after: unknown;
    try {
      after = opts === undefined ? undefined : Reflect.get(Object(opts), 'after');
    } catch {
      throw new QueryRequestError('projection', 'after: could not be read');
    }
    if (after !== undefined) {
      await runner.waitFor(await storedPosition(o.store, 'projection', 'after', after));
    }
    return runner.state();
  };
  // The income statement of the year, once the books hold every event stored so far (by any
  // writer): the postings a close process has just made are in it.
  const netProfit = async (fy: string) => {
    if (v.netProfit !== undefined) return v.netProfit(fy, runner?.state());
    const head = await headPosition(o.store);
    const s = await queries.reportState(head === undefined ? {} : { after: head });
    return signedMoneyString(incomeStatement(s.states.books, { financialYear: fy }).netProfit);
  };
  const firstEntryOfBooks = async () => {
    const head = await headPosition(o.store);
    return firstEntryOn((await queries.reportState(head === undefined ? {} : { after: head }))
      .states.books);
  };
  // The permission table first (see docs/concepts/staff-and-roles.md), then the facts; while
  // the log has no society or no staff, conditioned on its set-up notes (setUpNotes.ts).
  const requireStaff = v.requireStaff === true;
  const fill = withSetUp({ store: o.store, states: handler.states, society: society.id,
    register: staff, setUp, requireStaff, catchUp }, authorising(
    { states: handler.states, register: staff, requireStaff },
    fetchFacts({
      store: o.store, states: handler.states, members, products, netProfit, society: society.id,
      firstEntryOn: firstEntryOfBooks, catchUp,
      tdsExempt: (m, fy) => v.directory?.tdsExempt(m, fy) ?? Promise.resolve(false),
    })));
  const handleOptions = { fill };
  // Not an async function: the handler's promise is returned as it is, without another
  // promise wrapped around it (and the turns of the event loop that would take).
  // Any value at all is refused as a value, never thrown: `commandRefusal` reads the input
  // into a plain copy first, then decodes it and checks its amounts against their limit.
  const execute = (input: unknown): Promise<CommandOutcome> => {
    try {
      const c = commandRefusal(input);
      if (E.isRight(c)) return handler.handle(c.right, handleOptions);
      return Promise.resolve({ status: 'rejected', duplicate: false, ...c.left });
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const claims = runningClaims(processClaimSettings(o.processClaims));
  const ctx: ProcessContext = {
    store: o.store, handler, decider, commands, members, processes, products, fill, waitFor,
    accruedInterest: queries.accruedInterest, catchUp,
    claims,
  };
  // A process the log shows started and not ended (the app died between its steps) is
  // completed now, from the request its first step recorded: steps already stored are
  // recognised by their ids, the rest applied once.
  // Each is claimed first (processClaim.ts): of instances opening at once, one completes it.
  const { resumed, elsewhere: resumedElsewhere } = v.resume === false
    ? { resumed: [], elsewhere: [] }
    : await resumeClaimedProcesses(ctx, claims.settings,
      processes.unfinished());
  // Each directory method's outcome is a promise, rejected (never a throw at the call) when
  // the Ledger has no directory.
  const directory = async (method: string) => {
    if (v.directory === undefined) throw new NoDirectoryError(method);
    return v.directory;
  };
  const { stop: stopQueries, ...query } = queries;
  return {
    ...commandMethods((type, data) => execute({ type, data })),
    ...query,
    execute,
    repayFromSavings: (r) => repayFromSavings(ctx, r),
    approveWithLiens: (r) => approveWithLiens(ctx, r),
    closeLoanReleasingLiens: (r) => closeLoanReleasingLiens(ctx, r),
    recoverFromGuarantor: (r) => recoverFromGuarantor(ctx, r),
    topUpLoan: (r) => topUpLoan(ctx, r),
    creditDividends: (r) => creditDividends(ctx, r),
    closeFinancialYear: (r) => closeFinancialYear(ctx, r),
    runStandingInstructions: (r) => runStandingInstructions(ctx, r),
    cashAtTill: (r) => cashAtTill(ctx, r),
    applyChargesForBranch: (r) => applyChargesForBranch(ctx, r),
    ...branchQueries({ store: o.store, states: handler.states }),
    approveRequest: approveRequest({ execute, states: handler.states, forget: memo.forget }),
    projection, waitFor: waitForStored, runner, resumed, resumedElsewhere, opened,
    restoredStates: 'dropped' in kept.opened
      ? { restored: taken, dropped: kept.opened.dropped } : kept.opened,
    registerMember: async (id, d) => (await directory('registerMember')).put(id, d),
    memberDetails: async (id) => (await directory('memberDetails')).get(id),
    nominate: async (r) => nominateWithDirectory(await directory('nominate'), execute, r),
    nominees: async (id) => (await directory('nominees')).nominees(id),
    recordTdsExemption: async (id, e) =>
      (await directory('recordTdsExemption')).recordTdsExemption(id, e),
    tdsStatement: (q) => tdsStatementOf({ store: o.store, members }, q),
    forgetMember: async (id, on) => (await directory('forgetMember')).forget(id, on),
    rotateDirectoryKey: async (key) =>
      (await directory('rotateDirectoryKey')).rotateMasterKey(key),
    passbookHtml: passbookHtmlQuery(queries),
    collectionSheetHtml: collectionSheetHtmlQuery(queries),
    dayCashHtml: dayCashHtmlQuery(branchQueries({ store: o.store, states: handler.states })),
    exportForAuditors: (file) =>
      exportEventLog({ store: o.store, schema: ledgerEventSchema, file }),
    close: async () => {
      await runner?.stop();
      await stopQueries();
      await checkpoint?.close();
    },
    products,
  };
};
