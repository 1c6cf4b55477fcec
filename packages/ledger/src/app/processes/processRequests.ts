import * as t from 'io-ts';
import {
  AccountId, CommandId, DateString, FinancialYearLabel, LoanId, SocietyId, UserId, closed,
  closedWithOptional,
} from '@usha/domain';

const requestFields = { commandId: CommandId, actor: UserId, on: DateString };

/**
 * The request of `repayFromSavings`. The amount is read as text here and decoded by the steps
 * (the withdrawal names the field and its limit), so that both steps see the same words.
 */
export const RepayFromSavingsRequestCodec = closed({
  ...requestFields, loanId: LoanId, accountId: AccountId, amount: t.string,
}, 'RepayFromSavingsRequest');

/** The request of `approveWithLiens` (the principal decoded by the approval, as above). */
export const ApproveWithLiensRequestCodec = closed({
  ...requestFields, loanId: LoanId, principal: t.string,
}, 'ApproveWithLiensRequest');

/** The request of `closeLoanReleasingLiens`. */
export const CloseLoanReleasingLiensRequestCodec = closed({
  ...requestFields, loanId: LoanId,
}, 'CloseLoanReleasingLiensRequest');

/** The request of `recoverFromGuarantor` (the amount decoded by the steps, as above). */
export const RecoverFromGuarantorRequestCodec = closed({
  ...requestFields, loanId: LoanId, guarantorAccountId: AccountId, amount: t.string,
}, 'RecoverFromGuarantorRequest');

/** The request of `topUpLoan` (the first tranche's amount, if any, decoded by the step). */
export const TopUpLoanRequestCodec = closedWithOptional({
  ...requestFields, loanId: LoanId, topUpOf: LoanId,
}, { amount: t.string }, 'TopUpLoanRequest');

/** The request of `creditDividends`. */
export const CreditDividendsRequestCodec = closed({
  ...requestFields, societyId: SocietyId, financialYear: FinancialYearLabel,
}, 'CreditDividendsRequest');

/** The request of `closeFinancialYear`. */
export const CloseYearRequestCodec = closed({
  ...requestFields, societyId: SocietyId, financialYear: FinancialYearLabel,
}, 'CloseYearRequest');
