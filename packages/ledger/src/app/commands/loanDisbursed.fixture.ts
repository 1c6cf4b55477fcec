// A loan applied for by a maker, then approved and disbursed by a checker: the setup the
// handler and fact tests share (testSupport gives the member and her savings).
import type { Ledger } from '../ledger/createLedger.ts';
import { ok } from '../testSupport.ts';

export interface LoanTerms {
  readonly on: string;
  readonly productId: string;
  readonly principal: string;
  readonly repayments: number;
}

/** Disburses loan `L1` to member `M1` (who must exist) on the terms given. */
export const loanDisbursed = async <S>(ledger: Ledger<S>, t: LoanTerms): Promise<void> => {
  const by = (commandId: string, actor = 'checker') => ({ commandId, actor, on: t.on });
  ok(await ledger.applyForLoan({ ...by('apply', 'maker'), loanId: 'L1', memberId: 'M1',
    productId: t.productId, principal: t.principal, repayments: t.repayments,
    firstRepaymentOn: null }));
  ok(await ledger.approveLoan({ ...by('approve'), loanId: 'L1', principal: t.principal }));
  ok(await ledger.disburseLoan({ ...by('disburse'), loanId: 'L1' }));
};
