import type { RateStep } from '../products/rateChange.ts';
import type { SavingsProduct } from '../finance/depositInterest/savingsProduct.ts';
import {
  calculatorOf, savingsInterestCalculator, type SavingsInterestCalculator,
} from '../finance/savingsInterestCalculator.ts';
import { steppedRateProduct } from './rateSteps.ts';

/**
 * savingsInterestCalculator with the rate stepped as `steps` say (in the order they take
 * effect): postings as steppedSavingsInterest figures them, and accrual over any window on
 * each day's rate in force. With no step it is savingsInterestCalculator.
 * @example steppedSavingsInterestCalculator(product, [{ effectiveFrom: '2025-05-16',
 *   rateAnnualPercent: '6' }]).postings(txs, span) // May half at 4%, half at 6%
 */
export const steppedSavingsInterestCalculator = (
  product: SavingsProduct, steps: ReadonlyArray<RateStep>,
): SavingsInterestCalculator => (steps.length === 0 ? savingsInterestCalculator(product)
  : calculatorOf(steppedRateProduct(product, steps)));
