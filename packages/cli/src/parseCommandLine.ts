import { parseArgs } from 'node:util';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { DateString } from '@usha/domain';
import {
  ReportFlags, reportKinds, type CliCommand, type LogSource, type ReportKind,
} from './cliCommand.ts';

const flags = {
  'as-of': { type: 'string' },
  'known-at': { type: 'string' },
  year: { type: 'string' },
  member: { type: 'string' },
  account: { type: 'string' },
  esdb: { type: 'string' },
  anchor: { type: 'string' },
  to: { type: 'string' },
  key: { type: 'string' },
  'signed-after': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  from: { type: 'string' },
  products: { type: 'string' },
  lang: { type: 'string' },
  paper: { type: 'string' },
  branch: { type: 'string' },
  officer: { type: 'string' },
  overdue: { type: 'boolean' },
  on: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

// Which flags each command takes; any other is refused rather than ignored.
const allowed: Record<string, readonly string[]> = {
  verify: ['anchor', 'key', 'signed-after'],
  keygen: ['out'],
  report: ['as-of', 'known-at', 'year', 'member', 'account', 'esdb', 'format', 'from', 'to',
    'products', 'lang', 'paper', 'branch', 'officer', 'overdue', 'on'],
  export: ['esdb', 'to'],
};

// Which flags each report takes, beside --esdb.
const reportTakes: Record<ReportKind, readonly string[]> = {
  'trial-balance': ['as-of', 'known-at', 'format', 'branch'],
  'balance-sheet': ['as-of', 'known-at', 'format', 'branch'],
  'income-statement': ['year', 'known-at', 'format', 'branch'],
  par: ['as-of', 'known-at', 'format'],
  passbook: ['as-of', 'known-at', 'member', 'account', 'format', 'lang', 'paper'],
  'share-register': ['year', 'as-of', 'known-at', 'format'],
  appropriation: ['year', 'known-at', 'format'],
  'receipts-payments': ['year', 'from', 'to', 'known-at', 'format'],
  dcb: ['year', 'from', 'to', 'known-at', 'format'],
  npa: ['as-of', 'known-at', 'format'],
  'accrued-interest': ['as-of', 'known-at', 'products', 'format'],
  'collection-sheet': ['as-of', 'known-at', 'branch', 'officer', 'format', 'lang', 'paper'],
  dues: ['from', 'to', 'branch', 'overdue', 'known-at', 'format'],
  'day-cash': ['on', 'branch', 'known-at', 'format', 'lang', 'paper'],
};

// A period is a financial year or two dates, never both; the second date not before the first.
const periodError = (f: ReportFlags, to: string | undefined): string | undefined => {
  if (f.year !== undefined) {
    return f.from === undefined && to === undefined ? undefined
      : 'give --year or --from and --to, not both';
  }
  if (f.from === undefined || to === undefined) {
    return 'needs --year, or --from and --to, e.g. --year 2025-26';
  }
  return to < f.from ? `--to ${to} is before --from ${f.from}` : undefined;
};

// A printed page is made of the passbook, the collection sheet or the day-end cash only, and
// its language and paper mean nothing else.
const htmlReports: readonly ReportKind[] = ['passbook', 'collection-sheet', 'day-cash'];
const htmlError = (report: ReportKind, f: ReportFlags): string | undefined => {
  if (f.format === 'html') {
    return htmlReports.includes(report) ? undefined
      : `--format html is for ${htmlReports.join(', ')} only`;
  }
  const flag = f.lang !== undefined ? 'lang' : f.paper !== undefined ? 'paper' : undefined;
  return flag === undefined ? undefined : `--${flag} goes with --format html`;
};

// A collection sheet and a day's cash are of one branch on one day; a due list of two days.
const fieldReportError = (report: ReportKind, f: ReportFlags, to: string | undefined):
  string | undefined => {
  if (report === 'collection-sheet' && (f.branch === undefined || f['as-of'] === undefined)) {
    return 'collection-sheet needs --branch and --as-of (the day to collect)';
  }
  if (report === 'day-cash' && (f.branch === undefined || f.on === undefined)) {
    return 'day-cash needs --branch and --on (the business day)';
  }
  if (report !== 'dues') return undefined;
  if (f.from === undefined || to === undefined) return 'dues needs --from and --to';
  return to < f.from ? `--to ${to} is before --from ${f.from}` : undefined;
};

// What each flag's value looks like, said when its codec gives no message of its own.
const expected: Record<string, string> = {
  'known-at': 'expected a position like C:123/P:123, as usha verify prints it',
  anchor: 'expected a 64-hex-digit hash, as usha verify prints it',
  'signed-after': 'expected a 64-hex-digit hash, as usha verify prints it',
  format: 'expected text, csv, json or html',
  lang: 'expected bn or en',
  paper: 'expected A4 or A5',
  branch: 'expected a branch id, e.g. SONAGACHI (HO: the head office)',
  officer: 'expected a staff id as the log holds it (letters, digits, _ . : -; at most 100)',
};

const firstError = (errors: t.Errors, name?: string): string => {
  const e = errors[0];
  const flag = name ?? e?.context.map((c) => c.key).find((k) => k !== '') ?? '';
  const value = JSON.stringify(e?.value);
  return `--${flag}: ${e?.message
    ?? `not a valid value: ${value}: ${expected[flag] ?? 'expected a non-empty value'}`}`;
};

const isReport = (s: string | undefined): s is ReportKind =>
  (reportKinds as readonly (string | undefined)[]).includes(s);

// An empty name is no file: refused as the command line's fault, as an empty --key is, not
// looked for on the disk (where it would be "no such file", exit 1).
const emptyLogName = '<log.ndjson>: the log file\'s name is empty';

const sourceOf = (file: string | undefined, esdb: string | undefined):
  Either<string, LogSource> => {
  if (file === '') return left(emptyLogName);
  if (file !== undefined && esdb !== undefined) return left('give a log file or --esdb, not both');
  if (esdb !== undefined) return right({ kind: 'eventstoredb', connectionString: esdb });
  if (file === undefined) return left('which log? give its file, or --esdb <connection>');
  return right({ kind: 'file', file });
};

/**
 * Reads a command line (without `node` and the script) into a command, or says what is wrong
 * with it. Flags are decoded with io-ts: a date, a position or a year that is not one is
 * refused here, naming the flag, before any log is opened.
 * @example parseCommandLine(['verify', 'usha.ndjson']) // right({ command: 'verify', ... })
 */
export const parseCommandLine = (argv: readonly string[]): Either<string, CliCommand> => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: flags, allowPositionals: true, strict: true,
      tokens: true });
  } catch (e) {
    return left(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals, tokens } = parsed;
  // A flag given twice would be taken at its last value, silently: refused, naming it.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) return left(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
  }
  const [command, ...rest] = positionals;
  if (values.version === true) {
    return Object.keys(values).length === 1 && positionals.length === 0
      ? right({ command: 'version' }) : left('--version takes no command or other flag');
  }
  if (values.help === true || command === undefined || command === 'help') {
    return right({ command: 'help' });
  }
  const takes = allowed[command];
  if (takes === undefined) return left(`unknown command '${command}'`);
  const extra = Object.keys(values).find((k) => !takes.includes(k));
  if (extra !== undefined) return left(`'${command}' takes no --${extra}`);
  const decoded = ReportFlags.decode(values);
  if (decoded._tag === 'Left') return left(firstError(decoded.left));
  const f = decoded.right;
  if (command === 'verify') {
    const [file, ...more] = rest;
    if (file === undefined || more.length > 0) return left('verify takes one log file');
    if (file === '') return left(emptyLogName);
    if (f['signed-after'] !== undefined && f.key === undefined) {
      return left('--signed-after goes with --key');
    }
    return right({
      command: 'verify', file, ...(f.anchor === undefined ? {} : { anchor: f.anchor }),
      ...(f.key === undefined ? {} : { key: f.key }),
      ...(f['signed-after'] === undefined ? {} : { signedAfter: f['signed-after'] }),
    });
  }
  if (command === 'keygen') {
    if (rest.length > 0) return left('keygen takes no file; give --out <dir>');
    if (f.out === undefined) return left('keygen needs --out <dir>');
    return right({ command: 'keygen', out: f.out });
  }
  if (command === 'export') {
    const [file, ...more] = rest;
    if (more.length > 0) return left('export takes one log file');
    const source = sourceOf(file, f.esdb);
    if (source._tag === 'Left') return source;
    if (values.to === undefined || values.to === '') return left('export needs --to <file>');
    return right({ command: 'export', source: source.right, to: values.to });
  }
  const [report, file, ...more] = rest;
  if (!isReport(report)) return left(`which report? one of ${reportKinds.join(', ')}`);
  if (more.length > 0) return left('report takes one log file');
  const unused = Object.keys(values).find((k) => k !== 'esdb' && !reportTakes[report].includes(k));
  if (unused !== undefined) return left(`${report} takes no --${unused}`);
  const source = sourceOf(file, f.esdb);
  if (source._tag === 'Left') return source;
  const needsYear = ['income-statement', 'share-register', 'appropriation'];
  if (needsYear.includes(report) && f.year === undefined) {
    return left(`${report} needs --year, e.g. --year 2025-26`);
  }
  if (report === 'passbook' && f.member === undefined) return left('passbook needs --member');
  // --to is a file for export and a date here: decoded here, not with the other flags.
  const to = values.to === undefined ? undefined : DateString.decode(values.to);
  if (to !== undefined && to._tag === 'Left') return left(firstError(to.left, 'to'));
  const until = to?.right;
  if (report === 'receipts-payments' || report === 'dcb') {
    const wrong = periodError(f, until);
    if (wrong !== undefined) return left(wrong.startsWith('needs') ? `${report} ${wrong}` : wrong);
  }
  const html = htmlError(report, f);
  if (html !== undefined) return left(html);
  if (report === 'accrued-interest' && f.products === undefined) {
    return left('accrued-interest needs --products <catalogue.json>');
  }
  const field = fieldReportError(report, f, until);
  if (field !== undefined) return left(field);
  return right({
    command: 'report', report, source: source.right,
    ...(f['as-of'] === undefined ? {} : { asOf: f['as-of'] }),
    ...(f['known-at'] === undefined ? {} : { knownAt: f['known-at'] }),
    ...(f.year === undefined ? {} : { year: f.year }),
    ...(f.member === undefined ? {} : { member: f.member }),
    ...(f.account === undefined ? {} : { account: f.account }),
    ...(f.format === undefined ? {} : { format: f.format }),
    ...(f.from === undefined ? {} : { from: f.from }),
    ...(until === undefined ? {} : { to: until }),
    ...(f.products === undefined ? {} : { products: f.products }),
    ...(f.lang === undefined ? {} : { lang: f.lang }),
    ...(f.paper === undefined ? {} : { paper: f.paper }),
    ...(f.branch === undefined ? {} : { branch: f.branch }),
    ...(f.officer === undefined ? {} : { officer: f.officer }),
    ...(f.overdue === undefined ? {} : { overdue: f.overdue }),
    ...(f.on === undefined ? {} : { on: f.on }),
  });
};
