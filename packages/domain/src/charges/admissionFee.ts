import * as E from 'fp-ts/lib/Either.js';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { ShareProduct } from '../products/shareProduct.ts';
import type { MoneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';

/**
 * The admission fee a share product charges on admission (its AdmissionFeeRule), or null when
 * it charges none. The one rule: the member decider charges it, a till takes it in cash.
 * @example admissionFeeOf({ ...product, admissionFee: { amount: '47.00' } }) // '47.00'
 */
export const admissionFeeOf = (p: ShareProduct): MoneyString | null =>
  p.admissionFee === undefined ? null : p.admissionFee.amount;

/** The admission fee of share product `productId` of the catalogue, or why it has none to ask. */
export const admissionFeeFor = (
  products: ProductCatalogue, productId: string,
): E.Either<Rejection, MoneyString | null> =>
  E.map(admissionFeeOf)(productOf(products, productId, 'share'));
