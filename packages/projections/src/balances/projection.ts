import * as t from 'io-ts';
import { bigintsToJson } from '../core/bigintColumns.ts';
import { decodeJson } from '../core/decodeJson.ts';
import type { RowLayout } from '../core/rowLayout.ts';
import { addRowFromJson, IntegerText, keyOf, rowJsonCodec, rowToJson } from '../core/rowJson.ts';
import type { RowShape } from '../core/rowShape.ts';
import { findRow, type Table } from '../core/table.ts';
import { CheckpointFormatError, type Projection } from '../projection.ts';
import { applyBalances } from './apply.ts';
import {
  depositLayout, linkDeposit, linkLoan, loanLayout, memberLayout, type BalancesRows,
} from './rows.ts';
import {
  appendSchedule, emptyBalances, type BalancesState, type LoanBalance, type ScheduleStore,
} from './state.ts';

// A loan's schedule, beside its row: due days and running sums of principal and interest.
const ScheduleJson = t.union([t.null,
  t.tuple([t.array(t.number), t.array(IntegerText), t.array(IntegerText)])]);
const LoanJson = t.intersection([rowJsonCodec(loanLayout), t.type({ schedule: ScheduleJson })]);
const BalancesJson = t.type({
  through: t.union([t.null, t.string]),
  members: t.array(rowJsonCodec(memberLayout)), deposits: t.array(rowJsonCodec(depositLayout)),
  loans: t.array(LoanJson),
});

const scheduleToJson = (st: ScheduleStore, l: LoanBalance): t.TypeOf<typeof ScheduleJson> => {
  const rows = (a: BigInt64Array) => a.subarray(l.scheduleAt, l.scheduleAt + l.scheduleLength);
  return l.scheduleLength === 0 ? null : [
    [...st.dueDays.subarray(l.scheduleAt, l.scheduleAt + l.scheduleLength)],
    bigintsToJson(rows(st.cumPrincipal)), bigintsToJson(rows(st.cumInterest))];
};

// Running sums back to each row's own principal and interest.
const rowsOf = (j: readonly [number[], string[], string[]]) => j[0].map((day, k) => [day,
  BigInt(j[1][k] ?? '0') - BigInt(k === 0 ? '0' : j[1][k - 1] ?? '0'),
  BigInt(j[2][k] ?? '0') - BigInt(k === 0 ? '0' : j[2][k - 1] ?? '0')] as const);

// A checkpoint row into its table, its id held once only.
const once = (tb: Table, l: RowLayout<RowShape>, j: Record<string, unknown>): number => {
  const id = keyOf(l, j);
  if (findRow(tb, id) >= 0) throw new CheckpointFormatError('balances', `${id} twice`);
  return addRowFromJson(tb, j);
};

// The row of an account or loan a member lists: one the checkpoint holds, listed once (a row
// is in one member's list, through its next link).
const listedRow = (tb: Table, listed: Set<string>, id: string): number => {
  const r = findRow(tb, id);
  if (r < 0 || listed.has(id)) {
    throw new CheckpointFormatError('balances', `a member lists ${id}: absent or listed twice`);
  }
  listed.add(id);
  return r;
};

const ids = (u: unknown): string[] => (Array.isArray(u) ? u.map(String) : []);

// Checkpoint rows into a state's tables, members first, then accounts and loans (each with its
// schedule), then each member's lists in her order.
const rowsFromJson = (s: BalancesState, j: t.TypeOf<typeof BalancesJson>): void => {
  const rows: BalancesRows = s.rows;
  for (const m of j.members) once(rows.members, memberLayout, m);
  for (const a of j.deposits) once(rows.deposits, depositLayout, a);
  const li = rows.loans.widths.ints;
  for (const l of j.loans) {
    const r = once(rows.loans, loanLayout, l);
    if (l.schedule === null) continue;
    rows.loans.ints[r * li + loanLayout.at.scheduleAt] =
      appendSchedule(s.schedules, rowsOf(l.schedule));
    rows.loans.ints[r * li + loanLayout.at.scheduleLength] = l.schedule[0].length;
  }
  const accounts = new Set<string>();
  const loans = new Set<string>();
  for (const m of j.members) {
    const r = findRow(rows.members, keyOf(memberLayout, m));
    for (const id of ids(m.deposits)) {
      linkDeposit(rows, r, listedRow(rows.deposits, accounts, id));
    }
    for (const id of ids(m.loans)) linkLoan(rows, r, listedRow(rows.loans, loans, id));
  }
};

/**
 * Member balances: share capital, each deposit account, each loan's totals (outstanding
 * principal, interest, penalties and fees due and paid) and its schedule, by member.
 */
export const balancesProjection = (): Projection<BalancesState> => ({
  name: 'balances',
  version: 1,
  initialState: emptyBalances,
  apply: applyBalances,
  serialize: (s) => ({
    through: s.through,
    members: [...s.members.values()].map((m) => rowToJson(memberLayout, m)),
    deposits: [...s.deposits.values()].map((a) => rowToJson(depositLayout, a)),
    loans: [...s.loans.values()].map((l) =>
      ({ ...rowToJson(loanLayout, l), schedule: scheduleToJson(s.schedules, l) })),
  }),
  deserialize: (json) => {
    const j = decodeJson('balances', BalancesJson, json);
    const s = emptyBalances();
    s.through = j.through;
    rowsFromJson(s, j);
    return s;
  },
});
