import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { byTag, withCheck } from '../shared/shape.ts';
import type { Rejection } from '../shared/rejection.ts';
import { ShareProduct } from './shareProduct.ts';
import { FixedDepositProduct, RecurringDepositProduct, SavingsProduct } from './depositProducts.ts';
import { LoanProduct } from './loanProduct.ts';

/** Any product, by its `kind`. */
export const Product = byTag('Product', 'kind', {
  share: ShareProduct,
  savings: SavingsProduct,
  recurring: RecurringDepositProduct,
  fixed: FixedDepositProduct,
  loan: LoanProduct,
});
export type Product = t.TypeOf<typeof Product>;
export type ProductKind = Product['kind'];

/** All products by id, as data; each key is its product's id. */
export const ProductCatalogue = withCheck(t.record(t.string, Product, 'ProductCatalogue'),
  (r) => {
    const bad = Object.entries(r).find(([k, p]) => k !== p.id);
    return bad && { field: bad[0], message: `the key must be the product's id (${bad[1].id})` };
  });
export type ProductCatalogue = t.TypeOf<typeof ProductCatalogue>;

/** The product of an id if it is of the kind wanted, or why not. */
export const productOf = <K extends ProductKind>(
  products: ProductCatalogue, productId: string, kind: K,
): E.Either<Rejection, Extract<Product, { kind: K }>> => {
  const p = Object.hasOwn(products, productId) ? products[productId] : undefined;
  if (p === undefined) return E.left({ type: 'unknown_product', productId });
  return isKind(p, kind) ? E.right(p)
    : E.left({ type: 'wrong_product', productId, expected: kind, got: p.kind });
};

const isKind = <K extends ProductKind>(p: Product, kind: K): p is Extract<Product, { kind: K }> =>
  p.kind === kind;
