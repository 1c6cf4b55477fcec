// The two year-end entries a close needs, with figures of zero (a society with no deposits or
// loans to accrue or provide for), for tests of what comes after a close.
import { by, command } from '../testing/fixtures.ts';
import { financialYearDates } from './financialYearDates.ts';

const none = { loans: 0, outstanding: '0.00' };

/** RecordYearEndAccruals and SetLoanLossProvision of zero for `financialYear`, at its end. */
export const zeroYearEndEntries = (financialYear: string, societyId = 'USHA') => {
  const on = financialYearDates(financialYear).end;
  return [
    command('RecordYearEndAccruals', { ...by(`acc-${financialYear}`, on), societyId,
      financialYear, depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
      loanInterestNotRecognised: '0.00' }),
    command('SetLoanLossProvision', { ...by(`prov-${financialYear}`, on), societyId,
      financialYear, byClass: { standard: none, subStandard: none, doubtful: none, loss: none } }),
  ] as const;
};
