import { isLeft } from 'fp-ts/lib/Either.js';
import {
  balanceSheet, formatBalanceSheet, formatProfitAppropriation, formatShareCapitalRegister,
  profitAppropriationCsv, shareCapitalRegisterCsv, formatIncomeStatement, formatParReport,
  formatPassbook, formatTrialBalance, incomeStatement, parReport, passbook, replayAsync,
  trialBalance, type ReplayOptions,
} from '@usha/projections';
import {
  positionFromString, reportProjection, yearEndReports, type Position, type ReportState,
} from '@usha/ledger';
import type { ReportCommand } from './cliCommand.ts';
import type { CliIo } from './cliIo.ts';
import { openLog } from './openLog.ts';

const print = (c: ReportCommand, s: ReportState): string => {
  const asOf = c.asOf === undefined ? {} : { asOf: c.asOf };
  switch (c.report) {
    case 'trial-balance': return formatTrialBalance(trialBalance(s.states.books, asOf));
    case 'balance-sheet': return formatBalanceSheet(balanceSheet(s.states.books, asOf));
    case 'income-statement':
      return formatIncomeStatement(incomeStatement(s.states.books,
        { financialYear: c.year ?? '' }));
    case 'par': return formatParReport(parReport(s.states.balances, asOf));
    case 'share-register': case 'appropriation': return '';
    case 'passbook': {
      const p = passbook(s.states.passbook, c.member ?? '', asOf);
      const pages = c.account === undefined ? p.pages
        : p.pages.filter((page) => page.accountId === c.account);
      return formatPassbook({ ...p, pages });
    }
  }
};

/**
 * `usha report`: replays the log into fresh report projections, keeping only the events
 * effective on or before `--as-of` and recorded up to `--known-at`, and prints one report as
 * the Ledger's formatters print it. Nothing is written anywhere.
 */
export const reportCommand = async (c: ReportCommand, io: CliIo): Promise<number> => {
  const knownAt = c.knownAt === undefined ? undefined : positionFromString(c.knownAt);
  if (knownAt !== undefined && isLeft(knownAt)) {
    io.err(`usha: --known-at: ${knownAt.left}`);
    return 2;
  }
  const options: ReplayOptions<ReportState> = {
    ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
    ...(knownAt === undefined ? {} : { asKnownAt: knownAt.right }),
  };
  const log = await openLog(c.source);
  let text: string;
  try {
    text = c.report === 'share-register' || c.report === 'appropriation'
      ? await yearEnd(c, log.store, knownAt?.right)
      : print(c, await replayAsync(reportProjection(), log.store.readAll(), options));
  } finally {
    await log.close();
  }
  // `out` ends what it prints with a line break: CSV's own last CRLF is left to it.
  io.out(c.format === 'csv' ? text.replace(/\r\n$/, '') : text);
  return 0;
};

// The year-end reports, read as the Ledger's queries read them, in text or CSV.
const yearEnd = async (
  c: ReportCommand, store: Parameters<typeof yearEndReports>[0], knownAt: Position | undefined,
): Promise<string> => {
  const reports = yearEndReports(store);
  const financialYear = c.year ?? '';
  const known = knownAt === undefined ? {} : { asKnownAt: knownAt };
  const csv = c.format === 'csv';
  if (c.report === 'appropriation') {
    const p = await reports.profitAppropriation({ financialYear, ...known });
    return csv ? profitAppropriationCsv(p) : formatProfitAppropriation(p, financialYear);
  }
  const r = await reports.shareCapitalRegister({
    financialYear, ...known, ...(c.asOf === undefined ? {} : { asOf: c.asOf }),
  });
  return csv ? shareCapitalRegisterCsv(r) : formatShareCapitalRegister(r);
};
