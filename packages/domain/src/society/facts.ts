import * as t from 'io-ts';
import type { MoneyString, SignedMoneyString } from '../shared/codecs.ts';
import { DateString, intBetween } from '../shared/codecs.ts';
import { MemberId } from '../shared/ids.ts';
import { closed } from '../shared/shape.ts';

/** A member's share changes (purchases positive, redemptions negative), from her share stream. */
export const HoldingInput = closed({
  memberId: MemberId,
  changes: t.readonlyArray(closed({
    on: DateString, shares: intBetween('ShareChange', -1_000_000_000, 1_000_000_000),
  }, 'ShareChange')),
}, 'Holding');
export type Holding = t.TypeOf<typeof HoldingInput>;

/** What CloseFinancialYear needs: the year's net profit, from the books (income statement). */
export interface CloseFinancialYearFacts {
  readonly netProfit: SignedMoneyString;
}

/**
 * What DeclareDividend needs: every member's share changes to the year's end, from the share
 * streams, and the face value the shares were bought at.
 */
export interface DeclareDividendFacts {
  readonly holdings: ReadonlyArray<Holding>;
  readonly faceValue: MoneyString;
}

/** The facts of the society's commands, by command type (the others need none). */
export interface SocietyFacts {
  readonly CloseFinancialYear: CloseFinancialYearFacts;
  readonly DeclareDividend: DeclareDividendFacts;
}
