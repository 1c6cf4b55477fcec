import * as t from 'io-ts';
import {
  BranchId, dateParts, DateString, FinancialYearLabel, isOpaqueId, lastBusinessDate,
} from '@usha/domain';
import { Paper, PrintLang } from '@usha/projections';

/** The reports `usha report` prints, each as the Ledger's formatter prints it. */
export const reportKinds = [
  'trial-balance', 'balance-sheet', 'income-statement', 'par', 'passbook', 'share-register',
  'appropriation', 'receipts-payments', 'dcb', 'npa', 'accrued-interest', 'collection-sheet',
  'dues', 'day-cash',
] as const;
export type ReportKind = (typeof reportKinds)[number];

/** Where the events come from: a log file (opened read-only) or an EventStoreDB database. */
export type LogSource =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** A report, as of a business date and as known at a point of the log. */
export interface ReportCommand {
  readonly command: 'report';
  readonly report: ReportKind;
  readonly source: LogSource;
  readonly asOf?: string;
  /** A position as `usha verify` prints it: 'C:<commit>/P:<prepare>'. */
  readonly knownAt?: string;
  readonly year?: string;
  readonly member?: string;
  readonly account?: string;
  /**
   * How a report prints: a text statement (the default), RFC 4180 CSV, or JSON (the CSV's
   * records as objects keyed by its header, amounts as decimal strings).
   */
  readonly format?: 'text' | 'csv' | 'json' | 'html';
  /** A printed page's language and paper (`--format html`: the passbook). */
  readonly lang?: PrintLang;
  readonly paper?: Paper;
  /** A period's first and last business dates (receipts-payments, dcb), instead of a year. */
  readonly from?: string;
  readonly to?: string;
  /** The product catalogue's JSON file (accrued-interest: interest accrues by product). */
  readonly products?: string;
  /** One branch's books (trial balance, balance sheet, income statement); the society's if not. */
  readonly branch?: string;
  /** One field officer's part of a collection sheet (his staff id). */
  readonly officer?: string;
  /** The overdue list: only instalments unpaid and late at the period's end (dues). */
  readonly overdue?: boolean;
  /** The business day a branch's cash is reported for (day-cash). */
  readonly on?: string;
}

/** One parsed command line. */
export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | {
    readonly command: 'verify';
    readonly file: string;
    readonly anchor?: string;
    /** The writer's public key file (PEM): every append must be signed by it. */
    readonly key?: string;
    /** With `key`: the last hash before signing began; appends up to it may be unsigned. */
    readonly signedAfter?: string;
  }
  | { readonly command: 'keygen'; readonly out: string }
  | ReportCommand
  | { readonly command: 'export'; readonly source: LogSource; readonly to: string };

const NonEmpty = t.refinement(t.string, (s) => s.length > 0, 'NonEmptyString');

// A report's financial year: one with a day a date can name, up to 2199-00 (to 31 December
// 2199; `FinancialYearLabel` starts at 1899-00); a report of the two years the range of dates
// cuts covers that part of it.
const lastReportYear = dateParts(lastBusinessDate).year;
const isReportYear = (u: unknown): u is string =>
  FinancialYearLabel.is(u) && Number(u.slice(0, 4)) <= lastReportYear;
const ReportYear = new t.Type<string, string, unknown>('ReportYear', isReportYear,
  (u, c) => isReportYear(u) ? t.success(u) : t.failure(u, c, FinancialYearLabel.is(u)
    ? `expected a financial year from 1899-00 to ${lastReportYear}-00 (dates run from 1900 to `
      + `${lastReportYear})`
    : 'expected a financial year such as "2024-25"'),
  t.identity);

const Sha256Hex = t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'Sha256Hex');

/** The options' codecs: what each flag's value must be, checked before any file is opened. */
export const ReportFlags = t.partial({
  'as-of': DateString,
  'known-at': t.refinement(t.string, (s) => /^C:(0|[1-9]\d*)\/P:(0|[1-9]\d*)$/.test(s),
    'Position'),
  year: ReportYear,
  member: NonEmpty,
  account: NonEmpty,
  esdb: NonEmpty,
  anchor: Sha256Hex,
  'signed-after': Sha256Hex,
  key: NonEmpty,
  out: NonEmpty,
  format: t.union([t.literal('text'), t.literal('csv'), t.literal('json'), t.literal('html')]),
  lang: PrintLang,
  paper: Paper,
  branch: BranchId,
  from: DateString,
  on: DateString,
  products: NonEmpty,
  // A staff id, as the log holds it: opaque, so no name, and nothing a terminal would act on
  // reaches the sheet's title.
  officer: t.refinement(t.string, isOpaqueId, 'StaffId'),
  overdue: t.boolean,
});
export type ReportFlags = t.TypeOf<typeof ReportFlags>;
