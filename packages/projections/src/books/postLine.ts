import type { ResolvedEvent } from '../core/projectedEvent.ts';
import { branchRows } from './branchBooks.ts';
import { financialYearLabel } from './financialYearLabel.ts';
import type { BooksState } from './state.ts';

const row = (m: Map<string, bigint[]>, key: string, n: number): bigint[] => {
  let r = m.get(key);
  if (r === undefined) {
    r = new Array<bigint>(n).fill(0n);
    m.set(key, r);
  }
  return r;
};

const isIncomeOrExpense = (s: BooksState, i: number): boolean => {
  const c = s.chart.chart.accounts[i]?.class;
  return c === 'income' || c === 'expense';
};

const keepLine = (
  s: BooksState, i: number, e: ResolvedEvent, amount: bigint, on: string, branchId: string,
): void => {
  const k = s.keep;
  const code = s.chart.chart.accounts[i]?.code;
  if (k === null || code === undefined || !k.accounts.includes(code)) return;
  if ((k.from !== undefined && on < k.from) || (k.to !== undefined && on > k.to)) return;
  let lines = s.ledger.get(code);
  if (lines === undefined) {
    lines = [];
    s.ledger.set(code, lines);
  }
  lines.push({ on, eventId: e.metadata.eventId, eventType: e.type, amount, branchId });
};

// The same amount into the society's rows and the branch's: the society's are kept, not
// summed at each report, so that a report of all branches costs what it did before.
const add = (
  s: BooksState, rows: { balances: bigint[]; daily: Map<string, bigint[]>;
    years: Map<string, bigint[]> }, i: number, amount: bigint, on: string, inYear: boolean,
): void => {
  const n = s.balances.length;
  rows.balances[i] = (rows.balances[i] ?? 0n) + amount;
  const day = row(rows.daily, on, n);
  day[i] = (day[i] ?? 0n) + amount;
  if (inYear) {
    const year = row(rows.years, financialYearLabel(on), n);
    year[i] = (year[i] ?? 0n) + amount;
  }
};

/**
 * One journal line of event `e` on account index `i`, held by branch `branchId`: into the
 * society's balances, daily and yearly rows and the branch's, and the kept ledger lines.
 */
export const postLine = (
  s: BooksState, e: ResolvedEvent, o: { branchId: string; i: number; amount: bigint; on: string },
): void => {
  // The closing lines of a year are not part of its income and expense.
  const inYear = isIncomeOrExpense(s, o.i) && e.type !== 'FinancialYearClosed';
  add(s, s, o.i, o.amount, o.on, inYear);
  add(s, branchRows(s, o.branchId), o.i, o.amount, o.on, inYear);
  if (s.keep !== null) keepLine(s, o.i, e, o.amount, o.on, o.branchId);
};
