import { stat } from 'node:fs/promises';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  balanceSheet, balanceSheetCsv, collectionSheetCsv, demandCollectionBalanceCsv, duesCsv,
  formatBalanceSheet, formatCollectionSheet, formatDues, collectionSheetHtml,
  formatDemandCollectionBalance, formatIncomeStatement, formatNpaSchedule, formatParReport,
  branchesOf, formatPassbook, formatProfitAppropriation, formatReceiptsAndPayments,
  formatShareCapitalRegister, formatTrialBalance, incomeStatement, incomeStatementCsv,
  npaScheduleCsv, parReport, parReportCsv, passbook, passbookCsv, passbookHtml,
  profitAppropriationCsv,
  receiptsAndPaymentsCsv, replayAsync, ReversibleIdsIncompleteError, shareCapitalRegisterCsv,
  trialBalance, trialBalanceCsv, AsOfError, type ReplayOptions,
} from '@usha/projections';
import {
  accruedInterestCsvRecords, accruedInterestLines, accruedInterestQuery,
  collectionReports, UnknownBranchError, dayCashHtml, dayCashReportText, periodReports,
  ledgerEventSchema, logEnd, positionFromString, readLogForwards, reportProjection, yearEndReports,
  type EventStore, type LedgerEvent, type PeriodOptions, type Position, type ReportReadOptions,
  type ReportState,
} from '@usha/ledger';
import type { ReportCommand } from './cliCommand.ts';
import { printLines, type CliIo } from './cliIo.ts';
import { csvAsJson, csvRecordsAsJsonLines } from './csvAsJson.ts';
import { eventWatch, observedStore, type ReadSeen } from './observedStore.ts';
import { openLog, type OpenLog } from './openLog.ts';
import { forwardsStore } from './forwardsStore.ts';
import { logFileProblem } from './fileProblem.ts';
import { reportFold } from './reportFold.ts';
import { reversedEventIds } from './reversedEventIds.ts';
import { describeProductsFileError, readProductsFile } from './productsFile.ts';
import { passbookProblem, readProblem, ReportRefusedError } from './readProblem.ts';
import { branchProblem } from './branchProblem.ts';
import { replayProgress } from './replayProgress.ts';
import { dayCashCsv } from './dayCashCsv.ts';
import { dayCashOfLog } from './dayCashOfLog.ts';

// Each report in text, CSV or JSON (made from the CSV): the forms are chosen together, so
// none prints one only.
const either = <T>(c: ReportCommand, r: T, text: (r: T) => string, csv: (r: T) => string) =>
  (c.format === 'csv' ? csv(r) : c.format === 'json' ? csvAsJson(csv(r)) : text(r));

const print = (c: ReportCommand, s: ReportState): string => {
  const asOf = c.asOf === undefined ? {} : { asOf: c.asOf };
  // One branch's books with --branch; the society's (the sum of the branches') without.
  const branch = c.branch === undefined ? {} : { branchId: c.branch };
  const unknown = c.branch === undefined ? undefined
    : branchProblem(c.branch, branchesOf(s.states.books));
  if (unknown !== undefined) throw new ReportRefusedError(unknown);
  switch (c.report) {
    case 'trial-balance': return either(c, trialBalance(s.states.books, { ...asOf, ...branch }),
      formatTrialBalance, trialBalanceCsv);
    case 'balance-sheet': return either(c, balanceSheet(s.states.books, { ...asOf, ...branch }),
      formatBalanceSheet, balanceSheetCsv);
    case 'income-statement':
      return either(c, incomeStatement(s.states.books, { financialYear: c.year ?? '', ...branch }),
        formatIncomeStatement, incomeStatementCsv);
    case 'par': return either(c, parReport(s.states.balances, asOf), formatParReport,
      parReportCsv);
    case 'passbook': {
      const p = passbook(s.states.passbook, c.member ?? '', asOf);
      const problem = passbookProblem(c.member ?? '', c.account,
        p.pages.map((page) => page.accountId));
      if (problem !== undefined) throw new ReportRefusedError(problem);
      const pages = c.account === undefined ? p.pages
        : p.pages.filter((page) => page.accountId === c.account);
      // The printed page names her by id only: this command never reads the directory.
      if (c.format === 'html') {
        // `out` ends what it prints with the page's last line feed.
        return passbookHtml({ ...p, pages }, { lang: c.lang ?? 'en', paper: c.paper ?? 'A4' })
          .replace(/\n$/, '');
      }
      return either(c, { ...p, pages }, formatPassbook, passbookCsv);
    }
    default: return '';
  }
};

type Read = {
  readonly store: EventStore<LedgerEvent>;
  readonly knownAt: Position | undefined;
  /** The replays' reversal index keeps these events only (a file scanned first). */
  readonly reading: ReportReadOptions;
};

// The year-end reports, read as the Ledger's queries read them.
const yearEnd = async (c: ReportCommand, { store, knownAt, reading }: Read): Promise<string> => {
  const reports = yearEndReports(store, reading);
  const financialYear = c.year ?? '';
  const known = knownAt === undefined ? {} : { asKnownAt: knownAt };
  if (c.report === 'appropriation') {
    const p = await reports.profitAppropriation({ financialYear, ...known });
    return either(c, p, (x) => formatProfitAppropriation(x, financialYear),
      profitAppropriationCsv);
  }
  return either(c, await reports.shareCapitalRegister({
    financialYear, ...known, ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
  }), formatShareCapitalRegister, shareCapitalRegisterCsv);
};

// The period and loan-quality reports, read as the Ledger's queries read them.
const period = async (c: ReportCommand, { store, knownAt, reading }: Read): Promise<string> => {
  const reports = periodReports(store, reading);
  const known = knownAt === undefined ? {} : { asKnownAt: knownAt };
  const when: PeriodOptions = c.year !== undefined ? { financialYear: c.year, ...known }
    : { from: c.from ?? '', to: c.to ?? '', ...known };
  if (c.report === 'receipts-payments') {
    return either(c, await reports.receiptsAndPayments(when), formatReceiptsAndPayments,
      receiptsAndPaymentsCsv);
  }
  if (c.report === 'dcb') {
    return either(c, await reports.demandCollectionBalance(when),
      formatDemandCollectionBalance, demandCollectionBalanceCsv);
  }
  return either(c, await reports.npaSchedule({ ...known,
    ...(c.asOf === undefined ? {} : { asOf: c.asOf }) }), formatNpaSchedule, npaScheduleCsv);
};

// The collection sheet and the due lists, read as the Ledger's queries read them.
const collection = async (
  c: ReportCommand, read: Read,
): Promise<string> => {
  try {
    return await collectionOf(c, read);
  } catch (e) {
    // A mistyped branch would print an empty sheet, exit 0: refused, as the books refuse one.
    if (!(e instanceof UnknownBranchError)) throw e;
    throw new ReportRefusedError(`--${e.message}`); // the library's words, the flag's name
  }
};

const collectionOf = async (
  c: ReportCommand, { store, knownAt, reading }: Read,
): Promise<string> => {
  const reports = collectionReports(store, reading, { branchInLog: true });
  const known = knownAt === undefined ? {} : { asKnownAt: knownAt };
  const branch = c.branch === undefined ? {} : { branchId: c.branch };
  if (c.report === 'collection-sheet') {
    const sheet = await reports.collectionSheet({ branchId: c.branch ?? '',
      on: c.asOf ?? '', ...known, ...(c.officer === undefined ? {} : {
        fieldOfficer: c.officer }) });
    // Members by id only, as in the text sheet; `out` ends it with the page's last line feed.
    if (c.format === 'html') {
      return collectionSheetHtml(sheet, { lang: c.lang ?? 'en', paper: c.paper ?? 'A4' })
        .replace(/\n$/, '');
    }
    return either(c, sheet, formatCollectionSheet, collectionSheetCsv);
  }
  return either(c, await reports.dues({ from: c.from ?? '', to: c.to ?? '', ...branch,
    ...known, overdueOnly: c.overdue === true }), formatDues, duesCsv);
};

// A branch's day-end cash: the text is the Ledger's own report, the page its own print.
const dayCashReport = async (c: ReportCommand, { store, knownAt }: Read): Promise<string> => {
  const d = await dayCashOfLog({ store, branchId: c.branch ?? '', on: c.on ?? '',
    ...(knownAt === undefined ? {} : { knownAt }) });
  // `out` ends what it prints with the page's last line feed.
  return c.format === 'html'
    ? dayCashHtml(d, { lang: c.lang ?? 'en', paper: c.paper ?? 'A4' }).replace(/\n$/, '')
    : either(c, d, dayCashReportText, dayCashCsv);
};

const reportText = (c: ReportCommand, read: Read, options: ReplayOptions<ReportState>) => {
  switch (c.report) {
    case 'collection-sheet': case 'dues': return collection(c, read);
    case 'day-cash': return dayCashReport(c, read);
    case 'share-register': case 'appropriation': return yearEnd(c, read);
    case 'receipts-payments': case 'dcb': case 'npa': return period(c, read);
    default: return replayAsync(reportProjection(), read.store.readAll(), options)
      .then((s) => print(c, s));
  }
};

// The reports made by one replay of every event: from a file, read once, forwards, no index.
const replayed = new Set(['trial-balance', 'balance-sheet', 'income-statement', 'par',
  'passbook']);

/**
 * How a report reads a log file: forwards with no index (once, or once per replay the report's
 * query makes), or through the file store and its index.
 */
export type ReportRead = 'sequential' | 'indexed';

type Progress = ReturnType<typeof replayProgress>;

/** A report too long to hold as one string: its lines, made as they are printed. */
interface Lines {
  readonly lines: Iterable<string>;
}

/** What a report's reads made: its text, or why it was refused, and what they saw. */
interface Made {
  readonly text: string | Lines;
  readonly refused: string | undefined;
  readonly seen: ReadSeen;
}

// Runs a report's reads: a refusal is kept to be told after what the reads saw.
const made = async (
  seen: () => ReadSeen, text: () => Promise<string | Lines>,
): Promise<Made> => {
  try {
    return { text: await text(), refused: undefined, seen: seen() };
  } catch (e) {
    if (!(e instanceof ReportRefusedError)) throw e;
    return { text: '', refused: e.message, seen: seen() };
  }
};

// A replayed report straight from the file (checked readable first, by reportCommand):
// memory is the fold's and one read chunk's, not an index of every event.
const sequentialReport = async (
  c: ReportCommand, file: string, options: ReplayOptions<ReportState>, progress: Progress,
  scan: boolean,
): Promise<Made> => {
  const watch = eventWatch({ ...(options.asKnownAt === undefined ? {} : {
    knownAt: options.asKnownAt }), onEvent: (e) => progress.onEvent(e.position.commit) });
  // The reversals' targets first, by a plain scan of the same bytes: the replay's reversal
  // index then keeps those events only, not 21 bytes of every money event in the history.
  const bytes = await logEnd(file); // not the size: that counts the space ahead of the log
  const reversed = scan ? await reversedEventIds(file, bytes) : undefined;
  const events = watch.watch(readLogForwards({ file, schema: ledgerEventSchema, bytes }));
  const fold = reportFold(c, reversed === undefined ? {}
    : { reversible: (id) => reversed.has(id) });
  return made(watch.seen, async () => print(c, await replayAsync(fold, events, options)));
};

// Any report through a store: the log file's (read forwards, or indexed) or the database's.
const storeReport = async (
  c: ReportCommand, read: { readonly knownAt: Position | undefined }, progress: Progress,
  parts: {
    readonly options: ReplayOptions<ReportState>; readonly products: Products;
    readonly open: () => Promise<OpenLog>; readonly reading: ReportReadOptions;
  },
): Promise<Made> => {
  const log = await parts.open();
  const watched = observedStore(log.store, { ...(read.knownAt === undefined ? {} : {
    knownAt: read.knownAt }), onEvent: (e) => progress.onEvent(e.position.commit) });
  try {
    const r = { store: watched.store, knownAt: read.knownAt, reading: parts.reading };
    return await made(watched.seen, () => (parts.products === undefined
      ? reportText(c, r, parts.options) : accrued(c, r, parts.products)));
  } finally {
    await log.close();
  }
};

/**
 * `usha report`: replays the log into fresh report projections, keeping only the events
 * effective on or before `--as-of` and recorded up to `--known-at`, and prints one report as
 * the Ledger's formatters print it, in text, CSV or JSON. Refused (exit 1, nothing printed)
 * when it would mislead: see `readProblem`. Nothing is written anywhere.
 */
export const reportCommand = async (
  c: ReportCommand, io: CliIo, how: { readonly read?: ReportRead } = {},
): Promise<number> => {
  const knownAt = c.knownAt === undefined ? undefined : positionFromString(c.knownAt);
  if (knownAt !== undefined && isLeft(knownAt)) {
    io.err(`usha: --known-at: ${knownAt.left}`);
    return 2;
  }
  const products = c.products === undefined ? undefined : await readProductsFile(c.products);
  if (products !== undefined && isLeft(products)) {
    io.err(`usha: ${describeProductsFileError(products.left)}`);
    return 2;
  }
  const options: ReplayOptions<ReportState> = {
    ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
    ...(knownAt === undefined ? {} : { asKnownAt: knownAt.right }),
  };
  const file = c.source.kind === 'file' ? c.source.file : undefined;
  // Checked before anything opens it: a pipe's open waits for a writer that never comes.
  const unreadable = file === undefined ? undefined : await logFileProblem(file);
  if (unreadable !== undefined) {
    io.err(`usha: ${unreadable}`);
    return 1;
  }
  const progress = replayProgress({ sink: io.progress, nowMs: () => performance.now(),
    ...(file === undefined ? {} : { fileBytes: await fileBytes(file) }) });
  let r: Made;
  try {
    const forwards = file !== undefined && how.read !== 'indexed';
    r = forwards && products === undefined && replayed.has(c.report)
      ? await scanned((scan) => sequentialReport(c, file, options, progress, scan))
      : forwards ? await scanned(async (scan) => storeReport(c, { knownAt: knownAt?.right },
        progress, { options, products: products?.right, ...await forwardsLog(file, scan) }))
        : await storeReport(c, { knownAt: knownAt?.right }, progress, {
          options, products: products?.right, open: () => openLog(c.source), reading: {},
        });
  } finally {
    progress.done();
  }
  const { text, refused } = r;
  // What the reads saw first: a passbook of nobody in a log of nothing is a log of nothing.
  const problem = readProblem(c, r.seen) ?? refused;
  if (problem !== undefined) {
    io.err(`usha: ${problem}`);
    return 1;
  }
  if (typeof text !== 'string') {
    await printLines(io, text.lines);
    return 0;
  }
  // `out` ends what it prints with a line feed: CSV's last CR stays, so every record on
  // standard output ends with CRLF, the last one too (RFC 4180).
  io.out(c.format === 'csv' ? text.replace(/\n$/, '') : text);
  return 0;
};

// A log file (checked readable first, by reportCommand) for the reports the Ledger's queries
// make: each of their reads of the whole log reads the file forwards once, so no index of
// every event is built; the reversals' targets are found first by a plain scan, so that the
// replays' reversal indexes keep those only.
const forwardsLog = async (file: string, scan: boolean) => {
  const bytes = await logEnd(file); // not the size: that counts the space ahead of the log
  const reversed = scan ? await reversedEventIds(file, bytes) : undefined;
  const store = forwardsStore(file, bytes);
  const log: OpenLog = { store, close: () => store.close() };
  return { open: () => Promise.resolve(log),
    reading: reversed === undefined ? {} : { reversible: (id: string) => reversed.has(id) } };
};

// The scan finds the ids as the store writes its lines (canonical JSON); a line written
// otherwise (a space, an escaped key) and still chained is read as it is, its reversal's
// target missed by the scan: the replay refuses (ReversibleIdsIncompleteError) and the report
// is made again keeping every money event, as exact and only larger.
const scanned = async (make: (scan: boolean) => Promise<Made>): Promise<Made> => {
  try {
    return await make(true);
  } catch (e) {
    if (!(e instanceof ReversibleIdsIncompleteError)) throw e;
    return make(false);
  }
};

type Products = Parameters<typeof accruedInterestQuery>[0]['products'] | undefined;

// The log's end for the progress line (not the file's size: that counts the space set aside
// ahead of a log being written) of a file checked readable; one that fails is told by the read.
const fileBytes = (file: string): Promise<number | undefined> =>
  logEnd(file).catch(() => stat(file).then((s) => s.size, () => undefined));

// `out` ends each line with a line feed: a CSV record's CR stays, so each ends with CRLF.
function* crlfRecords(records: Iterable<string>): Generator<string, void, undefined> {
  for (const r of records) yield r.slice(0, -1);
}

// Accrued interest, as the Ledger's query computes it, with the catalogue given. A line per
// deposit account and per loan: its text and CSV are printed as they are made, after the
// query's state is let go, never held whole.
const accrued = async (
  c: ReportCommand, { store, knownAt, reading }: Read, products: NonNullable<Products>,
): Promise<string | Lines> => {
  // The reversal filter of the other kinds: its index keeps the events reversals name only.
  const q = accruedInterestQuery({ store, products, lastWritten: () => undefined, reading });
  let a: Awaited<ReturnType<typeof q.query>>;
  try {
    a = await q.query({ ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
      ...(knownAt === undefined ? {} : { asKnownAt: knownAt }) });
  } catch (e) {
    // A day the reckoning cannot reach (the last of 2199): the library's words, the flag's name.
    if (e instanceof AsOfError && e.message.startsWith('asOf: ')) {
      throw new ReportRefusedError(`--as-of ${e.message.slice('asOf: '.length)}`);
    }
    throw e;
  } finally {
    await q.stop();
  }
  // Accounts of a product the catalogue lacks are left out of the figures: not printed as if
  // whole (a payable of 0.00 for a catalogue of nothing), but refused, naming the products.
  if (a.productsMissing.length > 0) {
    throw new ReportRefusedError(`--products: ${c.products ?? ''} lacks the products of open `
      + `deposit accounts in the log (${a.productsMissing.join(', ')}): their interest cannot `
      + 'be reckoned; give a catalogue with every product');
  }
  return c.format === 'csv' ? { lines: crlfRecords(accruedInterestCsvRecords(a)) }
    : c.format === 'json' ? { lines: csvRecordsAsJsonLines(accruedInterestCsvRecords(a)) }
      : { lines: accruedInterestLines(a) };
};
