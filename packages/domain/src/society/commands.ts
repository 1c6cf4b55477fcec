import * as t from 'io-ts';
import { SocietyId } from '../shared/ids.ts';
import { Count, FinancialYearLabel, MoneyString, RatePercent } from '../shared/codecs.ts';
import { closed, commandCodec, commandFields } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { SocietyLendingLimits } from './lendingLimits.ts';
import { TdsSettings } from '../tds/tdsSettings.ts';
import { DividendPart } from './events.ts';
import { ClassHoldings } from './provisioning.ts';
import { societySettingsFields } from './settings.ts';
import { ChangeProductRate } from '../products/rateChange.ts';

/**
 * Set the statutory reserve percent (at least 25) and the dividend rate cap; `lendingLimits`
 * (optional) the society-wide lending limits, left out: none at the first configuration, those
 * in force at a later one; `tds` (optional) the TDS setting, the same way (left out: off at
 * the first configuration, kept at a later one).
 */
export const ConfigureSociety = closed({
  type: t.literal('ConfigureSociety'),
  data: closedWithOptional({
    ...commandFields, societyId: SocietyId, statutoryReservePercent: RatePercent,
    dividendRateCapPercent: RatePercent,
  }, { lendingLimits: SocietyLendingLimits, tds: TdsSettings }, 'ConfigureSocietyData'),
}, 'ConfigureSociety');
export type ConfigureSociety = t.TypeOf<typeof ConfigureSociety>;

/**
 * Change the society's settings from the command's date on, every one stated: the reserve
 * percent (at least 25), the dividend rate cap and the provisioning norms; `lendingLimits`
 * (optional, stated whole) the society-wide lending limits and `tds` (optional) the TDS
 * setting, each left out: those in force are kept.
 */
export const ChangeSocietySettings = closed({
  type: t.literal('ChangeSocietySettings'),
  data: closedWithOptional({ ...commandFields, societyId: SocietyId, ...societySettingsFields },
    { lendingLimits: SocietyLendingLimits, tds: TdsSettings }, 'ChangeSocietySettingsData'),
}, 'ChangeSocietySettings');
export type ChangeSocietySettings = t.TypeOf<typeof ChangeSocietySettings>;

/**
 * Close a financial year on its net profit (CloseFinancialYearFacts, from the books), once
 * its accruals and loan-loss provision are recorded.
 */
export const CloseFinancialYear = commandCodec('CloseFinancialYear', {
  societyId: SocietyId, financialYear: FinancialYearLabel,
});
export type CloseFinancialYear = t.TypeOf<typeof CloseFinancialYear>;

/**
 * Begin a financial year's close, after its 31 March: from then its books take no new entry
 * but its year-end interest (`period_closed`). The close process sends it first.
 */
export const BeginYearClose = commandCodec('BeginYearClose', {
  societyId: SocietyId, financialYear: FinancialYearLabel,
});
export type BeginYearClose = t.TypeOf<typeof BeginYearClose>;

/**
 * Record a year's accruals, dated its 31 March, before the year is closed: the figures of the
 * accrued-interest report as of that day (the close computes them).
 */
export const RecordYearEndAccruals = commandCodec('RecordYearEndAccruals', {
  societyId: SocietyId, financialYear: FinancialYearLabel,
  depositInterestPayable: MoneyString, loanInterestReceivable: MoneyString,
  loanInterestNotRecognised: MoneyString,
});
export type RecordYearEndAccruals = t.TypeOf<typeof RecordYearEndAccruals>;

/**
 * Set the provision for loan losses as of a year's 31 March, before the year is closed: the
 * loans of each asset class and their outstanding principal (the close counts them); the
 * society applies its norms' percents.
 */
export const SetLoanLossProvision = commandCodec('SetLoanLossProvision', {
  societyId: SocietyId, financialYear: FinancialYearLabel, byClass: ClassHoldings,
});
export type SetLoanLossProvision = t.TypeOf<typeof SetLoanLossProvision>;

/**
 * Declare a dividend at `ratePercent` on share capital, for the holdings and face value of
 * DeclareDividendFacts (read from the share streams by the application).
 */
export const DeclareDividend = commandCodec('DeclareDividend', {
  societyId: SocietyId, financialYear: FinancialYearLabel, ratePercent: RatePercent,
});
export type DeclareDividend = t.TypeOf<typeof DeclareDividend>;

/**
 * Record batch `batch` (from 0) of a declared dividend's parts, in member id order: the society
 * checks its place, its size and the digest chain against the declaration.
 */
export const RecordDividendAllocation = commandCodec('RecordDividendAllocation', {
  societyId: SocietyId, financialYear: FinancialYearLabel, batch: Count,
  parts: t.readonlyArray(DividendPart),
});
export type RecordDividendAllocation = t.TypeOf<typeof RecordDividendAllocation>;

/**
 * Record that a year's dividend payout ended, with its counts: after every member's part is
 * decided (the dividend run does this as its last step).
 */
export const EndDividendRun = commandCodec('EndDividendRun', {
  societyId: SocietyId, financialYear: FinancialYearLabel, credited: Count,
  payableInCash: Count, refused: Count,
});
export type EndDividendRun = t.TypeOf<typeof EndDividendRun>;

/** The society's commands, by type. */
export const societyCommands = {
  ConfigureSociety, ChangeSocietySettings, CloseFinancialYear, DeclareDividend,
  RecordDividendAllocation, EndDividendRun, RecordYearEndAccruals, SetLoanLossProvision,
  ChangeProductRate, BeginYearClose,
} as const;
export type SocietyCommand =
  | ConfigureSociety | ChangeSocietySettings | CloseFinancialYear | DeclareDividend
  | RecordDividendAllocation | EndDividendRun | RecordYearEndAccruals | SetLoanLossProvision
  | ChangeProductRate | BeginYearClose;
