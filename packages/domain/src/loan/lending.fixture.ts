// States and products for tests of the lending limits and liens: a borrower's share and
// savings accounts built by their own deciders, as the Ledger would read them.
import { asMember, by, command, must, products, runCommands } from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { createDepositDecider } from '../deposit/decide.ts';
import { createShareDecider } from '../shares/decide.ts';
import type { DepositState } from '../deposit/state.ts';
import type { ShareState } from '../shares/state.ts';
import { activeMember } from '../testing/fixtures.ts';
import type { GuarantorFact, LendingFacts, LoanStatusFact } from './limits.ts';
import { LoanId } from '../shared/ids.ts';
import type { LoanStatus } from './state.ts';

/** One loan of the borrower's, as the limits see it. */
export const loanFact = (loanId: string, status: LoanStatus): LoanStatusFact =>
  ({ loanId: must(LoanId, loanId), status });

const ln = products.LN;
/**
 * The test products with LG: at most 3x shares and savings, 2 loans at once, guarantors
 * above 20000.00.
 */
export const limitProducts: ProductCatalogue = must(ProductCatalogue, {
  ...products,
  LG: { ...ln, id: 'LG', savingsMultiple: 3, maxLoansAtOnce: 2, guarantorsAbove: '20000.00' },
});

/** A share account of `memberId` holding `shares` (face value 10.00). */
export const sharesOf = (memberId: string, shares: number): ShareState =>
  runCommands(createShareDecider({ products }), [asMember(command('PurchaseShares', {
    ...by(`sh-${memberId}`, '2024-04-01'), accountId: `S-${memberId}`, memberId,
    productId: 'SH', shares,
  }), memberId)]).state;

/** An open savings account `accountId` of `memberId` with `balance` paid in. */
export const savingsOf = (memberId: string, accountId: string, balance: string): DepositState =>
  runCommands(createDepositDecider({ products }), [
    asMember(command('OpenSavingsAccount', {
      ...by(`op-${accountId}`, '2024-04-01'), accountId, memberId, productId: 'SB',
    }), memberId),
    asMember(command('MakeDeposit', {
      ...by(`dp-${accountId}`, '2024-04-02'), accountId, amount: balance, source: 'cash',
    }), memberId),
  ]).state;

/** A guarantor admitted and active, guaranteeing from `accountId` holding `balance`. */
export const guarantor = (memberId: string, accountId: string, balance: string): GuarantorFact =>
  ({ member: activeMember(memberId).member, account: savingsOf(memberId, accountId, balance) });

/** Lending facts of M1: 50 shares (500.00) and savings of 4500.00, so a basis of 5000.00. */
export const lendingFacts = (more: Partial<LendingFacts> = {}): LendingFacts => ({
  shares: sharesOf('M1', 50), deposits: [savingsOf('M1', 'A1', '4500')], loans: [],
  guarantors: {}, ...more,
});
