import { csv, decimal } from '@usha/projections';
import type { DayCash, TillDay } from '@usha/ledger';

type Count = NonNullable<TillDay['count']>;

// Each column's figure of a till, in the text report's order; the count's of a counted till.
const moves: ReadonlyArray<(t: TillDay) => bigint> = [(t) => t.openingMinor,
  (t) => t.fromVaultMinor, (t) => t.receivedMinor, (t) => t.paidMinor, (t) => t.toVaultMinor];
const counts: ReadonlyArray<(c: Count) => bigint> = [(c) => c.bookMinor, (c) => c.countedMinor,
  (c) => c.differenceMinor];

const total = <T>(xs: ReadonlyArray<T>, of: (x: T) => bigint): string =>
  decimal(xs.reduce((a, x) => a + of(x), 0n));

/**
 * The day-end cash of a branch as RFC 4180 CSV: a header, one row per till (the text report's
 * columns, amounts as plain decimal strings, the difference signed: counted less book; a till
 * not counted has them blank, as a zero would say it was counted empty), then a total row
 * whose book, counted and difference are the counted tills' (blank when none was).
 * @example dayCashCsv(d) // 'branch,on,till,opening,...\r\nSONAGACHI,2024-04-02,T1,0.00,...'
 */
export const dayCashCsv = (d: DayCash): string => {
  const counted = d.tills.flatMap((t) => (t.count === null ? [] : [t.count]));
  return csv(
    ['branch', 'on', 'till', 'opening', 'from_vault', 'received', 'paid', 'to_vault', 'book',
      'counted', 'difference', 'closing'],
    [...d.tills.map((t) => [d.branchId, d.on, t.tillId, ...moves.map((of) => decimal(of(t))),
      ...counts.map((of) => (t.count === null ? '' : decimal(of(t.count)))),
      decimal(t.closingMinor)]),
    [d.branchId, d.on, 'total', ...moves.map((of) => total(d.tills, of)),
      ...counts.map((of) => (counted.length === 0 ? '' : total(counted, of))),
      total(d.tills, (t) => t.closingMinor)]]);
};
