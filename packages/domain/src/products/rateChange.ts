import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { ProductId, SocietyId } from '../shared/ids.ts';
import { DateString, RatePercent } from '../shared/codecs.ts';
import { commandCodec, eventCodec } from '../shared/shape.ts';
import type { Rejection } from '../shared/rejection.ts';
import { Decimal } from '../money/decimal.ts';
import { productOf, type ProductCatalogue } from './productCatalogue.ts';

/**
 * Change a savings product's rate from `effectiveFrom` (not before `on`: interest already
 * credited is never refigured). Every savings account of the product earns the new rate from
 * that day; recurring and fixed deposits keep the rate they were opened at.
 */
export const ChangeProductRate = commandCodec('ChangeProductRate', {
  societyId: SocietyId, productId: ProductId, effectiveFrom: DateString,
  rateAnnualPercent: RatePercent,
});
export type ChangeProductRate = t.TypeOf<typeof ChangeProductRate>;

/**
 * A savings product's rate changed from `effectiveFrom`, on the society's stream, so that a
 * replay from the log figures every account's interest with the same rates.
 * `previousRateAnnualPercent` is the rate in force the day before.
 */
export const ProductRateChanged = eventCodec('ProductRateChanged', {
  societyId: SocietyId, productId: ProductId, on: DateString, effectiveFrom: DateString,
  rateAnnualPercent: RatePercent, previousRateAnnualPercent: RatePercent,
});
export type ProductRateChanged = t.TypeOf<typeof ProductRateChanged>;

/** A rate in force from a day on. */
export interface RateStep {
  readonly effectiveFrom: BusinessDate;
  readonly rateAnnualPercent: string;
}

/** Each savings product's rate changes so far, in the order they take effect. */
export type RateSteps = Readonly<Record<string, ReadonlyArray<RateStep>>>;

/** The rate steps with one more change recorded. */
export const withRateChange = (steps: RateSteps, d: ProductRateChanged['data']): RateSteps => ({
  ...steps, [d.productId]: [...(Object.hasOwn(steps, d.productId) ? steps[d.productId]! : []),
    { effectiveFrom: d.effectiveFrom, rateAnnualPercent: d.rateAnnualPercent }],
});

/** The rate of `base` (the catalogue's) as `steps` have it on `on`. */
export const rateOn = (base: string, steps: ReadonlyArray<RateStep>, on: BusinessDate): string =>
  steps.filter((s) => s.effectiveFrom <= on).at(-1)?.rateAnnualPercent ?? base;

const refused = (field: string, reason: string): E.Either<Rejection, never> =>
  E.left({ type: 'invalid_terms', field, reason });

/**
 * Decides a rate change against the catalogue and the changes recorded: a savings product
 * whose interest is on the daily balance (an average daily balance earns at one rate over its
 * period, which a date cannot cut), effective from the command's date on and after the last
 * change, to a rate other than the one in force then.
 */
export const decideRateChange = (
  products: ProductCatalogue, steps: RateSteps, c: ChangeProductRate['data'],
): E.Either<Rejection, ProductRateChanged['data']> => {
  const p = productOf(products, c.productId, 'savings');
  if (E.isLeft(p)) return p;
  // Savings products compound monthly at the most often (PeriodCodec): no daily case here.
  if ((p.right.interestCalculation ?? 'daily-balance') !== 'daily-balance') {
    return refused('productId', 'a rate change applies to daily-balance interest only');
  }
  if (c.effectiveFrom < c.on) {
    return refused('data.effectiveFrom', `must not be before the command's date ${c.on}`);
  }
  const known = Object.hasOwn(steps, c.productId) ? steps[c.productId]! : [];
  const last = known.at(-1);
  if (last !== undefined && c.effectiveFrom <= last.effectiveFrom) {
    return refused('data.effectiveFrom', `must be after the last change's ${last.effectiveFrom}`);
  }
  const previous = rateOn(p.right.rateAnnualPercent, known, c.effectiveFrom);
  if (new Decimal(previous).eq(c.rateAnnualPercent)) {
    return refused('data.rateAnnualPercent', `is the rate in force (${previous})`);
  }
  return E.right({ societyId: c.societyId, productId: c.productId, on: c.on,
    effectiveFrom: c.effectiveFrom, rateAnnualPercent: c.rateAnnualPercent,
    previousRateAnnualPercent: previous });
};
