import { financialYearStart, nextFinancialYear } from '@usha/domain';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent, ReversedPosting } from '../core/projectedEvent.ts';
import type { DepositKind } from '../balances/state.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import type { PostingRole } from './chartOfAccounts.ts';

/** Where a journal entry's lines go: an amount per role, debit positive, credit negative. */
export interface JournalSink {
  /** A line dated the event's business date, or `on` (a reversing entry's later date). */
  post(role: PostingRole, amountDebitPositive: bigint, on?: string): void;
  /** Closes the year's income and expense into accumulated surplus (FinancialYearClosed). */
  closeYear(financialYear: string): void;
}

/** What the mapping needs to know beyond the event: the kind of each deposit account. */
export interface JournalContext {
  depositKind(accountId: string): DepositKind;
}

const depositRole = (kind: DepositKind): PostingRole =>
  kind === 'savings' ? 'savingsDeposits' : kind === 'recurring' ? 'recurringDeposits'
    : 'fixedDeposits';

const sourceRole = (source: ReversedPosting['source']): PostingRole =>
  source === 'transfer' ? 'bank' : source === 'dividend' ? 'dividendsAwaitingDeposit'
    : source === 'interest_transfer' ? 'depositInterestExpense' : 'cash';

const move = (
  j: JournalSink, debit: PostingRole, credit: PostingRole, amount: bigint, on?: string,
) => {
  if (amount === 0n) return;
  j.post(debit, amount, on);
  j.post(credit, -amount, on);
};

/**
 * The year-end accruals as adjusting entries on 31 March, each reversed on 1 April: the
 * interest credited or received later in the new year includes what was accrued, so without
 * the reversal it would count twice. NPA interest is not income until received: no entry.
 */
const accrualLines = (j: JournalSink, fy: string, payable: bigint, receivable: bigint) => {
  // The next year's first day alone (the year after 2198-99 ends in 2200, a day no date names);
  // after 2199-00 there is none, and no day to reverse on.
  const next = financialYearStart(nextFinancialYear(fy));
  move(j, 'depositInterestExpense', 'interestPayable', payable);
  move(j, 'interestReceivable', 'loanInterestIncome', receivable);
  if (next === undefined) return;
  move(j, 'interestPayable', 'depositInterestExpense', payable, next);
  move(j, 'loanInterestIncome', 'interestReceivable', receivable, next);
};

/**
 * The provision moved to its new total: an increase is charged (provision expense), a
 * decrease (loans recovered or repaid) is written back as income. Not reversed on 1 April:
 * the provision stands until the next year's close sets it again.
 */
const provisionLines = (j: JournalSink, total: bigint, previous: bigint) =>
  total >= previous ? move(j, 'provisionExpense', 'loanLossProvision', total - previous)
    : move(j, 'loanLossProvision', 'provisionWrittenBack', previous - total);

/**
 * The lines of a money event, times `sign` (1n; -1n for its reversal). One function for both,
 * so that a reversal is the exact opposite of the entry it reverses.
 */
export const moneyLines = (
  j: JournalSink, p: ReversedPosting, kind: DepositKind, sign: bigint,
): void => {
  const a = sign * p.amount;
  switch (p.type) {
    case 'SharesPurchased': return move(j, 'cash', 'shareCapital', a);
    case 'SharesRedeemed': return move(j, 'shareCapital', 'cash', a);
    case 'DividendCredited': return move(j, 'dividendsPayable', 'dividendsAwaitingDeposit', a);
    case 'Deposited': return move(j, sourceRole(p.source), depositRole(kind), a);
    case 'Withdrawn': return move(j, depositRole(kind), 'cash', a);
    case 'InterestPosted': return move(j, 'depositInterestExpense', depositRole(kind), a);
    case 'RepaymentReceived':
      j.post('cash', a);
      j.post('penaltiesReceivable', -sign * p.penalties);
      j.post('feesReceivable', -sign * p.fees);
      j.post('loanInterestIncome', -sign * p.interest);
      j.post('loansReceivable', -sign * p.principal);
      return;
    case 'PenaltyCharged': return move(j, 'penaltiesReceivable', 'penaltyIncome', a);
    case 'FeeCharged': return move(j, 'feesReceivable', 'feeIncome', a);
    // Loan interest is income when received (cash basis): waiving what was never booked
    // moves nothing in the books; the balances projection keeps the waiver.
    case 'InterestWaived': return;
    case 'RecoveryReceived': return move(j, 'cash', 'recoveriesIncome', a);
    case 'DepositChargeApplied': return move(j, depositRole(kind), 'depositChargeIncome', a);
    // One cash account for the branch's vault and tills: a till's fee is cash in hand too.
    case 'AdmissionFeeCharged': return move(j, 'cash', 'admissionFeeIncome', a);
  }
};

const none = (): void => undefined;

// A loan paid out: the member receives it in cash, less a top-up's payoff, which goes to
// clearing until the old loan's LoanPaidOffByTopUp takes it out again.
const disbursed = (
  j: JournalSink, principal: bigint, topUpOf: { readonly payoff: string } | null,
): void => {
  const payoff = topUpOf === null ? 0n : minor(topUpOf.payoff);
  j.post('loansReceivable', principal);
  j.post('cash', payoff - principal);
  j.post('topUpClearing', -payoff);
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
// One posting reused for every forward event (the mapping is synchronous and keeps nothing).
const scratch: Mutable<ReversedPosting> = {
  type: 'Deposited', on: '', amount: 0n, shares: 0, source: null, instalment: false,
  periodFrom: null, penalties: 0n, fees: 0n, interest: 0n, principal: 0n,
};
const posting = (
  type: ReversedPosting['type'], amount: bigint, source: ReversedPosting['source'] = null,
  penalties = 0n, fees = 0n, interest = 0n, principal = 0n,
): ReversedPosting => {
  scratch.type = type;
  scratch.amount = amount;
  scratch.source = source;
  scratch.penalties = penalties;
  scratch.fees = fees;
  scratch.interest = interest;
  scratch.principal = principal;
  return scratch;
};

/**
 * The journal entry of any event of the catalogue, written to a sink: the switch is exhaustive,
 * so a new event type does not compile until it is mapped here. Events that move no money map
 * to an entry of no lines.
 */
export const journalFor = (j: JournalSink, e: ResolvedEvent, ctx: JournalContext): void => {
  switch (e.type) {
    // A transfer moves her balances between branches only, none in the society's books: the
    // books post that entry themselves (branchTransfer.ts), from balances this mapping lacks.
    case 'MemberAdmitted': case 'MemberExited': case 'MemberTransferred':
    case 'AccountOpeningNoted': case 'FieldOfficerAssigned':
    // Notes and claims that coordinate Ledger instances over one store move no money.
    case 'SetUpNoted': case 'ProcessClaimed':
    case 'ShareAccountClosed':
    case 'SavingsAccountOpened': case 'RecurringDepositOpened': case 'RecurringInstalmentMissed':
    case 'LoanApplied': case 'LoanApproved': case 'LoanRejected': case 'LoanClosed':
    case 'GuarantorsNamed': case 'LienPlaced': case 'LienReleased':
    // A guarantee call's money moves by the Withdrawn decided with it; a nominee moves none.
    case 'GuaranteeCalled': case 'NomineeNominated':
    // Dormancy is derived; a reactivation is a manager's act that moves no money.
    case 'AccountReactivated':
    case 'SocietyConfigured': case 'SocietySettingsChanged': case 'DividendRunEnded':
    // A rate change moves money only through the postings figured at the new rate.
    case 'ProductRateChanged':
    // A close begun stops new entries in the year; the close's own entries post.
    case 'YearCloseBegun':
    case 'StaffAppointed': case 'StaffRevoked': case 'ApprovalRequested':
    case 'RequestApproved': case 'RequestDeclined':
    // A standing instruction's money moves by the withdrawal and payment its run records.
    case 'StandingInstructionGiven': case 'StandingInstructionPaused':
    case 'StandingInstructionResumed': case 'StandingInstructionCancelled':
    case 'StandingInstructionExecuted': case 'StandingInstructionRefused':
    // A branch's cash moving between its vault and tills stays in "Cash in hand"; a member's
    // cash at a till is posted by her account's own event.
    case 'VaultCashTakenOver': case 'BranchCashTransferred': case 'TillCashMoved':
    case 'TillCashReleased': case 'BranchDayClosed':
      return none();
    case 'CashSentToBranch': return move(j, 'interBranch', 'cash', minor(e.data.amount));
    case 'CashReceivedFromBranch': return move(j, 'cash', 'interBranch', minor(e.data.amount));
    case 'TillCashCounted': {
      const d = minor(e.data.difference);
      return d < 0n ? move(j, 'cashShortage', 'cash', -d) : move(j, 'cash', 'cashExcess', d);
    }
    case 'SharesPurchased': case 'SharesRedeemed': case 'DividendCredited':
    case 'Withdrawn': case 'InterestPosted': case 'PenaltyCharged': case 'FeeCharged':
    case 'InterestWaived': case 'RecoveryReceived': case 'DepositChargeApplied':
      return moneyLines(j, posting(e.type, minor(e.data.amount)),
        'accountId' in e.data ? ctx.depositKind(e.data.accountId) : 'savings', 1n);
    case 'Deposited':
      return moneyLines(j, posting(e.type, minor(e.data.amount), e.data.source),
        ctx.depositKind(e.data.accountId), 1n);
    case 'RepaymentReceived': {
      const a = e.data.allocation;
      return moneyLines(j, posting(e.type, minor(e.data.amount), null, minor(a.penalties),
        minor(a.fees), minor(a.interest), minor(a.principal) + minor(e.data.prepayment)),
      'savings', 1n);
    }
    case 'FixedDepositOpened': return move(j, 'cash', 'fixedDeposits', minor(e.data.principal));
    case 'DepositMatured': {
      const role = depositRole(ctx.depositKind(e.data.accountId));
      return move(j, 'depositInterestExpense', role, minor(e.data.interest));
    }
    case 'DepositClosedEarly': {
      const d = e.data;
      j.post(depositRole(ctx.depositKind(d.accountId)), minor(d.balance));
      j.post('depositInterestExpense', minor(d.interest));
      j.post('cash', -minor(d.payout));
      return;
    }
    case 'TdsDeducted':
      return move(j, depositRole(ctx.depositKind(e.data.accountId)), 'tdsPayable',
        minor(e.data.amount));
    // The deduction of a reversed interest posting, given back: the TdsDeducted entry undone.
    case 'TdsReversed':
      return move(j, 'tdsPayable', depositRole(ctx.depositKind(e.data.accountId)),
        minor(e.data.amount));
    case 'DepositAccountClosed':
      return move(j, depositRole(ctx.depositKind(e.data.accountId)), 'cash', minor(e.data.payout));
    case 'LoanDisbursed': return disbursed(j, minor(e.data.principal), e.data.topUpOf);
    case 'LoanTrancheDisbursed': return move(j, 'loansReceivable', 'cash', minor(e.data.amount));
    // A new schedule moves no money: what is owed changes as it falls due and is paid.
    case 'LoanRescheduled': case 'LoanScheduleRecalculated': return none();
    // Paid from the top-up loan's proceeds (held in clearing), shared out as a repayment is.
    case 'LoanPaidOffByTopUp': {
      const a = e.data.allocation;
      j.post('topUpClearing', minor(e.data.amount));
      j.post('penaltiesReceivable', -minor(a.penalties));
      j.post('feesReceivable', -minor(a.fees));
      j.post('loanInterestIncome', -minor(a.interest));
      j.post('loansReceivable', -minor(a.principal));
      return;
    }
    case 'LoanWrittenOff': {
      const d = e.data;
      move(j, 'loanLossExpense', 'loansReceivable', minor(d.principal));
      move(j, 'loanLossExpense', 'penaltiesReceivable', minor(d.penalties));
      move(j, 'loanLossExpense', 'feesReceivable', minor(d.fees));
      return;
    }
    case 'EventReversed': {
      const r = e.reversed;
      if (r === undefined) throw new UnresolvedReversalError(e.data.reversedEventId);
      if (r === null) return none();
      const kind = e.data.aggregate === 'deposit'
        ? ctx.depositKind(e.data.aggregateId) : 'savings';
      return moneyLines(j, r, kind, -1n);
    }
    case 'FinancialYearClosed':
      j.closeYear(e.data.financialYear);
      return move(j, 'accumulatedSurplus', 'statutoryReserve',
        minor(e.data.statutoryReserveTransfer));
    case 'DividendDeclared':
      return move(j, 'accumulatedSurplus', 'dividendsPayable', minor(e.data.total));
    // A batch of the declared total's parts: the total is payable already; each part moves
    // money when it is credited (DividendCredited), not when it is recorded.
    case 'DividendAllocated': return none();
    case 'YearEndAccrualsRecorded':
      return accrualLines(j, e.data.financialYear, minor(e.data.depositInterestPayable),
        minor(e.data.loanInterestReceivable));
    case 'LoanLossProvisionSet':
      return provisionLines(j, minor(e.data.total), minor(e.data.previousTotal));
    // Payable in cash: the part stays in dividends payable until the till pays it.
    case 'DividendPayableInCash': return none();
    // Which year's credit a dividend deposit brought: the Deposited beside it moves the money.
    case 'DividendDeposited': return none();
    // A credit whose savings account closed first: out of "awaiting deposit", payable in cash.
    case 'DividendRedirectedToCash':
      return move(j, 'dividendsAwaitingDeposit', 'dividendsPayable', minor(e.data.amount));
    case 'DividendPaidInCash': return move(j, 'dividendsPayable', 'cash', minor(e.data.amount));
    case 'AdmissionFeeCharged':
      return moneyLines(j, posting(e.type, minor(e.data.amount)), 'savings', 1n);
    default: return unmapped(e);
  }
};

const unmapped = (e: never): never => {
  throw new TypeError(`no journal mapping for ${JSON.stringify(e)}`);
};
