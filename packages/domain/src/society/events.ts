import * as t from 'io-ts';
import { MemberId, SocietyId } from '../shared/ids.ts';
import {
  DateString, FinancialYearLabel, intBetween, MoneyString, RatePercent, SignedMoneyString,
} from '../shared/codecs.ts';
import { closed, eventCodec } from '../shared/shape.ts';

/** The society's settings: the statutory reserve share of profit and the dividend rate cap. */
export const SocietyConfigured = eventCodec('SocietyConfigured', {
  societyId: SocietyId, on: DateString, statutoryReservePercent: RatePercent,
  dividendRateCapPercent: RatePercent,
});
export type SocietyConfigured = t.TypeOf<typeof SocietyConfigured>;

/**
 * A financial year was closed: the statutory reserve is `statutoryReservePercent` of a profit,
 * rounded up to the paisa (the law asks for at least that share); nothing out of a loss.
 */
export const FinancialYearClosed = eventCodec('FinancialYearClosed', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  startsOn: DateString, endsOn: DateString, netProfit: SignedMoneyString,
  statutoryReservePercent: RatePercent, statutoryReserveTransfer: MoneyString,
  reserveRounding: t.literal('up'), distributableSurplus: SignedMoneyString,
});
export type FinancialYearClosed = t.TypeOf<typeof FinancialYearClosed>;

/** A member's part of a dividend: share-days held over the year and the amount. */
export const DividendPart = closed({
  memberId: MemberId, shareDays: intBetween('ShareDays', 0, Number.MAX_SAFE_INTEGER),
  amount: MoneyString,
}, 'DividendPart');
export type DividendPart = t.TypeOf<typeof DividendPart>;

/** A dividend on share capital was declared, shared out by share-days (shareDividends). */
export const DividendDeclared = eventCodec('DividendDeclared', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  ratePercent: RatePercent, faceValue: MoneyString, total: MoneyString,
  parts: t.readonlyArray(DividendPart),
});
export type DividendDeclared = t.TypeOf<typeof DividendDeclared>;

/** The society's events, by type. */
export const societyEvents = { SocietyConfigured, FinancialYearClosed, DividendDeclared } as const;
export type SocietyEvent = SocietyConfigured | FinancialYearClosed | DividendDeclared;
