import * as t from 'io-ts';
import { MemberId, SocietyId } from '../shared/ids.ts';
import {
  DateString, FinancialYearLabel, intBetween, PositiveMoneyInput, RatePercent, SignedMoneyInput,
} from '../shared/codecs.ts';
import { closed, commandCodec } from '../shared/shape.ts';

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

/** The society's commands, by type. */
export const societyCommands = { ConfigureSociety, CloseFinancialYear, DeclareDividend } as const;
export type SocietyCommand = ConfigureSociety | CloseFinancialYear | DeclareDividend;
