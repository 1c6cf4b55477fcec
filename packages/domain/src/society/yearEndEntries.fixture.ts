// The two year-end entries a close needs, with figures of zero (a society with no deposits or
// loans to accrue or provide for), for tests of what comes after a close.
import { by, command, withFacts } from '../testing/fixtures.ts';
import type { YearOrderFacts } from './facts.ts';
import { financialYearDates } from './financialYearDates.ts';

const none = { loans: 0, outstanding: '0.00' };

/**
 * YearOrderFacts of books that hold no entry: a first close may be of any year. The facts of
 * year-end commands in tests of other rules.
 */
export const noEntries = { booksFirstEntryOn: null } as const;

/**
 * RecordYearEndAccruals and SetLoanLossProvision of zero for `financialYear`, at its end, on
 * books holding no entry (`noEntries`) unless their first entry is given.
 */
export const zeroYearEndEntries = (
  financialYear: string, societyId = 'USHA', facts: YearOrderFacts = noEntries,
) => {
  const on = financialYearDates(financialYear).end;
  return [
    withFacts(command('RecordYearEndAccruals', { ...by(`acc-${financialYear}`, on), societyId,
      financialYear, depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
      loanInterestNotRecognised: '0.00' }), facts),
    withFacts(command('SetLoanLossProvision', { ...by(`prov-${financialYear}`, on), societyId,
      financialYear, byClass: { standard: none, subStandard: none, doubtful: none, loss: none } }),
    facts),
  ] as const;
};
