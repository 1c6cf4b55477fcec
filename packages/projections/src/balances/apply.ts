import type { LoanScheduleData } from '@usha/domain';
import { addAmount, setAmount } from '../core/amountColumn.ts';
import { epochDayOf } from '../core/epochDayOf.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent, ReversedPosting } from '../core/projectedEvent.ts';
import { addRow, findRow, setText, type Table } from '../core/table.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import {
  depositLayout, linkDeposit, linkLoan, loanLayout, memberLayout, type BalancesRows,
} from './rows.ts';
import { depositShape, loanShape, memberShape } from './shapes.ts';
import { appendSchedule, type BalancesState, type DepositKind, type LoanStatus } from './state.ts';

// Every field a fold changes is a slot of one of its table's columns: row * width + column,
// the column as shapes.ts lays it out. Named once here, as numbers, for the hot path.
const M = memberLayout.at;
const MI = memberLayout.widths.ints;
const MN = memberLayout.widths.nums;
const MA = memberLayout.widths.amounts;
const M_STATUS = M.status;
const M_BRANCH = M.branchId;
const M_SHARE_ACCOUNT = M.shareAccountId;
const M_SHARES = M.shares;
const M_SHARE_CAPITAL = M.shareCapital;
const M_DIVIDENDS = M.dividendsCredited;
const D = depositLayout.at;
const DI = depositLayout.widths.ints;
const DN = depositLayout.widths.nums;
const DA = depositLayout.widths.amounts;
const D_MEMBER = D.memberId;
const D_PRODUCT = D.productId;
const D_KIND = D.kind;
const D_STATUS = D.status;
const D_BALANCE = D.balance;
const D_INTEREST = D.interestPosted;
const D_MISSED = D.instalmentsMissed;
const L = loanLayout.at;
const LI = loanLayout.widths.ints;
const LA = loanLayout.widths.amounts;
const L_MEMBER = L.memberId;
const L_PRODUCT = L.productId;
const L_STATUS = L.status;
const L_DISBURSED_ON = L.disbursedOn;
const L_SCHEDULE_AT = L.scheduleAt;
const L_SCHEDULE_LENGTH = L.scheduleLength;
const DISBURSED = L.disbursed;
const PRINCIPAL_REPAID = L.principalRepaid;
const WRITTEN_OFF = L.writtenOff;
const INTEREST_PAID = L.interestPaid;
const INTEREST_WAIVED = L.interestWaived;
const PENALTIES_CHARGED = L.penaltiesCharged;
const PENALTIES_PAID = L.penaltiesPaid;
const PENALTIES_WRITTEN_OFF = L.penaltiesWrittenOff;
const FEES_CHARGED = L.feesCharged;
const FEES_PAID = L.feesPaid;
const FEES_WRITTEN_OFF = L.feesWrittenOff;
const RECOVERED = L.recovered;

// A flag's value as its int column holds it (a name not among the values does not compile).
const code = <V extends string>(f: { readonly values: ReadonlyArray<V> }, v: V) =>
  f.values.indexOf(v);
const ACTIVE = code(memberShape.fields.status, 'active');
const EXITED = code(memberShape.fields.status, 'exited');
const MATURED = code(depositShape.fields.status, 'matured');
const CLOSED = code(depositShape.fields.status, 'closed');
const kindCode = (k: DepositKind) => code(depositShape.fields.kind, k);
const loanStatusCode = (s: LoanStatus) => code(loanShape.fields.status, s);

const addToCount = (t: Table, i: number, x: number) => {
  t.nums[i] = (t.nums[i] ?? 0) + x;
};

const member = (rows: BalancesRows, memberId: string): number => {
  const m = findRow(rows.members, memberId);
  return m >= 0 ? m : addRow(rows.members, memberId);
};

const addToMember = (rows: BalancesRows, m: number, column: number, x: bigint) =>
  addAmount(rows.members.amounts, m * MA + column, x);

const open = (
  rows: BalancesRows, d: { accountId: string; memberId: string; productId: string },
  kind: DepositKind, balance: bigint,
): void => {
  const t = rows.deposits;
  if (findRow(t, d.accountId) >= 0) return;
  const r = addRow(t, d.accountId);
  t.ints[r * DI + D_KIND] = kindCode(kind);
  setText(t, D_MEMBER, r, d.memberId);
  setText(t, D_PRODUCT, r, d.productId);
  setAmount(t.amounts, r * DA + D_BALANCE, balance);
  linkDeposit(rows, member(rows, d.memberId), r);
};

// An event for an account never opened changes nothing (-1: no row).
const deposit = (rows: BalancesRows, accountId: string): number =>
  findRow(rows.deposits, accountId);

const addToDeposit = (rows: BalancesRows, a: number, column: number, x: bigint) => {
  if (a >= 0) addAmount(rows.deposits.amounts, a * DA + column, x);
};

// Ids as arguments, not the event's data: one property access site would see every shape.
const loan = (rows: BalancesRows, loanId: string, memberId: string, productId = ''): number => {
  const t = rows.loans;
  const found = findRow(t, loanId);
  if (found >= 0) return found;
  const r = addRow(t, loanId);
  setText(t, L_MEMBER, r, memberId);
  setText(t, L_PRODUCT, r, productId);
  linkLoan(rows, member(rows, memberId), r);
  return r;
};

const addToLoan = (rows: BalancesRows, l: number, column: number, x: bigint) =>
  addAmount(rows.loans.amounts, l * LA + column, x);

// What a payment on a loan paid, part by part; `ahead` is principal paid ahead of the schedule.
const paid = (
  rows: BalancesRows, l: number,
  a: { penalties: string; fees: string; interest: string; principal: string }, ahead: bigint,
) => {
  addToLoan(rows, l, PENALTIES_PAID, minor(a.penalties));
  addToLoan(rows, l, FEES_PAID, minor(a.fees));
  addToLoan(rows, l, INTEREST_PAID, minor(a.interest));
  addToLoan(rows, l, PRINCIPAL_REPAID, minor(a.principal) + ahead);
};

// An amount charged to, waived on or recovered for a loan (rare events: one shape or another).
const loanAmount = (
  rows: BalancesRows, d: { loanId: string; memberId: string; amount: string }, column: number,
) => addToLoan(rows, loan(rows, d.loanId, d.memberId), column, minor(d.amount));

const setLoanStatus = (rows: BalancesRows, l: number, status: LoanStatus) => {
  rows.loans.ints[l * LI + L_STATUS] = loanStatusCode(status);
};

// A money event's effect, signed: 1n to apply it, -1n to apply its exact opposite.
const money = (
  rows: BalancesRows, r: ReversedPosting, ids: { accountId: string; memberId: string },
  sign: bigint,
): void => {
  const amount = sign * r.amount;
  switch (r.type) {
    case 'SharesPurchased': case 'SharesRedeemed': {
      const m = member(rows, ids.memberId);
      const k = r.type === 'SharesPurchased' ? 1 : -1;
      const shares = sign === 1n ? r.shares : -r.shares;
      addToCount(rows.members, m * MN + M_SHARES, k * shares);
      addToMember(rows, m, M_SHARE_CAPITAL, k === 1 ? amount : -amount);
      return;
    }
    case 'DividendCredited':
      addToMember(rows, member(rows, ids.memberId), M_DIVIDENDS, amount);
      return;
    case 'Deposited': addToDeposit(rows, deposit(rows, ids.accountId), D_BALANCE, amount); return;
    case 'Withdrawn': addToDeposit(rows, deposit(rows, ids.accountId), D_BALANCE, -amount); return;
    case 'DepositChargeApplied':
      addToDeposit(rows, deposit(rows, ids.accountId), D_BALANCE, -amount); return;
    case 'InterestPosted': {
      const a = deposit(rows, ids.accountId);
      addToDeposit(rows, a, D_BALANCE, amount);
      addToDeposit(rows, a, D_INTEREST, amount);
      return;
    }
    // Society income, none of her balances: its reversal moves none either.
    case 'AdmissionFeeCharged': return;
    default: loanMoney(rows, loan(rows, ids.accountId, ids.memberId), r, sign);
  }
};

const loanMoney = (rows: BalancesRows, l: number, r: ReversedPosting, sign: bigint): void => {
  const amount = sign * r.amount;
  switch (r.type) {
    case 'RepaymentReceived':
      addToLoan(rows, l, PENALTIES_PAID, sign * r.penalties);
      addToLoan(rows, l, FEES_PAID, sign * r.fees);
      addToLoan(rows, l, INTEREST_PAID, sign * r.interest);
      addToLoan(rows, l, PRINCIPAL_REPAID, sign * r.principal);
      return;
    case 'PenaltyCharged': addToLoan(rows, l, PENALTIES_CHARGED, amount); return;
    case 'FeeCharged': addToLoan(rows, l, FEES_CHARGED, amount); return;
    case 'InterestWaived': addToLoan(rows, l, INTEREST_WAIVED, amount); return;
    case 'RecoveryReceived': addToLoan(rows, l, RECOVERED, amount); return;
    default: return;
  }
};

// A loan's schedule from now on: the whole loan's, so the latest alone says what is due. Its
// rows are appended and the loan pointed at them; the rows it had stay in the store unread
// (schedule changes are rare: a few rows a loan, against a copy of every loan's columns).
const setSchedule = (s: BalancesState, l: number, schedule: LoanScheduleData): void => {
  const installments = schedule.installments;
  const ints = s.rows.loans.ints;
  ints[l * LI + L_SCHEDULE_AT] = appendSchedule(s.schedules, installments.map(
    (r) => [epochDayOf(r.dueOn), minor(r.principal), minor(r.interest)] as const));
  ints[l * LI + L_SCHEDULE_LENGTH] = installments.length;
};

const setDeposit = (rows: BalancesRows, a: number, balance: bigint, status: number) => {
  if (a < 0) return;
  setAmount(rows.deposits.amounts, a * DA + D_BALANCE, balance);
  rows.deposits.ints[a * DI + D_STATUS] = status;
};

/** Applies one event to member balances, in place. */
export const applyBalances = (s: BalancesState, e: ResolvedEvent): BalancesState => {
  const on = e.metadata.effectiveOn;
  if (on !== s.through && (s.through === null || on > s.through)) s.through = on;
  const { rows } = s;
  switch (e.type) {
    case 'MemberAdmitted': {
      const m = member(rows, e.data.memberId);
      setText(rows.members, M_BRANCH, m, e.data.branchId);
      rows.members.ints[m * MI + M_STATUS] = ACTIVE;
      break;
    }
    case 'MemberExited':
      rows.members.ints[member(rows, e.data.memberId) * MI + M_STATUS] = EXITED;
      break;
    // Her branch from the day she moved: reports by branch count her there from then.
    case 'MemberTransferred':
      setText(rows.members, M_BRANCH, member(rows, e.data.memberId), e.data.to);
      break;
    case 'SharesPurchased': case 'SharesRedeemed': {
      const d = e.data;
      const m = member(rows, d.memberId);
      const k = e.type === 'SharesPurchased' ? 1 : -1;
      setText(rows.members, M_SHARE_ACCOUNT, m, d.accountId);
      addToCount(rows.members, m * MN + M_SHARES, k * d.shares);
      addToMember(rows, m, M_SHARE_CAPITAL, k === 1 ? minor(d.amount) : -minor(d.amount));
      break;
    }
    case 'ShareAccountClosed': break;
    case 'DividendCredited':
      addToMember(rows, member(rows, e.data.memberId), M_DIVIDENDS, minor(e.data.amount));
      break;
    // A credit redirected to cash never reached her savings: it is no longer counted there.
    case 'DividendRedirectedToCash':
      addToMember(rows, member(rows, e.data.memberId), M_DIVIDENDS, -minor(e.data.amount));
      break;
    case 'Deposited':
      addToDeposit(rows, deposit(rows, e.data.accountId), D_BALANCE, minor(e.data.amount));
      break;
    case 'Withdrawn':
      addToDeposit(rows, deposit(rows, e.data.accountId), D_BALANCE, -minor(e.data.amount));
      break;
    case 'InterestPosted': {
      const a = deposit(rows, e.data.accountId);
      const x = minor(e.data.amount);
      addToDeposit(rows, a, D_BALANCE, x);
      addToDeposit(rows, a, D_INTEREST, x);
      break;
    }
    // Tax at source leaves the balance for TDS payable; a reversed posting's tax comes back.
    case 'TdsDeducted':
      addToDeposit(rows, deposit(rows, e.data.accountId), D_BALANCE, -minor(e.data.amount));
      break;
    case 'TdsReversed':
      addToDeposit(rows, deposit(rows, e.data.accountId), D_BALANCE, minor(e.data.amount));
      break;
    case 'DepositChargeApplied':
      addToDeposit(rows, deposit(rows, e.data.accountId), D_BALANCE, -minor(e.data.amount));
      break;
    case 'SavingsAccountOpened': open(rows, e.data, 'savings', 0n); break;
    case 'RecurringDepositOpened': open(rows, e.data, 'recurring', 0n); break;
    case 'FixedDepositOpened': open(rows, e.data, 'fixed', minor(e.data.principal)); break;
    case 'RecurringInstalmentMissed': {
      const a = deposit(rows, e.data.accountId);
      if (a >= 0) addToCount(rows.deposits, a * DN + D_MISSED, 1);
      break;
    }
    case 'DepositMatured': {
      const a = deposit(rows, e.data.accountId);
      addToDeposit(rows, a, D_INTEREST, minor(e.data.interest));
      setDeposit(rows, a, minor(e.data.maturityAmount), MATURED);
      break;
    }
    case 'DepositClosedEarly': case 'DepositAccountClosed': {
      const a = deposit(rows, e.data.accountId);
      if (e.type === 'DepositClosedEarly') {
        addToDeposit(rows, a, D_INTEREST, minor(e.data.interest));
      }
      setDeposit(rows, a, 0n, CLOSED);
      break;
    }
    default: applyLoanOrSociety(s, e);
  }
  return s;
};

const applyLoanOrSociety = (s: BalancesState, e: ResolvedEvent): void => {
  const { rows } = s;
  switch (e.type) {
    case 'LoanApplied': loan(rows, e.data.loanId, e.data.memberId, e.data.productId); return;
    case 'LoanApproved':
      setLoanStatus(rows, loan(rows, e.data.loanId, e.data.memberId), 'approved');
      return;
    case 'LoanRejected':
      setLoanStatus(rows, loan(rows, e.data.loanId, e.data.memberId), 'rejected');
      return;
    case 'LoanDisbursed': {
      const d = e.data;
      const l = loan(rows, d.loanId, d.memberId, d.productId);
      setLoanStatus(rows, l, 'active');
      setText(rows.loans, L_DISBURSED_ON, l, d.on);
      setAmount(rows.loans.amounts, l * LA + DISBURSED, minor(d.principal));
      setSchedule(s, l, d.schedule);
      return;
    }
    case 'LoanTrancheDisbursed': {
      const l = loan(rows, e.data.loanId, e.data.memberId);
      addToLoan(rows, l, DISBURSED, minor(e.data.amount));
      setSchedule(s, l, e.data.schedule);
      return;
    }
    case 'LoanRescheduled': case 'LoanScheduleRecalculated':
      setSchedule(s, loan(rows, e.data.loanId, e.data.memberId), e.data.schedule);
      return;
    // The old loan is paid as a repayment would pay it; its LoanClosed follows.
    case 'LoanPaidOffByTopUp':
      paid(rows, loan(rows, e.data.loanId, e.data.memberId), e.data.allocation, 0n);
      return;
    case 'RepaymentReceived':
      paid(rows, loan(rows, e.data.loanId, e.data.memberId), e.data.allocation,
        minor(e.data.prepayment));
      return;
    case 'PenaltyCharged': loanAmount(rows, e.data, PENALTIES_CHARGED); return;
    case 'FeeCharged': loanAmount(rows, e.data, FEES_CHARGED); return;
    case 'InterestWaived': loanAmount(rows, e.data, INTEREST_WAIVED); return;
    case 'RecoveryReceived': loanAmount(rows, e.data, RECOVERED); return;
    case 'LoanWrittenOff': {
      const l = loan(rows, e.data.loanId, e.data.memberId);
      setLoanStatus(rows, l, 'written_off');
      addToLoan(rows, l, WRITTEN_OFF, minor(e.data.principal));
      addToLoan(rows, l, PENALTIES_WRITTEN_OFF, minor(e.data.penalties));
      addToLoan(rows, l, FEES_WRITTEN_OFF, minor(e.data.fees));
      return;
    }
    case 'LoanClosed':
      setLoanStatus(rows, loan(rows, e.data.loanId, e.data.memberId), 'closed');
      return;
    case 'EventReversed': {
      const r = e.reversed;
      if (r === undefined) throw new UnresolvedReversalError(e.data.reversedEventId);
      if (r === null) return;
      const d = e.data;
      money(rows, r, { accountId: d.aggregateId, memberId: d.memberId }, -1n);
      return;
    }
    default: return;
  }
};
