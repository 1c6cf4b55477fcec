// A year closed by sending each of its commands, as a caller doing every step would: the
// year-end entries with figures of zero (the tests using it accrue and provide nothing), then
// the close, on the net profit the Ledger is given. For tests of what follows a close.
import type { Ledger } from '../ledger/createLedger.ts';
import { ok } from '../testSupport.ts';

const none = { loans: 0, outstanding: '0.00' };

/** Records the zero accruals and provision of `financialYear`, then closes it on `on`. */
export const closeByHand = async <S>(ledger: Ledger<S>, o: {
  readonly commandId: string; readonly on: string; readonly financialYear: string;
  readonly societyId?: string; readonly actor?: string;
}): Promise<void> => {
  const base = { actor: o.actor ?? 'board', societyId: o.societyId ?? 'USHA',
    financialYear: o.financialYear };
  const end = `${Number(o.financialYear.slice(0, 4)) + 1}-03-31`;
  ok(await ledger.execute({ type: 'RecordYearEndAccruals', data: { ...base, on: end,
    commandId: `${o.commandId}-accruals`, depositInterestPayable: '0.00',
    loanInterestReceivable: '0.00', loanInterestNotRecognised: '0.00' } }));
  ok(await ledger.execute({ type: 'SetLoanLossProvision', data: { ...base, on: end,
    commandId: `${o.commandId}-provision`,
    byClass: { standard: none, subStandard: none, doubtful: none, loss: none } } }));
  ok(await ledger.execute({ type: 'CloseFinancialYear', data: { ...base, on: o.on,
    commandId: o.commandId } }));
};
