import * as t from 'io-ts';
import { MemberId, SocietyId } from '../shared/ids.ts';
import {
  Count, DateString, FinancialYearLabel, intBetween, PositiveMoneyInput, RatePercent,
  SignedMoneyInput,
} from '../shared/codecs.ts';
import { closed, commandCodec } from '../shared/shape.ts';
import { DividendPart } from './events.ts';

/** Set the statutory reserve percent (at least 25) and the dividend rate cap. */
export const ConfigureSociety = commandCodec('ConfigureSociety', {
  societyId: SocietyId, statutoryReservePercent: RatePercent, dividendRateCapPercent: RatePercent,
});
export type ConfigureSociety = t.TypeOf<typeof ConfigureSociety>;

/** Close a financial year on its net profit (from the income statement projection). */
export const CloseFinancialYear = commandCodec('CloseFinancialYear', {
  societyId: SocietyId, financialYear: FinancialYearLabel, netProfit: SignedMoneyInput,
});
export type CloseFinancialYear = t.TypeOf<typeof CloseFinancialYear>;

/** A member's share changes (purchases positive, redemptions negative), from her share stream. */
export const HoldingInput = closed({
  memberId: MemberId,
  changes: t.readonlyArray(closed({
    on: DateString, shares: intBetween('ShareChange', -1_000_000_000, 1_000_000_000),
  }, 'ShareChange')),
}, 'Holding');

/** Declare a dividend at `ratePercent` on share capital at `faceValue`, for the holdings given. */
export const DeclareDividend = commandCodec('DeclareDividend', {
  societyId: SocietyId, financialYear: FinancialYearLabel, ratePercent: RatePercent,
  faceValue: PositiveMoneyInput, holdings: t.readonlyArray(HoldingInput),
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

/** The society's commands, by type. */
export const societyCommands = {
  ConfigureSociety, CloseFinancialYear, DeclareDividend, RecordDividendAllocation,
} as const;
export type SocietyCommand =
  | ConfigureSociety | CloseFinancialYear | DeclareDividend | RecordDividendAllocation;
