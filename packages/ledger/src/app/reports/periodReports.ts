import {
  addDays, businessDate, financialYearDays, firstBusinessDate, type BusinessDate,
} from '@usha/domain';
import {
  balancesProjection, booksProjection, cashBookProjection, combine, comparePositions, dcbOpening,
  demandCollectionBalance, npaSchedule, receiptsAndPayments, replayAsync,
  type DemandCollectionBalance, type NpaSchedule,
  type ReceiptsAndPayments,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { AsOfOptions, ReadOptions } from './queryOptions.ts';
import { queryOptionsOf } from './queryOptionsOf.ts';
import { QueryRequestError } from './queryRequest.ts';
import { reversibleOf, type ReportReadOptions } from './reportReadOptions.ts';
import { societyFold } from './societyNorms.ts';

/** A report's period: a financial year ('2024-25'), or two dates, both included. */
export type PeriodOptions = ReadOptions & (
  | { readonly financialYear: string; readonly from?: never; readonly to?: never }
  | { readonly from: string; readonly to: string; readonly financialYear?: never });

/** The NPA schedule of a date, by the norms of one society (the only one when omitted). */
export interface NpaOptions extends AsOfOptions {
  readonly societyId?: string;
}

/** A period that ends before it begins. */
export class ReportPeriodError extends Error {
  override readonly name = 'ReportPeriodError';
  constructor(readonly from: string, readonly to: string) {
    super(`the period ends (${to}) before it begins (${from})`);
  }
}

/** The reports of a period and of loan quality that a registrar and an auditor ask for. */
export interface PeriodReports {
  readonly receiptsAndPayments: (o: PeriodOptions) => Promise<ReceiptsAndPayments>;
  readonly demandCollectionBalance: (o: PeriodOptions) => Promise<DemandCollectionBalance>;
  readonly npaSchedule: (o?: NpaOptions) => Promise<NpaSchedule>;
}

const known = (o: ReadOptions) => (o.asKnownAt === undefined ? {} : { asKnownAt: o.asKnownAt });

// A period's options read once into a checked copy (a financial year or two dates, both
// checked as dates below), or refused with a QueryRequestError naming the query and field.
const periodOptions = (method: string, u: unknown): PeriodOptions => {
  const o = queryOptionsOf(method, u, { may: ['financialYear', 'from', 'to'] });
  if (o.financialYear !== undefined) {
    if (o.from !== undefined || o.to !== undefined) {
      throw new QueryRequestError(method, 'financialYear: given with from and to');
    }
    return { financialYear: o.financialYear, ...known(o) };
  }
  return { from: o.from ?? '', to: o.to ?? '', ...known(o) };
};

const periodOf = (o: PeriodOptions): { from: BusinessDate; to: BusinessDate } => {
  if (o.financialYear !== undefined) {
    // A year the range of dates cuts (1899-00, 2199-00): the part of it a date can name.
    const { start, end } = financialYearDays(o.financialYear);
    return { from: start, to: end };
  }
  const from = businessDate(o.from, 'from');
  const to = businessDate(o.to, 'to');
  if (to < from) throw new ReportPeriodError(from, to);
  return { from, to };
};

/**
 * The period reports, each a replay of the log from the start as the year-end reports are:
 * the receipts and payments account (books and cash book to the period's end), the DCB of
 * loans (balances the day before and on the last day) and the NPA schedule (balances and the
 * society's norms to the date), as known at `asKnownAt` when given.
 */
export const periodReports = (
  store: EventStore<LedgerEvent>, o: ReportReadOptions = {},
): PeriodReports => {
  const balancesTo = async (asOf: string, r: ReadOptions) => (await replayAsync(
    combine({ balances: balancesProjection() }, reversibleOf(o)), store.readAll(),
    { asOf, ...known(r) },
  )).states.balances;
  return {
    receiptsAndPayments: async (u) => {
      const r = periodOptions('receiptsAndPayments', u);
      const p = periodOf(r);
      const s = await replayAsync(combine({
        books: booksProjection(o.chart === undefined ? {} : { chart: o.chart }),
        cash: cashBookProjection(),
      }, reversibleOf(o)), store.readAll(), { asOf: p.to, ...known(r) });
      return receiptsAndPayments(s.states.books, s.states.cash, p);
    },
    demandCollectionBalance: async (u) => {
      const r = periodOptions('demandCollectionBalance', u);
      const p = periodOf(r);
      // One replay after the other, not both at once: each read's chunks and garbage are
      // then alone in the heap, not two reads' at the same time. Of the first, only the five
      // figures a loan the DCB reads are kept: the state goes before the second replay.
      // A period from the first day a date can name (1900-01-01) has nothing before it.
      const opening = dcbOpening(p.from === firstBusinessDate ? balancesProjection().initialState()
        : await balancesTo(addDays(p.from, -1), r), p.from);
      const end = await balancesTo(p.to, r);
      return demandCollectionBalance(opening, end, p);
    },
    npaSchedule: async (u) => {
      const r = queryOptionsOf('npaSchedule', u, { may: ['asOf', 'societyId'] });
      const society = societyFold();
      const tapped = async function* () {
        for await (const e of store.readAll()) {
          const dated = r.asOf === undefined || e.metadata.effectiveOn <= r.asOf;
          const seen = r.asKnownAt === undefined
            || comparePositions(e.position, r.asKnownAt) <= 0;
          if (dated && seen) society.apply(e);
          yield e;
        }
      };
      const s = await replayAsync(combine({ balances: balancesProjection() },
        reversibleOf(o)), tapped(), {
        ...(r.asOf === undefined ? {} : { asOf: r.asOf }), ...known(r),
      });
      const asOf = r.asOf ?? s.states.balances.through ?? '';
      return npaSchedule(s.states.balances, society.normsOn(asOf, r.societyId),
        r.asOf === undefined ? {} : { asOf: r.asOf });
    },
  };
};
