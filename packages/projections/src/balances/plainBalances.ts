// The member balances as a plain fold: Maps of plain objects and bigint arithmetic, each event
// read as it is written, a reversal undoing the event it names as seen earlier in the log. It
// is slow and meant to be obviously right: the model the columnar fold (apply.ts) is tested
// against (plainBalances.properties.test.ts). Its objects have the fields of the views, so a
// field added to shapes.ts does not compile here until the plain fold computes it too.
import type { LoanScheduleData } from '@usha/domain';
import { minor } from '../core/minor.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import type { DepositBalance, DepositKind, LoanBalance, MemberBalance } from './state.ts';

type Plain<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer X> ? X[] : T[K] };

/** One schedule row: due date, principal and interest in paise. */
export type PlainInstalment = readonly [dueOn: string, principal: bigint, interest: bigint];

/** A loan as the plain fold keeps it: its totals and its schedule as a list. */
export type PlainLoan = Plain<Omit<LoanBalance, 'scheduleAt' | 'scheduleLength'>> & {
  schedule: PlainInstalment[];
};

/** The balances as the plain fold keeps them, in the order each id was first seen. */
export interface PlainBalances {
  readonly members: Map<string, Plain<MemberBalance>>;
  readonly deposits: Map<string, Plain<DepositBalance>>;
  readonly loans: Map<string, PlainLoan>;
  through: string | null;
}

const memberOf = (b: PlainBalances, memberId: string): Plain<MemberBalance> => {
  const found = b.members.get(memberId);
  if (found !== undefined) return found;
  const m: Plain<MemberBalance> = { memberId, branchId: null, status: 'not_admitted',
    shareAccountId: null, shares: 0, shareCapital: 0n, dividendsCredited: 0n, deposits: [],
    loans: [] };
  b.members.set(memberId, m);
  return m;
};

const loanOf = (b: PlainBalances, loanId: string, memberId: string, productId = '') => {
  const found = b.loans.get(loanId);
  if (found !== undefined) return found;
  const l: PlainLoan = { loanId, memberId, productId, status: 'applied', disbursedOn: null,
    disbursed: 0n, principalRepaid: 0n, writtenOff: 0n, interestPaid: 0n, interestWaived: 0n,
    penaltiesCharged: 0n, penaltiesPaid: 0n, penaltiesWrittenOff: 0n, feesCharged: 0n,
    feesPaid: 0n, feesWrittenOff: 0n, recovered: 0n, schedule: [] };
  b.loans.set(loanId, l);
  memberOf(b, memberId).loans.push(loanId);
  return l;
};

const open = (
  b: PlainBalances, d: { accountId: string; memberId: string; productId: string },
  kind: DepositKind, balance: bigint,
): void => {
  if (b.deposits.has(d.accountId)) return;
  b.deposits.set(d.accountId, { accountId: d.accountId, memberId: d.memberId, kind,
    productId: d.productId, status: 'open', balance, interestPosted: 0n, instalmentsMissed: 0 });
  memberOf(b, d.memberId).deposits.push(d.accountId);
};

// What a money event changes, times `sign` (1n as it happened, -1n to undo it). An event for a
// deposit account never opened changes nothing.
const money = (b: PlainBalances, e: ProjectedEvent, sign: bigint): void => {
  const n = Number(sign);
  switch (e.type) {
    case 'SharesPurchased': case 'SharesRedeemed': {
      const m = memberOf(b, e.data.memberId);
      const k = e.type === 'SharesPurchased' ? 1 : -1;
      m.shares += n * k * e.data.shares;
      m.shareCapital += sign * BigInt(k) * minor(e.data.amount);
      return;
    }
    case 'DividendCredited':
      memberOf(b, e.data.memberId).dividendsCredited += sign * minor(e.data.amount);
      return;
    case 'Deposited': case 'Withdrawn': case 'InterestPosted': case 'DepositChargeApplied': {
      const a = b.deposits.get(e.data.accountId);
      if (a === undefined) return;
      const x = sign * minor(e.data.amount);
      a.balance += e.type === 'Withdrawn' || e.type === 'DepositChargeApplied' ? -x : x;
      if (e.type === 'InterestPosted') a.interestPosted += x;
      return;
    }
    case 'RepaymentReceived': {
      const l = loanOf(b, e.data.loanId, e.data.memberId);
      const s = e.data.allocation;
      l.penaltiesPaid += sign * minor(s.penalties);
      l.feesPaid += sign * minor(s.fees);
      l.interestPaid += sign * minor(s.interest);
      l.principalRepaid += sign * (minor(s.principal) + minor(e.data.prepayment));
      return;
    }
    case 'PenaltyCharged':
      loanOf(b, e.data.loanId, e.data.memberId).penaltiesCharged += sign * minor(e.data.amount);
      return;
    case 'FeeCharged':
      loanOf(b, e.data.loanId, e.data.memberId).feesCharged += sign * minor(e.data.amount);
      return;
    case 'InterestWaived':
      loanOf(b, e.data.loanId, e.data.memberId).interestWaived += sign * minor(e.data.amount);
      return;
    case 'RecoveryReceived':
      loanOf(b, e.data.loanId, e.data.memberId).recovered += sign * minor(e.data.amount);
      return;
    default: return;
  }
};

const deposit = (b: PlainBalances, e: ProjectedEvent): void => {
  switch (e.type) {
    case 'SavingsAccountOpened': return open(b, e.data, 'savings', 0n);
    case 'RecurringDepositOpened': return open(b, e.data, 'recurring', 0n);
    case 'FixedDepositOpened': return open(b, e.data, 'fixed', minor(e.data.principal));
    // Tax at source is not a reversible posting: its give-back is an event of its own.
    // A credit redirected to cash never reached her savings: it is no longer counted there.
    case 'DividendRedirectedToCash':
      memberOf(b, e.data.memberId).dividendsCredited -= minor(e.data.amount);
      return;
    case 'TdsDeducted': case 'TdsReversed': {
      const a = b.deposits.get(e.data.accountId);
      const x = minor(e.data.amount);
      if (a !== undefined) a.balance += e.type === 'TdsDeducted' ? -x : x;
      return;
    }
    case 'RecurringInstalmentMissed': {
      const a = b.deposits.get(e.data.accountId);
      if (a !== undefined) a.instalmentsMissed += 1;
      return;
    }
    case 'DepositMatured': case 'DepositClosedEarly': case 'DepositAccountClosed': {
      const a = b.deposits.get(e.data.accountId);
      if (a === undefined) return;
      if (e.type !== 'DepositAccountClosed') a.interestPosted += minor(e.data.interest);
      a.balance = e.type === 'DepositMatured' ? minor(e.data.maturityAmount) : 0n;
      a.status = e.type === 'DepositMatured' ? 'matured' : 'closed';
      return;
    }
    default: return;
  }
};

// A schedule event's rows: the latest replaces the loan's schedule whole.
const scheduleOf = (d: LoanScheduleData): PlainInstalment[] =>
  d.installments.map((r) => [r.dueOn, minor(r.principal), minor(r.interest)] as const);

const loan = (b: PlainBalances, e: ProjectedEvent): void => {
  switch (e.type) {
    case 'LoanApplied': loanOf(b, e.data.loanId, e.data.memberId, e.data.productId); return;
    case 'LoanApproved': loanOf(b, e.data.loanId, e.data.memberId).status = 'approved'; return;
    case 'LoanRejected': loanOf(b, e.data.loanId, e.data.memberId).status = 'rejected'; return;
    case 'LoanClosed': loanOf(b, e.data.loanId, e.data.memberId).status = 'closed'; return;
    case 'LoanDisbursed': {
      const l = loanOf(b, e.data.loanId, e.data.memberId, e.data.productId);
      l.status = 'active';
      l.disbursedOn = e.data.on;
      l.disbursed = minor(e.data.principal);
      l.schedule = scheduleOf(e.data.schedule);
      return;
    }
    case 'LoanTrancheDisbursed': {
      const l = loanOf(b, e.data.loanId, e.data.memberId);
      l.disbursed += minor(e.data.amount);
      l.schedule = scheduleOf(e.data.schedule);
      return;
    }
    case 'LoanRescheduled': case 'LoanScheduleRecalculated':
      loanOf(b, e.data.loanId, e.data.memberId).schedule = scheduleOf(e.data.schedule);
      return;
    case 'LoanPaidOffByTopUp': {
      const l = loanOf(b, e.data.loanId, e.data.memberId);
      const a = e.data.allocation;
      l.penaltiesPaid += minor(a.penalties);
      l.feesPaid += minor(a.fees);
      l.interestPaid += minor(a.interest);
      l.principalRepaid += minor(a.principal);
      return;
    }
    case 'LoanWrittenOff': {
      const l = loanOf(b, e.data.loanId, e.data.memberId);
      l.status = 'written_off';
      l.writtenOff += minor(e.data.principal);
      l.penaltiesWrittenOff += minor(e.data.penalties);
      l.feesWrittenOff += minor(e.data.fees);
      return;
    }
    default: return;
  }
};

/**
 * The member balances after `events` (a log without redeliveries, in order): every member,
 * deposit account and loan seen, as plain objects.
 */
export const plainBalances = (events: Iterable<ProjectedEvent>): PlainBalances => {
  const b: PlainBalances = { members: new Map(), deposits: new Map(), loans: new Map(),
    through: null };
  // Money events not yet reversed, by event id: a reversal undoes the one it names, once.
  const reversible = new Map<string, ProjectedEvent>();
  for (const e of events) {
    const on = e.metadata.effectiveOn;
    if (b.through === null || on > b.through) b.through = on;
    if (e.type === 'EventReversed') {
      const original = reversible.get(e.data.reversedEventId);
      reversible.delete(e.data.reversedEventId);
      if (original !== undefined) money(b, original, -1n);
      continue;
    }
    if ('eventId' in e.data && typeof e.data.eventId === 'string') {
      reversible.set(e.data.eventId, e);
    }
    if (e.type === 'MemberAdmitted') {
      const m = memberOf(b, e.data.memberId);
      m.branchId = e.data.branchId;
      m.status = 'active';
    } else if (e.type === 'MemberExited') memberOf(b, e.data.memberId).status = 'exited';
    else if (e.type === 'MemberTransferred') memberOf(b, e.data.memberId).branchId = e.data.to;
    else if (e.type === 'SharesPurchased' || e.type === 'SharesRedeemed') {
      memberOf(b, e.data.memberId).shareAccountId = e.data.accountId;
    }
    money(b, e, 1n);
    deposit(b, e);
    loan(b, e);
  }
  return b;
};
