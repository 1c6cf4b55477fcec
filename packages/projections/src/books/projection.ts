import * as t from 'io-ts';
import { decodeJson } from '../core/decodeJson.ts';
import type { Projection } from '../projection.ts';
import { applyBooks } from './apply.ts';
import { BranchesJson, deserializeBranches, serializeBranches } from './checkpointBranches.ts';
import { checkpointRows } from './checkpointRows.ts';
import { defaultChartOfAccounts, indexChart, type ChartOfAccounts } from './chartOfAccounts.ts';
import { emptyBooks, type BooksState, type LedgerSelection } from './state.ts';

const kind = t.union([t.literal('savings'), t.literal('recurring'), t.literal('fixed')]);
const Row = t.tuple([t.string, t.array(t.string)]);
const SocietyJson = t.type({
  codes: t.array(t.string),
  balances: t.array(t.string),
  daily: t.array(Row),
  years: t.array(Row),
  closes: t.array(t.type({
    financialYear: t.string, on: t.string, netProfitDeclared: t.string,
    netProfitBooks: t.string, statutoryReserve: t.string, distributableSurplus: t.string,
  })),
  kinds: t.array(t.tuple([t.string, kind])),
  // A line's fifth field, its branch, is absent in checkpoints made before branches.
  ledger: t.array(t.tuple([t.string, t.array(t.union([
    t.tuple([t.string, t.string, t.string, t.string, t.string]),
    t.tuple([t.string, t.string, t.string, t.string]),
  ]))])),
  entries: t.number,
  through: t.union([t.null, t.string]),
});
const BooksJson = t.intersection([SocietyJson, t.partial({ branchBooks: BranchesJson })]);

const strings = (r: ReadonlyArray<bigint>) => r.map(String);
const bigints = (r: ReadonlyArray<string>) => r.map((x) => BigInt(x));

/** Options of the books: the chart (as data) and which general-ledger lines to keep. */
export interface BooksOptions {
  readonly chart?: ChartOfAccounts;
  readonly keepLedger?: LedgerSelection;
}

/**
 * The double-entry books: every event's journal entry over a chart of accounts, account
 * balances as of any date, each financial year's income and expense, and year closes.
 */
export const booksProjection = (o: BooksOptions = {}): Projection<BooksState> => {
  const chart = indexChart(o.chart ?? defaultChartOfAccounts);
  const keep = o.keepLedger ?? null;
  const codes = chart.chart.accounts.map((a) => a.code);
  return {
    name: 'books',
    // 2: members' transfers kept (an entry dated before a transfer recorded after it is posted
    // at the branch she was at): a checkpoint of version 1 is replayed, not resumed.
    version: 2,
    initialState: () => emptyBooks(chart, keep),
    apply: applyBooks,
    serialize: (s) => ({
      codes,
      balances: strings(s.balances),
      daily: [...s.daily].map(([d, r]) => [d, strings(r)]),
      years: [...s.years].map(([y, r]) => [y, strings(r)]),
      closes: [...s.closes.values()].map((c) => ({
        ...c, netProfitDeclared: String(c.netProfitDeclared),
        netProfitBooks: String(c.netProfitBooks), statutoryReserve: String(c.statutoryReserve),
        distributableSurplus: String(c.distributableSurplus),
      })),
      kinds: [...s.kinds],
      ledger: [...s.ledger].map(([code, lines]) => [code,
        lines.map((l) => [l.on, l.eventId, l.eventType, String(l.amount),
          ...(l.branchId === null ? [] : [l.branchId])])]),
      entries: s.entries, through: s.through,
      ...(s.branchesComplete ? { branchBooks: serializeBranches(s) } : {}),
    }),
    deserialize: (json) => {
      const j = decodeJson('books', BooksJson, json);
      const rows = checkpointRows(j.codes, chart);
      const s = emptyBooks(chart, keep);
      rows(bigints(j.balances)).forEach((b, i) => { s.balances[i] = b; });
      for (const [d, r] of j.daily) s.daily.set(d, rows(bigints(r)));
      for (const [y, r] of j.years) s.years.set(y, rows(bigints(r)));
      for (const c of j.closes) {
        s.closes.set(c.financialYear, {
          ...c, netProfitDeclared: BigInt(c.netProfitDeclared),
          netProfitBooks: BigInt(c.netProfitBooks), statutoryReserve: BigInt(c.statutoryReserve),
          distributableSurplus: BigInt(c.distributableSurplus),
        });
      }
      for (const [a, k] of j.kinds) s.kinds.set(a, k);
      for (const [code, lines] of j.ledger) {
        s.ledger.set(code, lines.map(([on, eventId, eventType, amount, branchId]) =>
          ({ on, eventId, eventType, amount: BigInt(amount), branchId: branchId ?? null })));
      }
      if (j.branchBooks === undefined) s.branchesComplete = false;
      else deserializeBranches(s, j.branchBooks, rows);
      s.entries = j.entries;
      s.through = j.through;
      return s;
    },
  };
};
