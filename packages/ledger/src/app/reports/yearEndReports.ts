import {
  balancesProjection, booksProjection, combine, idleProjection, profitAppropriation, replayAsync,
  shareCapitalRegister, yearFactsProjection, type ProfitAppropriation,
  type ShareCapitalRegister,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { IncomeStatementOptions } from './queryOptions.ts';
import { queryOptionsOf } from './queryOptionsOf.ts';
import { reversibleOf, type ReportReadOptions } from './reportReadOptions.ts';

/** The share capital register of a financial year, as of a date (today's when omitted). */
export interface ShareRegisterOptions extends IncomeStatementOptions {
  readonly asOf?: string;
}

/** The year-end reports a registrar and an auditor ask for. */
export interface YearEndReports {
  readonly shareCapitalRegister: (o: ShareRegisterOptions) => Promise<ShareCapitalRegister>;
  readonly profitAppropriation: (o: IncomeStatementOptions) =>
    Promise<ProfitAppropriation | undefined>;
}

/**
 * The year-end reports, each a replay of the log from the start (asked for a few times a year,
 * they keep no state of their own between queries): balances, books and the year facts
 * folded together to the date asked, as known at the position asked.
 */
export const yearEndReports = (
  store: EventStore<LedgerEvent>, o: ReportReadOptions = {},
): YearEndReports => {
  // Each report folds what it reads only: the register the members' holdings (balances), the
  // appropriation the books; the other state stays empty (at a decade, tens of MiB of heap).
  const projection = (reads: 'balances' | 'books') => {
    const books = booksProjection(o.chart === undefined ? {} : { chart: o.chart });
    return combine({
      balances: reads === 'balances' ? balancesProjection() : idleProjection(balancesProjection()),
      books: reads === 'books' ? books : idleProjection(books),
      facts: yearFactsProjection(),
    }, reversibleOf(o));
  };
  const replayed = (
    reads: 'balances' | 'books', r: ShareRegisterOptions,
  ) => replayAsync(projection(reads), store.readAll(), {
    ...(r.asOf === undefined ? {} : { asOf: r.asOf }),
    ...(r.asKnownAt === undefined ? {} : { asKnownAt: r.asKnownAt }),
  });
  // Options read once into a checked copy: any JS value is answered or refused with a
  // QueryRequestError naming the query and the field, never a TypeError.
  return {
    shareCapitalRegister: async (u) => {
      const r = queryOptionsOf('shareCapitalRegister', u,
        { must: ['financialYear'], may: ['asOf'] });
      const s = await replayed('balances', r);
      return shareCapitalRegister(s.states.balances, s.states.facts, {
        financialYear: r.financialYear, ...(r.asOf === undefined ? {} : { asOf: r.asOf }),
      });
    },
    profitAppropriation: async (u) => {
      const r = queryOptionsOf('profitAppropriation', u, { must: ['financialYear'] });
      const s = await replayed('books', { financialYear: r.financialYear,
        ...(r.asKnownAt === undefined ? {} : { asKnownAt: r.asKnownAt }) });
      return profitAppropriation(s.states.books, s.states.facts, r.financialYear);
    },
  };
};
