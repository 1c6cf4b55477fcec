import { accrualProjection } from './accrual/projection.ts';
import { balancesProjection } from './balances/projection.ts';
import { booksProjection, type BooksOptions } from './books/projection.ts';
import { combine } from './combine.ts';
import { passbookProjection } from './passbook/projection.ts';

/**
 * Every projection run together: balances (and from them the portfolio and loan accrual),
 * deposit interest accrual, the books, and the passbooks of the members chosen.
 * @example const all = replay(allProjections({ passbookMembers: ['M1'] }), events)
 */
export const allProjections = (o: BooksOptions & {
  readonly passbookMembers?: ReadonlyArray<string>;
} = {}) => combine({
  balances: balancesProjection(),
  accrual: accrualProjection(),
  books: booksProjection(o),
  passbook: passbookProjection({ members: o.passbookMembers ?? [] }),
});
