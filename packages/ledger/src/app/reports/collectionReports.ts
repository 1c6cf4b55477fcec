import { businessDate } from '@usha/domain';
import {
  balancesProjection, collectionSheet, collectionSheetFactsProjection, combine, dues,
  replayAsync, type CollectionSheet, type CollectionSheetOptions, type Dues, type DuesOptions,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { ReportPeriodError } from './periodReports.ts';
import type { ReadOptions } from './queryOptions.ts';

/** A collection sheet query: a branch, a date, one field officer of it if given. */
export type CollectionSheetQuery = CollectionSheetOptions & ReadOptions;

/** A due list query: a period, a branch (all when omitted), overdue instalments only if asked. */
export type DuesQuery = DuesOptions & ReadOptions;

/** What field officers collect: the collection sheet of a day and the due and overdue lists. */
export interface CollectionReports {
  readonly collectionSheet: (o: CollectionSheetQuery) => Promise<CollectionSheet>;
  readonly dues: (o: DuesQuery) => Promise<Dues>;
}

/**
 * The collection reports, each a replay of the log from the start to the end of its day (the
 * sheet's date, the list's last day) through the balances and the collection facts, as known
 * at `asKnownAt` when given. Dates are checked before anything is read.
 */
export const collectionReports = (store: EventStore<LedgerEvent>): CollectionReports => {
  const statesTo = async (asOf: string, r: ReadOptions) => (await replayAsync(combine({
    balances: balancesProjection(), facts: collectionSheetFactsProjection(),
  }), store.readAll(), { asOf, ...(r.asKnownAt === undefined ? {} : {
    asKnownAt: r.asKnownAt }) })).states;
  return {
    collectionSheet: async (r) => {
      const on = businessDate(r.on, 'on');
      const s = await statesTo(on, r);
      return collectionSheet(s.balances, s.facts, { branchId: r.branchId, on,
        ...(r.fieldOfficer === undefined ? {} : { fieldOfficer: r.fieldOfficer }) });
    },
    dues: async (r) => {
      const from = businessDate(r.from, 'from');
      const to = businessDate(r.to, 'to');
      if (to < from) throw new ReportPeriodError(from, to);
      const s = await statesTo(to, r);
      return dues(s.balances, s.facts, { from, to,
        ...(r.branchId === undefined ? {} : { branchId: r.branchId }),
        ...(r.overdueOnly === undefined ? {} : { overdueOnly: r.overdueOnly }) });
    },
  };
};
