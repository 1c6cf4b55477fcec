import * as t from 'io-ts';
import { bigintsToJson } from '../core/bigintColumns.ts';
import { decodeJson } from '../core/decodeJson.ts';
import { setAmount } from '../core/amountColumn.ts';
import { CheckpointFormatError, type Projection } from '../projection.ts';
import { applyBalances } from './apply.ts';
import {
  addMemberRow, DA, D_BALANCE, D_INTEREST, D_MEMBER, D_PRODUCT, depositKinds, depositStatuses,
  L_DISBURSED_ON, L_MEMBER, L_PRODUCT, LA, linkDeposit, linkLoan, loanStatuses, loanTotals,
  M_BRANCH, M_DIVIDENDS, M_SHARE_ACCOUNT, M_SHARE_CAPITAL, M_STATUS, MA, memberStatuses, MI,
} from './rows.ts';
import {
  appendSchedule, emptyBalances, type BalancesState, type DepositBalance, type LoanBalance,
  type MemberBalance, type ScheduleStore,
} from './state.ts';
import { addRow, findRow, setText, type Table } from './table.ts';

const big = t.string;
const MemberJson = t.type({
  memberId: t.string, branchId: t.union([t.null, t.string]),
  status: t.union([t.literal('active'), t.literal('exited'), t.literal('not_admitted')]),
  shareAccountId: t.union([t.null, t.string]), shares: t.number, shareCapital: big,
  dividendsCredited: big, deposits: t.array(t.string), loans: t.array(t.string),
});
const DepositJson = t.type({
  accountId: t.string, memberId: t.string,
  kind: t.union([t.literal('savings'), t.literal('recurring'), t.literal('fixed')]),
  productId: t.string,
  status: t.union([t.literal('open'), t.literal('matured'), t.literal('closed')]),
  balance: big, interestPosted: big, instalmentsMissed: t.number,
});
const loanStatus = t.union([t.literal('applied'), t.literal('approved'), t.literal('rejected'),
  t.literal('active'), t.literal('written_off'), t.literal('closed')]);
const LoanJson = t.type({
  ids: t.tuple([t.string, t.string, t.string]), status: loanStatus,
  disbursedOn: t.union([t.null, t.string]), totals: t.array(big),
  schedule: t.union([t.null, t.tuple([t.array(t.number), t.array(big), t.array(big)])]),
});
const BalancesJson = t.type({
  through: t.union([t.null, t.string]),
  members: t.array(MemberJson), deposits: t.array(DepositJson), loans: t.array(LoanJson),
});

const memberToJson = (m: MemberBalance): t.TypeOf<typeof MemberJson> => ({
  ...m, shareCapital: String(m.shareCapital), dividendsCredited: String(m.dividendsCredited),
  deposits: [...m.deposits], loans: [...m.loans],
});
const depositToJson = (a: DepositBalance): t.TypeOf<typeof DepositJson> => ({
  ...a, balance: String(a.balance), interestPosted: String(a.interestPosted),
});
const loanToJson = (st: ScheduleStore, l: LoanBalance): t.TypeOf<typeof LoanJson> => {
  const rows = (a: BigInt64Array) => a.subarray(l.scheduleAt, l.scheduleAt + l.scheduleLength);
  return {
    ids: [l.loanId, l.memberId, l.productId], status: l.status, disbursedOn: l.disbursedOn,
    totals: loanTotals.map((k) => String(l[k])),
    schedule: l.scheduleLength === 0 ? null : [
      [...st.dueDays.subarray(l.scheduleAt, l.scheduleAt + l.scheduleLength)],
      bigintsToJson(rows(st.cumPrincipal)), bigintsToJson(rows(st.cumInterest))],
  };
};

// Running sums back to each row's own principal and interest.
const rowsOf = (j: readonly [number[], string[], string[]]) => j[0].map((day, k) => [day,
  BigInt(j[1][k] ?? '0') - BigInt(k === 0 ? '0' : j[1][k - 1] ?? '0'),
  BigInt(j[2][k] ?? '0') - BigInt(k === 0 ? '0' : j[2][k - 1] ?? '0')] as const);

// Checkpoint rows into a state's tables, members first, then accounts and loans, then each
// member's lists in her order.
const rowsFromJson = (s: BalancesState, j: t.TypeOf<typeof BalancesJson>): void => {
  const { rows } = s;
  for (const m of j.members) {
    once(rows.members, m.memberId);
    const r = addMemberRow(rows, m.memberId);
    setText(rows.members, M_BRANCH, r, m.branchId);
    setText(rows.members, M_SHARE_ACCOUNT, r, m.shareAccountId);
    rows.members.ints[r * MI + M_STATUS] = memberStatuses.indexOf(m.status);
    rows.members.nums[r] = m.shares;
    setAmount(rows.members.amounts, r * MA + M_SHARE_CAPITAL, BigInt(m.shareCapital));
    setAmount(rows.members.amounts, r * MA + M_DIVIDENDS, BigInt(m.dividendsCredited));
  }
  for (const a of j.deposits) {
    once(rows.deposits, a.accountId);
    const r = addRow(rows.deposits, a.accountId,
      [depositKinds.indexOf(a.kind), depositStatuses.indexOf(a.status), -1]);
    setText(rows.deposits, D_MEMBER, r, a.memberId);
    setText(rows.deposits, D_PRODUCT, r, a.productId);
    rows.deposits.nums[r] = a.instalmentsMissed;
    setAmount(rows.deposits.amounts, r * DA + D_BALANCE, BigInt(a.balance));
    setAmount(rows.deposits.amounts, r * DA + D_INTEREST, BigInt(a.interestPosted));
  }
  for (const l of j.loans) loanFromJson(s, l);
  const accounts = new Set<string>();
  const loans = new Set<string>();
  for (const m of j.members) {
    const r = findRow(rows.members, m.memberId);
    for (const id of m.deposits) linkDeposit(rows, r, listedRow(rows.deposits, accounts, id));
    for (const id of m.loans) linkLoan(rows, r, listedRow(rows.loans, loans, id));
  }
};

// An id a checkpoint holds once only.
const once = (t: Table, id: string): void => {
  if (findRow(t, id) >= 0) throw new CheckpointFormatError('balances', `${id} twice`);
};

// The row of an account or loan a member lists: one the checkpoint holds, listed once (a row
// is in one member's list, through its next link).
const listedRow = (t: Table, listed: Set<string>, id: string): number => {
  const r = findRow(t, id);
  if (r < 0 || listed.has(id)) {
    throw new CheckpointFormatError('balances', `a member lists ${id}: absent or listed twice`);
  }
  listed.add(id);
  return r;
};

const loanFromJson = (s: BalancesState, j: t.TypeOf<typeof LoanJson>): void => {
  const [loanId, memberId, productId] = j.ids;
  const { loans } = s.rows;
  once(loans, loanId);
  const at = j.schedule === null ? 0 : appendSchedule(s.schedules, rowsOf(j.schedule));
  const r = addRow(loans, loanId, [loanStatuses.indexOf(j.status), -1, at,
    j.schedule === null ? 0 : j.schedule[0].length]);
  setText(loans, L_MEMBER, r, memberId);
  setText(loans, L_PRODUCT, r, productId);
  setText(loans, L_DISBURSED_ON, r, j.disbursedOn);
  loanTotals.forEach((_, k) => setAmount(loans.amounts, r * LA + k, BigInt(j.totals[k] ?? '0')));
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
    members: [...s.members.values()].map(memberToJson),
    deposits: [...s.deposits.values()].map(depositToJson),
    loans: [...s.loans.values()].map((l) => loanToJson(s.schedules, l)),
  }),
  deserialize: (json) => {
    const j = decodeJson('balances', BalancesJson, json);
    const s = emptyBalances();
    s.through = j.through;
    rowsFromJson(s, j);
    return s;
  },
});
