// How the balances keep members, deposit accounts and loans: one table each (core/table.ts),
// laid out as shapes.ts describes them, and read as plain objects (views). A member's accounts
// and loans are lists through the rows (first and last on the member, next on each row), in
// opening order.
import { layoutOf } from '../core/rowLayout.ts';
import { viewOf, type Tables } from '../core/rowView.ts';
import { emptyTable, findRow, idOf, type Table } from '../core/table.ts';
import { depositShape, loanShape, memberShape } from './shapes.ts';

/** The tables of the balances. */
export interface BalancesRows extends Tables {
  readonly members: Table;
  readonly deposits: Table;
  readonly loans: Table;
}

/** Where each described field of a member, a deposit account or a loan is kept. */
export const memberLayout = layoutOf(memberShape);
export const depositLayout = layoutOf(depositShape);
export const loanLayout = layoutOf(loanShape);

/** Empty tables. */
export const emptyRows = (): BalancesRows => ({
  members: emptyTable(memberLayout),
  deposits: emptyTable(depositLayout),
  loans: emptyTable(loanLayout),
});

const M_DEPOSITS = memberLayout.at.deposits;
const M_LOANS = memberLayout.at.loans;

// Appends `row` of `t` to the list of member row m whose first row is at member int column
// `first` (its last at `first + 1`), through `t`'s link column.
const link = (rows: BalancesRows, m: number, t: Table, row: number, first: number): void => {
  const mi = rows.members.ints;
  const w = rows.members.widths.ints;
  const last = mi[m * w + first + 1] ?? -1;
  if (last < 0) mi[m * w + first] = row;
  else t.ints[last * t.widths.ints + t.layout.linkAt] = row;
  mi[m * w + first + 1] = row;
};

/** Appends a deposit row to member row m's accounts. */
export const linkDeposit = (rows: BalancesRows, m: number, d: number): void =>
  link(rows, m, rows.deposits, d, M_DEPOSITS);

/** Appends a loan row to member row m's loans. */
export const linkLoan = (rows: BalancesRows, m: number, l: number): void =>
  link(rows, m, rows.loans, l, M_LOANS);

const readMember = viewOf(memberLayout);
const readDeposit = viewOf(depositLayout);
const readLoan = viewOf(loanLayout);

/** Member row r as a plain object. */
export const memberView = (rows: BalancesRows, r: number) => readMember(rows, rows.members, r);

/** Deposit row r as a plain object. */
export const depositView = (rows: BalancesRows, r: number) =>
  readDeposit(rows, rows.deposits, r);

/** Loan row r as a plain object. */
export const loanView = (rows: BalancesRows, r: number) => readLoan(rows, rows.loans, r);

/**
 * A table read as a map from id to plain objects, in the order rows were added: each read
 * builds the object afresh from the columns (a snapshot; changing it changes nothing).
 */
export const tableAsMap = <V>(t: Table, view: (r: number) => V): ReadonlyMap<string, V> => {
  function* entries(): Generator<[string, V], undefined> {
    for (let r = 0; r < t.size; r += 1) yield [idOf(t, r), view(r)];
  }
  function* values(): Generator<V, undefined> {
    for (let r = 0; r < t.size; r += 1) yield view(r);
  }
  const map: ReadonlyMap<string, V> = {
    get size() { return t.size; },
    get: (id) => {
      const r = findRow(t, id);
      return r < 0 ? undefined : view(r);
    },
    has: (id) => findRow(t, id) >= 0,
    keys: () => t.index.ids.slice(0, t.size).values(),
    values,
    entries,
    forEach: (f, self) => {
      for (const [k, v] of entries()) f.call(self, v, k, map);
    },
    [Symbol.iterator]: entries,
  };
  return map;
};
