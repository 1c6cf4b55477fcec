import type { BusinessDate } from '../dates/businessDate.ts';
import type { SocietyId } from '../shared/ids.ts';
import { minorOf } from '../shared/codecs.ts';
import type { SocietyEvent } from './events.ts';

/** A closed financial year, in paise; `dividend` null until one is declared. */
export interface ClosedYear {
  readonly netProfit: bigint;
  readonly reserve: bigint;
  readonly surplus: bigint;
  readonly dividend: bigint | null;
}

/** The society. */
export type SocietyState =
  | { readonly status: 'none' }
  | {
    readonly status: 'configured';
    readonly societyId: SocietyId;
    readonly statutoryReservePercent: string;
    readonly dividendRateCapPercent: string;
    readonly lastOn: BusinessDate;
    readonly years: Readonly<Record<string, ClosedYear>>;
  };

/** Before configuration. */
export const initialSocietyState: SocietyState = { status: 'none' };

/** Applies one society event. */
export const evolveSociety = (s: SocietyState, e: SocietyEvent): SocietyState => {
  switch (e.type) {
    case 'SocietyConfigured': {
      const d = e.data;
      return {
        status: 'configured', societyId: d.societyId, lastOn: d.on,
        statutoryReservePercent: d.statutoryReservePercent,
        dividendRateCapPercent: d.dividendRateCapPercent,
        years: s.status === 'none' ? {} : s.years,
      };
    }
    case 'FinancialYearClosed': {
      if (s.status === 'none') return s;
      const d = e.data;
      const year: ClosedYear = {
        netProfit: minorOf(d.netProfit), reserve: minorOf(d.statutoryReserveTransfer),
        surplus: minorOf(d.distributableSurplus), dividend: null,
      };
      return { ...s, lastOn: d.on, years: { ...s.years, [d.financialYear]: year } };
    }
    case 'DividendDeclared': {
      if (s.status === 'none') return s;
      const d = e.data;
      const y = Object.hasOwn(s.years, d.financialYear) ? s.years[d.financialYear] : undefined;
      if (y === undefined) return s;
      return {
        ...s, lastOn: d.on,
        years: { ...s.years, [d.financialYear]: { ...y, dividend: minorOf(d.total) } },
      };
    }
  }
};
