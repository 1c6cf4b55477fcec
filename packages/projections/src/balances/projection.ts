import * as t from 'io-ts';
import { bigintsToJson } from '../core/bigintColumns.ts';
import { decodeJson } from '../core/decodeJson.ts';
import type { Projection } from '../projection.ts';
import { applyBalances } from './apply.ts';
import {
  appendSchedule, emptyBalances, type BalancesState, type DepositBalance, type LoanBalance,
  type MemberBalance, type ScheduleStore,
} from './state.ts';

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

const totals = [
  'disbursed', 'principalRepaid', 'writtenOff', 'interestPaid', 'interestWaived',
  'penaltiesCharged', 'penaltiesPaid', 'penaltiesWrittenOff', 'feesCharged', 'feesPaid',
  'feesWrittenOff', 'recovered',
] as const;

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
    totals: totals.map((k) => String(l[k])),
    schedule: l.scheduleLength === 0 ? null : [
      [...st.dueDays.subarray(l.scheduleAt, l.scheduleAt + l.scheduleLength)],
      bigintsToJson(rows(st.cumPrincipal)), bigintsToJson(rows(st.cumInterest))],
  };
};

// Running sums back to each row's own principal and interest.
const rowsOf = (j: readonly [number[], string[], string[]]) => j[0].map((day, k) => [day,
  BigInt(j[1][k] ?? '0') - BigInt(k === 0 ? '0' : j[1][k - 1] ?? '0'),
  BigInt(j[2][k] ?? '0') - BigInt(k === 0 ? '0' : j[2][k - 1] ?? '0')] as const);

const loanFromJson = (st: ScheduleStore, j: t.TypeOf<typeof LoanJson>): LoanBalance => {
  const n = (k: number) => BigInt(j.totals[k] ?? '0');
  const [loanId, memberId, productId] = j.ids;
  return {
    loanId, memberId, productId, status: j.status, disbursedOn: j.disbursedOn,
    disbursed: n(0), principalRepaid: n(1), writtenOff: n(2), interestPaid: n(3),
    interestWaived: n(4), penaltiesCharged: n(5), penaltiesPaid: n(6),
    penaltiesWrittenOff: n(7), feesCharged: n(8), feesPaid: n(9), feesWrittenOff: n(10),
    recovered: n(11),
    scheduleAt: j.schedule === null ? 0 : appendSchedule(st, rowsOf(j.schedule)),
    scheduleLength: j.schedule === null ? 0 : j.schedule[0].length,
  };
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
    for (const m of j.members) {
      s.members.set(m.memberId, {
        ...m, shareCapital: BigInt(m.shareCapital), dividendsCredited: BigInt(m.dividendsCredited),
      });
    }
    for (const a of j.deposits) {
      s.deposits.set(a.accountId, {
        ...a, balance: BigInt(a.balance), interestPosted: BigInt(a.interestPosted),
      });
    }
    for (const l of j.loans) s.loans.set(l.ids[0], loanFromJson(s.schedules, l));
    return s;
  },
});
