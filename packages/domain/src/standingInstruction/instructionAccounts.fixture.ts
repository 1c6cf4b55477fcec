// The accounts a standing instruction names, as their streams hold them, for the tests: made
// by the deposit and loan deciders from commands, so every state is one the domain produces.
import { createDepositDecider } from '../deposit/decide.ts';
import type { DepositState } from '../deposit/state.ts';
import { createLoanDecider } from '../loan/decide.ts';
import type { LoanState } from '../loan/state.ts';
import { asMember, by, command, history, products } from '../testing/fixtures.ts';
import type { GiveInstructionFacts } from './facts.ts';

const deposits = createDepositDecider({ products });
const loans = createLoanDecider({ products });
type DepositCommand = Parameters<typeof deposits.decide>[0];
type LoanCommand = Parameters<typeof loans.decide>[0];

const depositOf = (...cs: DepositCommand[]): DepositState =>
  history(deposits, cs).reduce(deposits.evolve, deposits.initialState);
const loanOf = (...cs: LoanCommand[]): LoanState =>
  history(loans, cs).reduce(loans.evolve, loans.initialState);

/** Her savings account `accountId`, open since 2025-04-01 (member M1 unless named). */
export const savingsOf = (accountId = 'SB-1', memberId = 'M1'): DepositState =>
  depositOf(asMember(command('OpenSavingsAccount', { ...by(`o-${accountId}`, '2025-04-01'),
    accountId, memberId, productId: 'SB' }), memberId));

/** Her recurring deposit `accountId` of Rs 500 a month for 12 months, open since 2025-04-01. */
export const recurringOf = (accountId = 'RD-1', memberId = 'M1'): DepositState =>
  depositOf(asMember(command('OpenRecurringDeposit', { ...by(`o-${accountId}`, '2025-04-01'),
    accountId, memberId, productId: 'RD', instalment: '500', termMonths: 12 }), memberId));

/** An account as closed: what its stream holds once it is closed. */
export const closedAccount = (s: DepositState): DepositState =>
  s.status === 'none' ? s : { ...s, status: 'closed' };

const L = { loanId: 'L1', memberId: 'M1' };
const applied = asMember(command('ApplyForLoan', { ...by('l1', '2025-04-01'), ...L,
  productId: 'LN', principal: '10000', repayments: 12, firstRepaymentOn: null }));
const approved = asMember(command('ApproveLoan', { ...by('l2', '2025-04-02', 'mgr-1'),
  loanId: L.loanId, principal: '10000' }));
const rejected = command('RejectLoan', { ...by('l2', '2025-04-02', 'mgr-1'),
  loanId: L.loanId, reason: 'insufficient_savings' });
const disbursed = asMember(command('DisburseLoan', { ...by('l3', '2025-04-03'),
  loanId: L.loanId }));

/** Her loan L1 of Rs 10,000 over 12 months: applied, approved, disbursed, or rejected. */
export const loanL1 = {
  applied: loanOf(applied),
  active: loanOf(applied, approved, disbursed),
  rejected: loanOf(applied, rejected),
} as const;

/** The facts of an instruction from SB-1 to RD-1, both hers: the usual good case. */
export const goodFacts: GiveInstructionFacts = {
  from: savingsOf(), to: { kind: 'deposit', state: recurringOf() } };
