import type { BooksState } from '../books/state.ts';
import { yearFactsOf, type YearFactsState } from './yearFacts.ts';

/** How a closed year's net profit was appropriated, in paise. */
export interface ProfitAppropriation {
  readonly financialYear: string;
  readonly closedOn: string;
  readonly netProfit: bigint;
  readonly statutoryReserve: bigint;
  /** The dividend declared on the year; zero when none was. */
  readonly dividendDeclared: bigint;
  /** What remains of the distributable surplus: carried to other funds or as surplus. */
  readonly carried: bigint;
}

/**
 * A closed year's appropriation: net profit, the reserve set aside first, the dividend declared
 * out of the distributable surplus and the rest carried; undefined while the year is open.
 * @example profitAppropriation(books, facts, '2025-26')?.statutoryReserve
 */
export const profitAppropriation = (
  books: BooksState, facts: YearFactsState, financialYear: string,
): ProfitAppropriation | undefined => {
  const c = books.closes.get(financialYear);
  if (c === undefined) return undefined;
  const dividendDeclared = yearFactsOf(facts, financialYear).dividendDeclared ?? 0n;
  return {
    financialYear, closedOn: c.on, netProfit: c.netProfitDeclared,
    statutoryReserve: c.statutoryReserve, dividendDeclared,
    carried: c.distributableSurplus - dividendDeclared,
  };
};
