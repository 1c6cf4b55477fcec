// The test products with LT: LN on the progressive engine, paid out in up to two tranches,
// recalculated to a smaller EMI when principal is paid ahead, and able to top up a loan.
import { ProductCatalogue } from '@usha/domain';
import { products as testProducts } from '@usha/domain/testing';

const decoded = ProductCatalogue.decode({ ...testProducts, LT: { ...testProducts.LN, id: 'LT',
  scheduleType: 'progressive', interestRecalculation: 'reduce-emi', maxTranches: 2,
  allowTopUp: true, excessRepayment: 'prepay-principal' } });
if (decoded._tag === 'Left') throw new Error('the LT product does not decode');

/** The domain's test products and LT. */
export const scheduleProducts: ProductCatalogue = decoded.right;
