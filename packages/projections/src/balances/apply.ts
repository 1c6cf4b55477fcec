import { addAmount, setAmount } from '../core/amountColumn.ts';
import { epochDayOf } from '../core/epochDayOf.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent, ReversedPosting } from '../core/projectedEvent.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import {
  addMemberRow, DA, D_BALANCE, D_INTEREST, D_MEMBER, D_PRODUCT, D_STATUS, DI, depositKinds,
  depositStatuses, L_DISBURSED_ON, L_MEMBER, L_PRODUCT, L_SCHEDULE_AT, L_SCHEDULE_LENGTH,
  L_STATUS, LA, LI, linkDeposit, linkLoan, loanStatuses, loanTotals, M_BRANCH, M_DIVIDENDS,
  M_SHARE_ACCOUNT, M_SHARE_CAPITAL, M_STATUS, MA, memberStatuses, MI, type BalancesRows,
} from './rows.ts';
import { appendSchedule, type BalancesState, type DepositKind, type LoanStatus } from './state.ts';
import { addRow, findRow, setText } from './table.ts';

// Every amount a fold changes is a slot of a table's amount column: row * width + column.
const total = (k: (typeof loanTotals)[number]) => loanTotals.indexOf(k);
const DISBURSED = total('disbursed');
const PRINCIPAL_REPAID = total('principalRepaid');
const WRITTEN_OFF = total('writtenOff');
const INTEREST_PAID = total('interestPaid');
const INTEREST_WAIVED = total('interestWaived');
const PENALTIES_CHARGED = total('penaltiesCharged');
const PENALTIES_PAID = total('penaltiesPaid');
const PENALTIES_WRITTEN_OFF = total('penaltiesWrittenOff');
const FEES_CHARGED = total('feesCharged');
const FEES_PAID = total('feesPaid');
const FEES_WRITTEN_OFF = total('feesWrittenOff');
const RECOVERED = total('recovered');
const ACTIVE = memberStatuses.indexOf('active');
const EXITED = memberStatuses.indexOf('exited');
const MATURED = depositStatuses.indexOf('matured');
const CLOSED = depositStatuses.indexOf('closed');

const member = (rows: BalancesRows, memberId: string): number => {
  const m = findRow(rows.members, memberId);
  return m >= 0 ? m : addMemberRow(rows, memberId);
};

const addToMember = (rows: BalancesRows, m: number, column: number, x: bigint) =>
  addAmount(rows.members.amounts, m * MA + column, x);

const open = (
  rows: BalancesRows, d: { accountId: string; memberId: string; productId: string },
  kind: DepositKind, balance: bigint,
): void => {
  const t = rows.deposits;
  if (findRow(t, d.accountId) >= 0) return;
  const r = addRow(t, d.accountId, [depositKinds.indexOf(kind), 0, -1]);
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
  const r = addRow(t, loanId, [0, -1, 0, 0]);
  setText(t, L_MEMBER, r, memberId);
  setText(t, L_PRODUCT, r, productId);
  linkLoan(rows, member(rows, memberId), r);
  return r;
};

const addToLoan = (rows: BalancesRows, l: number, column: number, x: bigint) =>
  addAmount(rows.loans.amounts, l * LA + column, x);

// An amount charged to, waived on or recovered for a loan (rare events: one shape or another).
const loanAmount = (
  rows: BalancesRows, d: { loanId: string; memberId: string; amount: string }, column: number,
) => addToLoan(rows, loan(rows, d.loanId, d.memberId), column, minor(d.amount));

const setLoanStatus = (rows: BalancesRows, l: number, status: LoanStatus) => {
  rows.loans.ints[l * LI + L_STATUS] = loanStatuses.indexOf(status);
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
      rows.members.nums[m] = (rows.members.nums[m] ?? 0) + k * shares;
      addToMember(rows, m, M_SHARE_CAPITAL, k === 1 ? amount : -amount);
      return;
    }
    case 'DividendCredited':
      addToMember(rows, member(rows, ids.memberId), M_DIVIDENDS, amount);
      return;
    case 'Deposited': addToDeposit(rows, deposit(rows, ids.accountId), D_BALANCE, amount); return;
    case 'Withdrawn': addToDeposit(rows, deposit(rows, ids.accountId), D_BALANCE, -amount); return;
    case 'InterestPosted': {
      const a = deposit(rows, ids.accountId);
      addToDeposit(rows, a, D_BALANCE, amount);
      addToDeposit(rows, a, D_INTEREST, amount);
      return;
    }
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
    case 'SharesPurchased': case 'SharesRedeemed': {
      const d = e.data;
      const m = member(rows, d.memberId);
      const k = e.type === 'SharesPurchased' ? 1 : -1;
      setText(rows.members, M_SHARE_ACCOUNT, m, d.accountId);
      rows.members.nums[m] = (rows.members.nums[m] ?? 0) + k * d.shares;
      addToMember(rows, m, M_SHARE_CAPITAL, k === 1 ? minor(d.amount) : -minor(d.amount));
      break;
    }
    case 'ShareAccountClosed': break;
    case 'DividendCredited':
      addToMember(rows, member(rows, e.data.memberId), M_DIVIDENDS, minor(e.data.amount));
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
    case 'SavingsAccountOpened': open(rows, e.data, 'savings', 0n); break;
    case 'RecurringDepositOpened': open(rows, e.data, 'recurring', 0n); break;
    case 'FixedDepositOpened': open(rows, e.data, 'fixed', minor(e.data.principal)); break;
    case 'RecurringInstalmentMissed': {
      const a = deposit(rows, e.data.accountId);
      if (a >= 0) rows.deposits.nums[a] = (rows.deposits.nums[a] ?? 0) + 1;
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
      const installments = d.schedule.installments;
      rows.loans.ints[l * LI + L_SCHEDULE_AT] = appendSchedule(s.schedules, installments.map(
        (r) => [epochDayOf(r.dueOn), minor(r.principal), minor(r.interest)] as const));
      rows.loans.ints[l * LI + L_SCHEDULE_LENGTH] = installments.length;
      return;
    }
    case 'RepaymentReceived': {
      const d = e.data;
      const a = d.allocation;
      const l = loan(rows, d.loanId, d.memberId);
      addToLoan(rows, l, PENALTIES_PAID, minor(a.penalties));
      addToLoan(rows, l, FEES_PAID, minor(a.fees));
      addToLoan(rows, l, INTEREST_PAID, minor(a.interest));
      addToLoan(rows, l, PRINCIPAL_REPAID, minor(a.principal) + minor(d.prepayment));
      return;
    }
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
