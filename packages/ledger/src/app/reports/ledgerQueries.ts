import { storedPosition } from '../ledger/storedPosition.ts';
import {
  balanceSheet, incomeStatement, memberBalances, parReport, passbook, replayAsync, trialBalance,
  yearEnd,
  type BalancesState, type BalanceSheet, type IncomeStatement, type MemberStatement,
  type ParReport, type PortfolioFigures, type TrialBalance, type YearClose,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CheckpointStore } from '../runner/checkpointStore.ts';
import { createProjectionRunner, type ProjectionRunner } from '../runner/projectionRunner.ts';
import type { MemberPassbook, PassbookHolder } from './memberPassbook.ts';
import type { ProductCatalogue, SocietyId } from '@usha/domain';
import {
  accruedInterestQuery, type AccruedInterest, type AccruedInterestOptions,
} from './accruedInterest.ts';
import { noLoans } from './noLoans.ts';
import {
  loanBalancesAsOf, memberBalancesAsOf, type DatedBalancesSources,
} from './datedBalances.ts';
import { portfolioAsOf } from './datedPortfolio.ts';
import {
  unclaimedDividends, type UnclaimedDividend, type UnclaimedDividendOptions,
} from './unclaimedDividends.ts';
import { yearEndReports, type YearEndReports } from './yearEndReports.ts';
import { periodReports, type PeriodReports } from './periodReports.ts';
import { collectionReports, type CollectionReports } from './collectionReports.ts';
import { passbookArguments } from './passbookArguments.ts';
import type {
  AsOfOptions, BranchBooksOptions, BranchIncomeStatementOptions, IncomeStatementOptions,
  ParOptions, PassbookOptions, ReadOptions,
} from './queryOptions.ts';
import { queryOptionsOf } from './queryOptionsOf.ts';
import { QueryRequestError } from './queryRequest.ts';
import { reportProjection, type ReportOptions, type ReportState } from './reportProjection.ts';

/** The Ledger's queries over the report projections. */
export interface LedgerQueries extends YearEndReports, PeriodReports, CollectionReports {
  /**
   * A member's shares, deposits and loans as of a date; undefined for a member never seen. A
   * past date reads her streams only; `asKnownAt` replays the whole log to that position.
   */
  readonly balances: (memberId: string, o?: AsOfOptions) =>
    Promise<MemberStatement | undefined>;
  /**
   * A member's passbook (one account's page when `accountId` is given), as of a date. The
   * older form `(memberId, accountId, options)` still reads; options after no account id are
   * refused with a PassbookArgumentsError, never dropped.
   */
  readonly passbook: {
    (memberId: string, o?: PassbookOptions): Promise<MemberPassbook>;
    /** @deprecated pass the account as `{ accountId }` in the options. */
    (memberId: string, accountId: string, o?: PassbookOptions): Promise<MemberPassbook>;
  };
  /** The trial balance of one branch (`branchId`), or of the society when omitted. */
  readonly trialBalance: (o?: BranchBooksOptions) => Promise<TrialBalance>;
  /** The balance sheet of one branch (`branchId`), or of the society when omitted. */
  readonly balanceSheet: (o?: BranchBooksOptions) => Promise<BalanceSheet>;
  /** A year's income statement of one branch (`branchId`), or of the society when omitted. */
  readonly incomeStatement: (o: BranchIncomeStatementOptions) => Promise<IncomeStatement>;
  /** What closing a financial year did in the books: reserve and surplus; undefined if open. */
  readonly yearClose: (o: IncomeStatementOptions) => Promise<YearClose | undefined>;
  /**
   * Every active loan's days past due and bucket, by branch and overall. A past date reads the
   * loan and member streams with events on both sides of it, once the report runner runs
   * (before, one read of the log folding those streams); `asKnownAt` replays the whole log.
   */
  readonly portfolio: (o?: AsOfOptions) => Promise<ParReport>;
  /** PAR30, PAR90, buckets and arrears of a branch, or of the society. */
  readonly par: (o?: ParOptions) => Promise<PortfolioFigures>;
  /**
   * Dividends payable in cash and not yet paid, by member and year, as of a date and as known
   * at a log position.
   */
  readonly unclaimedDividends: (o?: UnclaimedDividendOptions) =>
    Promise<ReadonlyArray<UnclaimedDividend>>;
  /**
   * Interest earned and not yet credited or paid, per deposit account and loan, on a date: the
   * interest payable and receivable of accrual-basis books (a loan over the NPA threshold's is
   * listed apart: income only when received).
   */
  readonly accruedInterest: (o?: AccruedInterestOptions) => Promise<AccruedInterest>;
  /** The report projections' state itself (live: do not keep it), for reports of your own. */
  readonly reportState: (o?: ReadOptions) => Promise<ReportState>;
  /** Stops the report runner, if it was started. */
  readonly stop: () => Promise<void>;
}

/** What the queries read from. */
export interface QuerySources extends ReportOptions {
  readonly store: EventStore<LedgerEvent>;
  readonly directory?: MemberDirectory;
  /** The position of the last event this Ledger wrote: queries wait for it by default. */
  readonly lastWritten: () => Position | undefined;
  /** Where the report runner keeps its checkpoint; none (rebuilt at open) by default. */
  readonly checkpoints?: CheckpointStore;
  /** The products: deposit interest accrues by its product's settings. */
  readonly products: ProductCatalogue;
  /**
   * Days past due beyond which a loan is non-performing; when omitted, the society's setting
   * in force on the date asked (90 days when no society is configured).
   */
  readonly npaDaysPastDue?: number;
  /** The society whose settings the accrual-basis reports follow. */
  readonly society?: () => SocietyId | undefined;
  /**
   * Each member's streams: balances and the portfolio as of a past date fold those streams
   * only; without it they replay the whole log.
   */
  readonly members?: DatedBalancesSources['members'];
  /** Reads what other writers stored since, into `members`, before it is read. */
  readonly catchUp?: () => Promise<void>;
}

/**
 * The queries. The report runner starts on the first query (a Ledger that only takes commands
 * pays nothing for it), reads the log from its checkpoint, then follows it. A query waits until
 * the runner holds `after` (by default this Ledger's last write). Balances and the portfolio as
 * of a date before the latest applied fold only the streams they read (her streams; the loan
 * and member streams), when the member index is given; any `asKnownAt` replays the whole log.
 */
export const ledgerQueries = (q: QuerySources): LedgerQueries => {
  const projection = reportProjection(q);
  const accrued = accruedInterestQuery(q);
  const yearReports = yearEndReports(q.store, q.chart === undefined ? {} : { chart: q.chart });
  let runner: ProjectionRunner<ReportState> | undefined;
  let started: Promise<ProjectionRunner<ReportState>> | undefined;
  const start = (): Promise<ProjectionRunner<ReportState>> => (started ??= (async () => {
    // Without a checkpoint store none is kept: a throwaway one cost a serialization of the
    // whole state every thousand events, quadratic in the log (25x a replay at 250k events).
    const r = createProjectionRunner({ store: q.store, projection,
      ...(q.checkpoints === undefined ? {} : { checkpoints: q.checkpoints }) });
    runner = r;
    await r.start();
    await r.caughtUp();
    return r;
  })());
  const live = async (o: ReadOptions): Promise<ReportState> => {
    const r = await start();
    // A position given is one of an event stored: waiting for one no event holds never ends.
    const after = o.after === undefined ? q.lastWritten()
      : await storedPosition(q.store, 'query', 'after', o.after);
    if (after !== undefined) await r.waitFor(after);
    return r.state();
  };
  const replayed = (o: AsOfOptions, asOf: boolean): Promise<ReportState> =>
    replayAsync(projection, q.store.readAll(), {
      ...(asOf && o.asOf !== undefined ? { asOf: o.asOf } : {}),
      ...(o.asKnownAt === undefined ? {} : { asKnownAt: o.asKnownAt }),
    });
  // Books and passbooks answer for any date from the live state; balances and the portfolio
  // only for a date on or after the latest applied, else a replay up to that date.
  const state = async (o: AsOfOptions, datedFold: boolean): Promise<ReportState> => {
    if (o.asKnownAt !== undefined) return replayed(o, datedFold);
    const s = await live(o);
    const through = s.cursor.through;
    if (!datedFold || o.asOf === undefined || through === null || o.asOf >= through) return s;
    return replayed(o, true);
  };
  const asOf = (o: AsOfOptions) => (o.asOf === undefined ? {} : { asOf: o.asOf });
  const branch = (o: { readonly branchId?: string }) =>
    (o.branchId === undefined ? {} : { branchId: o.branchId });
  const holder = async (memberId: string): Promise<PassbookHolder> => {
    if (q.directory === undefined) return { status: 'no_directory' };
    const e = await q.directory.get(memberId);
    return e.status === 'present' ? { status: 'present', name: e.details.name }
      : { status: e.status };
  };
  // Her nominees' names by reference, for the printed passbook; none without a directory.
  const nomineeNames = async (memberId: string): Promise<Record<string, string>> => {
    const e = q.directory === undefined ? undefined : await q.directory.nominees(memberId);
    if (e?.status !== 'present') return {};
    return Object.fromEntries(Object.entries(e.nominees).map(([ref, n]) => [ref, n.name]));
  };
  // Balances as of a past date from the streams that hold them: exact whatever the order of
  // business dates in the log, as the same fold and the same `asOf` rule run over the same
  // events in the same order (a snapshot by log position would not be one by date). Exact for
  // any date, so a dated query does not start the report runner (a read of the whole log)
  // only to learn whether the live state would do; once it runs, it answers its own dates.
  const balancesState = async (
    o: AsOfOptions, past: (s: DatedBalancesSources, day: string) => Promise<BalancesState>,
  ): Promise<BalancesState> => {
    const members = q.members;
    if (o.asKnownAt !== undefined || members === undefined || o.asOf === undefined) {
      return (await state(o, true)).states.balances;
    }
    const day = o.asOf;
    if (started !== undefined) {
      const s = await live(o);
      const through = s.cursor.through;
      if (through === null || day >= through) return s.states.balances;
    }
    await q.catchUp?.(); // the index names what other writers stored as a replay would read it
    return past({ store: q.store, members }, day);
  };
  // The portfolio of a past date, once the report runner runs, from its live state and the
  // loan and member streams with events on both sides of the date (portfolioAsOf): exact for
  // any date and any order of business dates, and it reads a few hundred streams where a
  // replay reads the whole log. Before the runner runs, as the balances do: one read of the
  // log folding the loan and member streams only (cheaper than starting the runner, a read of
  // the log into every report projection, for one date).
  const portfolio = async (o: AsOfOptions): Promise<ParReport> => {
    const day = o.asOf;
    if (o.asKnownAt !== undefined || day === undefined
      || (started === undefined && q.members !== undefined)) {
      return parReport(await balancesState(o, loanBalancesAsOf), asOf(o));
    }
    const s = await live(o);
    const through = s.cursor.through;
    if (through === null || day >= through) return parReport(s.states.balances, asOf(o));
    const dated = await portfolioAsOf({ store: q.store, balances: s.states.balances,
      spans: s.states.spans, knownAt: s.cursor.position }, day);
    return dated ?? parReport((await replayed(o, true)).states.balances, asOf(o));
  };
  // Each query reads its options once into a checked copy: any JS value is answered or
  // refused with a QueryRequestError naming the query and the field, never a TypeError. A
  // member id is any string (one never seen answers as before: no statement, no pages).
  const dated = ['asOf'] as const;
  const books = ['asOf', 'branchId'] as const;
  return {
    balances: async (memberId, u) => {
      const o = queryOptionsOf('balances', u, { may: dated });
      if (typeof memberId !== 'string') {
        throw new QueryRequestError('balances', 'memberId: not a string');
      }
      return memberBalances(
        await balancesState(o, (s, day) => memberBalancesAsOf(s, memberId, day)),
        memberId, asOf(o));
    },
    passbook: async (memberId: string, accountOrOptions?: string | PassbookOptions,
      more?: PassbookOptions) => {
      const o = passbookArguments(accountOrOptions, more);
      if (typeof memberId !== 'string') {
        throw new QueryRequestError('passbook', 'memberId: not a string');
      }
      const accountId = o.accountId;
      const s = await state(o, false);
      const p = passbook(s.states.passbook, memberId, asOf(o));
      const pages = accountId === undefined ? p.pages
        : p.pages.filter((pg) => pg.accountId === accountId);
      return { ...p, pages, ...(o.withName === true
        ? { holder: await holder(memberId), nominees: await nomineeNames(memberId) } : {}) };
    },
    trialBalance: async (u) => {
      const o = queryOptionsOf('trialBalance', u, { may: books });
      return trialBalance((await state(o, false)).states.books, { ...asOf(o), ...branch(o) });
    },
    balanceSheet: async (u) => {
      const o = queryOptionsOf('balanceSheet', u, { may: books });
      return balanceSheet((await state(o, false)).states.books, { ...asOf(o), ...branch(o) });
    },
    incomeStatement: async (u) => {
      const o = queryOptionsOf('incomeStatement', u,
        { must: ['financialYear'], may: ['branchId'] });
      return incomeStatement((await state(o, false)).states.books,
        { financialYear: o.financialYear, ...branch(o) });
    },
    yearClose: async (u) => {
      const o = queryOptionsOf('yearClose', u, { must: ['financialYear'] });
      return yearEnd((await state(o, false)).states.books, o.financialYear);
    },
    portfolio: async (u) => portfolio(queryOptionsOf('portfolio', u, { may: dated })),
    unclaimedDividends: async (u) =>
      unclaimedDividends(q.store, queryOptionsOf('unclaimedDividends', u, { may: dated })),
    par: async (u) => {
      const o = queryOptionsOf('par', u, { may: books });
      const r = await portfolio(o);
      return o.branchId === undefined ? r.overall : r.byBranch.get(o.branchId) ?? noLoans;
    },
    accruedInterest: async (u) => accrued.query(
      queryOptionsOf('accruedInterest', u, { may: ['asOf', 'npaDaysPastDue'] })),
    shareCapitalRegister: yearReports.shareCapitalRegister,
    profitAppropriation: yearReports.profitAppropriation,
    ...periodReports(q.store, q.chart === undefined ? {} : { chart: q.chart }),
    ...collectionReports(q.store),
    reportState: async (u) => state(queryOptionsOf('reportState', u, {}), false),
    stop: async () => {
      if (runner !== undefined) await runner.stop();
      await accrued.stop();
    },
  };
};
