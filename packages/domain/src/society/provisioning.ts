import * as t from 'io-ts';
import { Decimal } from '../money/decimal.ts';
import { roundMoney } from '../money/rounding.ts';
import { Count, MoneyString, RatePercent } from '../shared/codecs.ts';
import { closed } from '../shared/shape.ts';

/** The asset classes of a loan, by days past due on the day it is classified. */
export const assetClasses = ['standard', 'subStandard', 'doubtful', 'loss'] as const;
export type AssetClass = (typeof assetClasses)[number];

/** The percent of outstanding principal each asset class provides. */
export const ClassPercents = closed({
  standard: RatePercent, subStandard: RatePercent, doubtful: RatePercent, loss: RatePercent,
}, 'ClassPercents');

/**
 * The classification and provisioning norms: a loan is standard up to `standardUpToDays` days
 * past due, sub-standard up to `subStandardUpToDays`, doubtful up to `doubtfulUpToDays`, then
 * loss; each class provides `percent` of its outstanding principal. `standardUpToDays` is also
 * the NPA threshold: a loan later than that is non-performing, its interest income only when
 * received.
 */
export const ProvisioningNorms = closed({
  standardUpToDays: Count, subStandardUpToDays: Count, doubtfulUpToDays: Count,
  percent: ClassPercents,
}, 'ProvisioningNorms');
export type ProvisioningNorms = t.TypeOf<typeof ProvisioningNorms>;

/**
 * The norms a society starts from, within the registrar's: 90 days, one year and three years
 * past due; 0.4%, 10%, 25% and 100% of outstanding principal.
 */
export const defaultProvisioningNorms: ProvisioningNorms = {
  standardUpToDays: 90, subStandardUpToDays: 365, doubtfulUpToDays: 1095,
  percent: { standard: '0.4', subStandard: '10', doubtful: '25', loss: '100' },
};

/** The class of a loan `daysPastDue` days late under `norms`. */
export const assetClassOf = (daysPastDue: number, norms: ProvisioningNorms): AssetClass =>
  daysPastDue <= norms.standardUpToDays ? 'standard'
    : daysPastDue <= norms.subStandardUpToDays ? 'subStandard'
      : daysPastDue <= norms.doubtfulUpToDays ? 'doubtful' : 'loss';

/** The provision on `outstanding` paise at `percent`, rounded up to the paisa (prudence). */
export const provisionOf = (outstanding: bigint, percent: string): bigint => {
  if (outstanding <= 0n) return 0n;
  const exact = new Decimal(outstanding.toString()).times(percent).div(10000);
  return roundMoney(exact, { digits: 2, mode: 'up' }).minor;
};

/** One class's loans as the close counts them: how many, and their outstanding principal. */
export const ClassHolding = closed({ loans: Count, outstanding: MoneyString }, 'ClassHolding');
export type ClassHolding = t.TypeOf<typeof ClassHolding>;

/** The loans of each class (a command's input: totals by class, never per loan). */
export const ClassHoldings = closed({
  standard: ClassHolding, subStandard: ClassHolding, doubtful: ClassHolding, loss: ClassHolding,
}, 'ClassHoldings');
export type ClassHoldings = t.TypeOf<typeof ClassHoldings>;

/** One class's line of a provision: its loans, outstanding, the percent and the provision. */
export const ClassProvision = closed({
  loans: Count, outstanding: MoneyString, percent: RatePercent, provision: MoneyString,
}, 'ClassProvision');
export type ClassProvision = t.TypeOf<typeof ClassProvision>;

/** The provision of each class. */
export const ClassProvisions = closed({
  standard: ClassProvision, subStandard: ClassProvision, doubtful: ClassProvision,
  loss: ClassProvision,
}, 'ClassProvisions');
export type ClassProvisions = t.TypeOf<typeof ClassProvisions>;
