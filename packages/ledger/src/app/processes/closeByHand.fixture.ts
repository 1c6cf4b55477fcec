// A year closed by sending each of its commands, as a caller doing every step would: the
// year-end entries with figures of zero (the tests using it accrue and provide nothing), then
// the close, on the net profit the Ledger is given. For tests of what follows a close.
import type { Ledger } from '../ledger/createLedger.ts';
import { ok } from '../testSupport.ts';

const none = { loans: 0, outstanding: '0.00' };

/** What a year's close sends by hand, as `closeByHand` does. */
export interface CloseByHand {
  readonly commandId: string;
  /** The close's date. */
  readonly on: string;
  readonly financialYear: string;
  readonly societyId?: string;
  readonly actor?: string;
  /** The year-end entries' date: the year's 31 March unless given. */
  readonly endsOn?: string;
}

/**
 * The commands `closeByHand` sends, as inputs for `execute`: the zero accruals and provision of
 * `financialYear`, dated its 31 March, and its close on `on` (ids `<commandId>-accruals`,
 * `<commandId>-provision`, `<commandId>`).
 */
export const yearEndInputs = (o: CloseByHand) => {
  const base = { actor: o.actor ?? 'board', societyId: o.societyId ?? 'USHA',
    financialYear: o.financialYear };
  const end = o.endsOn ?? `${Number(o.financialYear.slice(0, 4)) + 1}-03-31`;
  return {
    accruals: { type: 'RecordYearEndAccruals', data: { ...base, on: end,
      commandId: `${o.commandId}-accruals`, depositInterestPayable: '0.00',
      loanInterestReceivable: '0.00', loanInterestNotRecognised: '0.00' } },
    provision: { type: 'SetLoanLossProvision', data: { ...base, on: end,
      commandId: `${o.commandId}-provision`,
      byClass: { standard: none, subStandard: none, doubtful: none, loss: none } } },
    close: { type: 'CloseFinancialYear', data: { ...base, on: o.on, commandId: o.commandId } },
  };
};

/** Records the zero accruals and provision of `financialYear`, then closes it on `on`. */
export const closeByHand = async <S>(ledger: Ledger<S>, o: CloseByHand): Promise<void> => {
  const { accruals, provision, close } = yearEndInputs(o);
  for (const input of [accruals, provision, close]) ok(await ledger.execute(input));
};
