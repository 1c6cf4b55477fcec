import * as t from 'io-ts';
import type { BusinessDate } from '../dates/businessDate.ts';
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

/**
 * What a society's first close needs, for each command that begins, makes the entries of, or
 * closes a year: the date of the books' first entry (null: the books hold none). Its years
 * close in order from its first, and the first may be of any year but not of one after a year
 * whose books hold entries: that year could never close. Read only while no year is closed and
 * the year named has no year-end entry of its own; a caller may send null otherwise.
 */
export interface YearOrderFacts {
  readonly booksFirstEntryOn: BusinessDate | null;
}

/**
 * What CloseFinancialYear needs: the year's net profit, from the books (income statement), and
 * the books' first entry (YearOrderFacts).
 */
export interface CloseFinancialYearFacts extends YearOrderFacts {
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
  readonly BeginYearClose: YearOrderFacts;
  readonly RecordYearEndAccruals: YearOrderFacts;
  readonly SetLoanLossProvision: YearOrderFacts;
  readonly CloseFinancialYear: CloseFinancialYearFacts;
  readonly DeclareDividend: DeclareDividendFacts;
}
