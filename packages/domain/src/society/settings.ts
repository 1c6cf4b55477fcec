import { Decimal } from '../money/decimal.ts';
import type { BusinessDate } from '../dates/businessDate.ts';
import { RatePercent } from '../shared/codecs.ts';
import { assetClasses, ProvisioningNorms } from './provisioning.ts';
import type { SocietyLendingLimits } from './lendingLimits.ts';
import type { TdsSettings } from '../tds/tdsSettings.ts';

/**
 * The society's settings, as SocietyConfigured and SocietySettingsChanged carry them: the
 * statutory reserve share of profit, the dividend rate cap, and the classification and
 * provisioning norms (whose `standardUpToDays` is the NPA threshold).
 */
export const societySettingsFields = {
  statutoryReservePercent: RatePercent, dividendRateCapPercent: RatePercent,
  provisioningNorms: ProvisioningNorms,
};

/** The settings, as plain data. */
export interface SocietySettings {
  readonly statutoryReservePercent: string;
  readonly dividendRateCapPercent: string;
  readonly provisioningNorms: ProvisioningNorms;
  /** The society-wide lending limits (SocietyConfigured v3, SocietySettingsChanged v2 on). */
  readonly lendingLimits: SocietyLendingLimits;
  /** TDS on deposit interest (SocietyConfigured v4, SocietySettingsChanged v3 on). */
  readonly tds: TdsSettings;
}

/** Settings and the day they apply from (the date of the event that set them). */
export interface DatedSettings {
  readonly from: BusinessDate;
  readonly settings: SocietySettings;
}

/** What is wrong with a set of norms: the field blamed and why. */
export interface SettingsFault {
  readonly field: string;
  readonly reason: string;
}

const ages = ['standardUpToDays', 'subStandardUpToDays', 'doubtfulUpToDays'] as const;

/**
 * The first fault of a set of norms, or undefined: each class's age limit above the one before
 * (else a class would hold no loan), and no class provides less than a less overdue one.
 */
export const normsFault = (n: ProvisioningNorms): SettingsFault | undefined => {
  for (let i = 1; i < ages.length; i++) {
    const before = ages[i - 1]!;
    const here = ages[i]!;
    if (n[here] <= n[before]) {
      return { field: `provisioningNorms.${here}`,
        reason: `must be more than ${before} (${n[before]})` };
    }
  }
  for (let i = 1; i < assetClasses.length; i++) {
    const before = assetClasses[i - 1]!;
    const here = assetClasses[i]!;
    if (new Decimal(n.percent[here]).lt(n.percent[before])) {
      return { field: `provisioningNorms.percent.${here}`,
        reason: `must be at least the ${before} percent (${n.percent[before]})` };
    }
  }
  return undefined;
};

/**
 * The settings in force on `on`: those of the latest entry dated on or before it (entries in
 * date order); the first entry's for a day before any.
 */
export const settingsOn = (
  history: ReadonlyArray<DatedSettings>, on: BusinessDate,
): SocietySettings | undefined => {
  let found = history[0];
  for (const h of history) if (h.from <= on) found = h;
  return found?.settings;
};
