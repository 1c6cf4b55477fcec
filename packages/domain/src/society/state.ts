import type { BusinessDate } from '../dates/businessDate.ts';
import type { SocietyId } from '../shared/ids.ts';
import { minorOf } from '../shared/codecs.ts';
import type { SocietyEvent } from './events.ts';
import { EMPTY_ALLOCATION_DIGEST } from './allocation.ts';
import { financialYearDates, nextFinancialYear } from './financialYearDates.ts';
import type { DatedSettings, SocietySettings } from './settings.ts';
import { withRateChange, type RateSteps } from '../products/rateChange.ts';

/**
 * How far a declared dividend's parts are recorded: `inline` (a version 1 declaration listed
 * them), or the batches recorded so far, the paise they hold and the head of their digest chain.
 */
export type AllocationProgress =
  | { readonly kind: 'inline' }
  | {
    readonly kind: 'batches';
    readonly members: number;
    readonly batchSize: number;
    readonly batches: number;
    readonly digest: string;
    readonly recorded: number;
    readonly allocated: bigint;
    readonly head: string;
  };

/**
 * A closed financial year, in paise; `dividend` (the declared total) and `allocation` null
 * until a dividend is declared.
 */
export interface ClosedYear {
  readonly netProfit: bigint;
  readonly reserve: bigint;
  readonly surplus: bigint;
  readonly dividend: bigint | null;
  readonly allocation: AllocationProgress | null;
  /** Whether the dividend's payout ended (DividendRunEnded). */
  readonly runEnded: boolean;
  /**
   * The parts the last run refused (its DividendRunEnded's `refused`): while some are, a later
   * run may pay them, and end again.
   */
  readonly refusedAtEnd: number;
}

/** The society. */
export type SocietyState =
  | { readonly status: 'none' }
  | {
    readonly status: 'configured';
    readonly societyId: SocietyId;
    /** The settings, each with the day it applies from, in date order (never empty). */
    readonly settings: ReadonlyArray<DatedSettings>;
    readonly lastOn: BusinessDate;
    readonly years: Readonly<Record<string, ClosedYear>>;
    /** The years whose year-end accruals are recorded (YearEndAccrualsRecorded). */
    readonly accrualsRecorded: ReadonlyArray<string>;
    /** The years whose loan-loss provision is set (LoanLossProvisionSet). */
    readonly provisionedYears: ReadonlyArray<string>;
    /** The provision for loan losses last set, in paise (0 before any). */
    readonly provisionTotal: bigint;
    /** Savings products' rate changes (ProductRateChanged); absent: none yet. */
    readonly rateSteps?: RateSteps;
    /** The year whose close has begun (YearCloseBegun) and is not closed yet; absent: none. */
    readonly closing?: string;
  };

const dated = (d: SocietySettings & { readonly on: BusinessDate }): DatedSettings => ({
  from: d.on, settings: { statutoryReservePercent: d.statutoryReservePercent,
    dividendRateCapPercent: d.dividendRateCapPercent, provisioningNorms: d.provisioningNorms,
    lendingLimits: d.lendingLimits, tds: d.tds },
});

/** Before configuration. */
export const initialSocietyState: SocietyState = { status: 'none' };

/** Applies one society event. */
export const evolveSociety = (s: SocietyState, e: SocietyEvent): SocietyState => {
  switch (e.type) {
    case 'ProductRateChanged':
      return s.status === 'none' ? s : { ...s, lastOn: e.data.on,
        rateSteps: withRateChange(s.rateSteps ?? {}, e.data) };
    case 'SocietyConfigured': {
      const d = e.data;
      if (s.status !== 'none') {
        return { ...s, lastOn: d.on, settings: [...s.settings, dated(d)] };
      }
      return {
        status: 'configured', societyId: d.societyId, lastOn: d.on, settings: [dated(d)],
        years: {}, accrualsRecorded: [], provisionedYears: [], provisionTotal: 0n,
      };
    }
    case 'SocietySettingsChanged': {
      if (s.status === 'none') return s;
      return { ...s, lastOn: e.data.on, settings: [...s.settings, dated(e.data)] };
    }
    case 'DividendRunEnded': {
      if (s.status === 'none') return s;
      const d = e.data;
      const y = Object.hasOwn(s.years, d.financialYear) ? s.years[d.financialYear] : undefined;
      if (y === undefined) return s;
      // Dated the run's day, maybe before events already on the stream: the latest date stays.
      return { ...s, lastOn: d.on > s.lastOn ? d.on : s.lastOn,
        years: { ...s.years,
          [d.financialYear]: { ...y, runEnded: true, refusedAtEnd: d.refused } } };
    }
    case 'LoanLossProvisionSet': {
      if (s.status === 'none') return s;
      const d = e.data;
      // Dated the year's 31 March, as the accruals are: the latest date stays.
      const lastOn = d.on > s.lastOn ? d.on : s.lastOn;
      return {
        ...s, lastOn, provisionedYears: [...s.provisionedYears, d.financialYear],
        provisionTotal: minorOf(d.total),
      };
    }
    case 'YearEndAccrualsRecorded': {
      if (s.status === 'none') return s;
      const d = e.data;
      // Dated the year's 31 March, after events possibly dated later: the latest date stays.
      const lastOn = d.on > s.lastOn ? d.on : s.lastOn;
      return { ...s, lastOn, accrualsRecorded: [...s.accrualsRecorded, d.financialYear] };
    }
    case 'YearCloseBegun': {
      if (s.status === 'none') return s;
      const d = e.data;
      return { ...s, lastOn: d.on > s.lastOn ? d.on : s.lastOn, closing: d.financialYear };
    }
    case 'FinancialYearClosed': {
      if (s.status === 'none') return s;
      const d = e.data;
      const year: ClosedYear = {
        netProfit: minorOf(d.netProfit), reserve: minorOf(d.statutoryReserveTransfer),
        surplus: minorOf(d.distributableSurplus), dividend: null, allocation: null,
        runEnded: false, refusedAtEnd: 0,
      };
      const { closing: _ended, ...rest } = s;
      return { ...rest, lastOn: d.on, years: { ...s.years, [d.financialYear]: year } };
    }
    case 'DividendDeclared': {
      if (s.status === 'none') return s;
      const d = e.data;
      const y = Object.hasOwn(s.years, d.financialYear) ? s.years[d.financialYear] : undefined;
      if (y === undefined) return s;
      const a = d.allocation;
      const allocation: AllocationProgress = a.kind === 'inline' ? { kind: 'inline' } : {
        kind: 'batches', members: a.members, batchSize: a.batchSize, batches: a.batches,
        digest: a.digest, recorded: 0, allocated: 0n, head: EMPTY_ALLOCATION_DIGEST,
      };
      return {
        ...s, lastOn: d.on,
        years: { ...s.years, [d.financialYear]: { ...y, dividend: minorOf(d.total), allocation } },
      };
    }
    case 'DividendAllocated': {
      if (s.status === 'none') return s;
      const d = e.data;
      const y = Object.hasOwn(s.years, d.financialYear) ? s.years[d.financialYear] : undefined;
      const a = y?.allocation;
      if (y === undefined || a?.kind !== 'batches') return s;
      let paise = 0n;
      for (const p of d.parts) paise += minorOf(p.amount);
      const allocation: AllocationProgress = {
        ...a, recorded: a.recorded + 1, allocated: a.allocated + paise, head: d.digest,
      };
      const years = { ...s.years, [d.financialYear]: { ...y, allocation } };
      return { ...s, lastOn: d.on, years };
    }
  }
};

// Labels 'YYYY-YY' sort as their years do.
const lastClosedYear = (s: SocietyState): string | null =>
  s.status === 'none' ? null : Object.keys(s.years).sort().at(-1) ?? null;

/** The only year the society may close next: any while none is closed, else the next one. */
export const yearToCloseNext = (s: SocietyState): string | null => {
  const last = lastClosedYear(s);
  return last === null ? null : nextFinancialYear(last);
};

/** The last day of the last closed year (31 March), or null while no year is closed. */
export const closedThrough = (s: SocietyState): BusinessDate | null => {
  const last = lastClosedYear(s);
  return last === null ? null : financialYearDates(last).end;
};

/**
 * The last day of the year whose close has begun and is not closed yet (its books take no new
 * entry but its year-end interest), or null.
 */
export const closingThrough = (s: SocietyState): BusinessDate | null =>
  s.status === 'none' || s.closing === undefined || Object.hasOwn(s.years, s.closing) ? null
    : financialYearDates(s.closing).end;

/** The year with a year-end entry recorded and not closed yet (one at most), or null. */
export const yearInProgress = (s: SocietyState): string | null => {
  if (s.status === 'none') return null;
  const open = [...s.accrualsRecorded, ...s.provisionedYears]
    .filter((fy) => !Object.hasOwn(s.years, fy));
  return open[0] ?? null;
};

/**
 * Whether a year-end command for `financialYear` is held to the books' first entry
 * (YearOrderFacts): while no year is closed (after one, the order follows the closed years) and
 * the year has no year-end entry of its own (one recorded goes on: no other year may begin
 * before it closes). A caller reads the books only where this holds.
 */
export const heldToBooksFirstEntry = (s: SocietyState, financialYear: string): boolean =>
  s.status !== 'none' && Object.keys(s.years).length === 0
    && yearInProgress(s) !== financialYear;
