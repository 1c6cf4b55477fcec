import { epochDayOf } from '../core/epochDayOf.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent, ReversedPosting } from '../core/projectedEvent.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import {
  appendSchedule, type BalancesState, type DepositBalance, type DepositKind, type LoanBalance,
  type MemberBalance,
} from './state.ts';

const member = (s: BalancesState, memberId: string): MemberBalance => {
  let m = s.members.get(memberId);
  if (m === undefined) {
    m = {
      memberId, branchId: null, status: 'not_admitted', shareAccountId: null, shares: 0,
      shareCapital: 0n, dividendsCredited: 0n, deposits: [], loans: [],
    };
    s.members.set(memberId, m);
  }
  return m;
};

const open = (
  s: BalancesState, d: { accountId: string; memberId: string; productId: string },
  kind: DepositKind, balance: bigint,
): void => {
  if (s.deposits.has(d.accountId)) return;
  s.deposits.set(d.accountId, {
    accountId: d.accountId, memberId: d.memberId, kind, productId: d.productId, status: 'open',
    balance, interestPosted: 0n, instalmentsMissed: 0,
  });
  const m = member(s, d.memberId);
  m.deposits = m.deposits.concat(d.accountId);
};

const noDeposit: DepositBalance = {
  accountId: '', memberId: '', kind: 'savings', productId: '', status: 'open', balance: 0n,
  interestPosted: 0n, instalmentsMissed: 0,
};
// An event for an account never opened changes a scratch account, never a real one.
const deposit = (s: BalancesState, accountId: string): DepositBalance =>
  s.deposits.get(accountId) ?? { ...noDeposit };

const newLoan = (d: { loanId: string; memberId: string; productId: string }): LoanBalance => ({
  loanId: d.loanId, memberId: d.memberId, productId: d.productId, status: 'applied',
  disbursedOn: null, disbursed: 0n, principalRepaid: 0n, writtenOff: 0n, interestPaid: 0n,
  interestWaived: 0n, penaltiesCharged: 0n, penaltiesPaid: 0n, penaltiesWrittenOff: 0n,
  feesCharged: 0n, feesPaid: 0n, feesWrittenOff: 0n, recovered: 0n, scheduleAt: 0,
  scheduleLength: 0,
});

const loan = (s: BalancesState, d: { loanId: string; memberId: string; productId?: string }) => {
  let l = s.loans.get(d.loanId);
  if (l === undefined) {
    l = newLoan({ ...d, productId: d.productId ?? '' });
    s.loans.set(d.loanId, l);
    const m = member(s, d.memberId);
    m.loans = m.loans.concat(d.loanId);
  }
  return l;
};

// A money event's effect, signed: 1n to apply it, -1n to apply its exact opposite.
const money = (
  s: BalancesState, r: ReversedPosting, ids: { accountId: string; memberId: string },
  sign: bigint,
): void => {
  const amount = sign * r.amount;
  switch (r.type) {
    case 'SharesPurchased': case 'SharesRedeemed': {
      const m = member(s, ids.memberId);
      const k = r.type === 'SharesPurchased' ? 1 : -1;
      m.shares += k * (sign === 1n ? r.shares : -r.shares);
      m.shareCapital += r.type === 'SharesPurchased' ? amount : -amount;
      return;
    }
    case 'DividendCredited': member(s, ids.memberId).dividendsCredited += amount; return;
    case 'Deposited': deposit(s, ids.accountId).balance += amount; return;
    case 'Withdrawn': deposit(s, ids.accountId).balance -= amount; return;
    case 'InterestPosted': {
      const a = deposit(s, ids.accountId);
      a.balance += amount;
      a.interestPosted += amount;
      return;
    }
    default: loanMoney(loan(s, { loanId: ids.accountId, memberId: ids.memberId }), r, sign);
  }
};

const loanMoney = (l: LoanBalance, r: ReversedPosting, sign: bigint): void => {
  const amount = sign * r.amount;
  switch (r.type) {
    case 'RepaymentReceived':
      l.penaltiesPaid += sign * r.penalties;
      l.feesPaid += sign * r.fees;
      l.interestPaid += sign * r.interest;
      l.principalRepaid += sign * r.principal;
      return;
    case 'PenaltyCharged': l.penaltiesCharged += amount; return;
    case 'FeeCharged': l.feesCharged += amount; return;
    case 'InterestWaived': l.interestWaived += amount; return;
    case 'RecoveryReceived': l.recovered += amount; return;
    default: return;
  }
};

/** Applies one event to member balances, in place. */
export const applyBalances = (s: BalancesState, e: ResolvedEvent): BalancesState => {
  const on = e.metadata.effectiveOn;
  if (s.through === null || on > s.through) s.through = on;
  switch (e.type) {
    case 'MemberAdmitted': {
      const m = member(s, e.data.memberId);
      m.branchId = e.data.branchId;
      m.status = 'active';
      break;
    }
    case 'MemberExited': member(s, e.data.memberId).status = 'exited'; break;
    case 'SharesPurchased': case 'SharesRedeemed': {
      const d = e.data;
      const m = member(s, d.memberId);
      const k = e.type === 'SharesPurchased' ? 1 : -1;
      m.shareAccountId = d.accountId;
      m.shares += k * d.shares;
      m.shareCapital += k === 1 ? minor(d.amount) : -minor(d.amount);
      break;
    }
    case 'ShareAccountClosed': break;
    case 'DividendCredited':
      member(s, e.data.memberId).dividendsCredited += minor(e.data.amount);
      break;
    case 'Deposited': deposit(s, e.data.accountId).balance += minor(e.data.amount); break;
    case 'Withdrawn': deposit(s, e.data.accountId).balance -= minor(e.data.amount); break;
    case 'InterestPosted': {
      const a = deposit(s, e.data.accountId);
      const x = minor(e.data.amount);
      a.balance += x;
      a.interestPosted += x;
      break;
    }
    case 'SavingsAccountOpened': open(s, e.data, 'savings', 0n); break;
    case 'RecurringDepositOpened': open(s, e.data, 'recurring', 0n); break;
    case 'FixedDepositOpened': open(s, e.data, 'fixed', minor(e.data.principal)); break;
    case 'RecurringInstalmentMissed': deposit(s, e.data.accountId).instalmentsMissed += 1; break;
    case 'DepositMatured': {
      const a = deposit(s, e.data.accountId);
      a.interestPosted += minor(e.data.interest);
      a.balance = minor(e.data.maturityAmount);
      a.status = 'matured';
      break;
    }
    case 'DepositClosedEarly': case 'DepositAccountClosed': {
      const a = deposit(s, e.data.accountId);
      if (e.type === 'DepositClosedEarly') a.interestPosted += minor(e.data.interest);
      a.balance = 0n;
      a.status = 'closed';
      break;
    }
    default: applyLoanOrSociety(s, e);
  }
  return s;
};

const applyLoanOrSociety = (s: BalancesState, e: ResolvedEvent): void => {
  switch (e.type) {
    case 'LoanApplied': loan(s, e.data); return;
    case 'LoanApproved': loan(s, e.data).status = 'approved'; return;
    case 'LoanRejected': loan(s, e.data).status = 'rejected'; return;
    case 'LoanDisbursed': {
      const l = loan(s, e.data);
      l.status = 'active';
      l.disbursedOn = e.data.on;
      l.disbursed = minor(e.data.principal);
      const rows = e.data.schedule.installments;
      l.scheduleAt = appendSchedule(s.schedules, rows.map((r) =>
        [epochDayOf(r.dueOn), minor(r.principal), minor(r.interest)] as const));
      l.scheduleLength = rows.length;
      return;
    }
    case 'RepaymentReceived': {
      const d = e.data;
      const a = d.allocation;
      const l = loan(s, d);
      l.penaltiesPaid += minor(a.penalties);
      l.feesPaid += minor(a.fees);
      l.interestPaid += minor(a.interest);
      l.principalRepaid += minor(a.principal) + minor(d.prepayment);
      return;
    }
    case 'PenaltyCharged': loan(s, e.data).penaltiesCharged += minor(e.data.amount); return;
    case 'FeeCharged': loan(s, e.data).feesCharged += minor(e.data.amount); return;
    case 'InterestWaived': loan(s, e.data).interestWaived += minor(e.data.amount); return;
    case 'RecoveryReceived': loan(s, e.data).recovered += minor(e.data.amount); return;
    case 'LoanWrittenOff': {
      const l = loan(s, e.data);
      l.status = 'written_off';
      l.writtenOff += minor(e.data.principal);
      l.penaltiesWrittenOff += minor(e.data.penalties);
      l.feesWrittenOff += minor(e.data.fees);
      return;
    }
    case 'LoanClosed': loan(s, e.data).status = 'closed'; return;
    case 'EventReversed': {
      const r = e.reversed;
      if (r === undefined) throw new UnresolvedReversalError(e.data.reversedEventId);
      if (r === null) return;
      const d = e.data;
      money(s, r, { accountId: d.aggregateId, memberId: d.memberId }, -1n);
      return;
    }
    default: return;
  }
};
