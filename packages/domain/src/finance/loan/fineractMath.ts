import { Decimal } from '../../money/decimal.ts';
import { toDecimalRounding, type RoundingMode } from '../../money/rounding.ts';

/**
 * Fineract's arithmetic, reproduced: a MathContext of 12 significant digits in the product's
 * rounding mode (MoneyHelper.PRECISION = 12), and a Money that rounds every result to the
 * currency's digits (Money.of). Amounts here are Decimals always held at the currency scale;
 * they become Money only when the schedule is returned.
 */
export interface FineractMath {
  readonly digits: number;
  readonly rounding: Decimal.Rounding;
  /** BigDecimal operations "with mc": correctly rounded to 12 significant digits. */
  readonly mc: typeof Decimal;
}

/** The arithmetic for a currency's digits and a rounding mode. */
export const fineractMath = (digits: number, mode: RoundingMode): FineractMath => {
  const rounding = toDecimalRounding(mode);
  return { digits, rounding, mc: Decimal.clone({ precision: 12, rounding }) };
};

const main = (x: Decimal): Decimal => new Decimal(x);

/** BigDecimal.divide(b, mc). */
export const mcDivide = (m: FineractMath, a: Decimal, b: Decimal | number): Decimal =>
  main(new m.mc(a).div(b));

/** BigDecimal.multiply(b, mc). */
export const mcMultiply = (m: FineractMath, a: Decimal, b: Decimal | number): Decimal =>
  main(new m.mc(a).times(b));

/** Money.of: an amount rounded to the currency's digits. A rounding point. */
export const moneyOf = (m: FineractMath, d: Decimal): Decimal =>
  d.toDecimalPlaces(m.digits, m.rounding);

/** Money.multiplyRetainScale: amount x factor (mc), then to the currency's digits. */
export const multiplyRetainScale = (m: FineractMath, amount: Decimal, by: Decimal): Decimal =>
  by.eq(1) ? amount : moneyOf(m, mcMultiply(m, amount, by));

/** Money.dividedBy(n, mc): amount / n (mc), then to the currency's digits. */
export const dividedBy = (m: FineractMath, amount: Decimal, by: Decimal | number): Decimal =>
  new Decimal(by).eq(1) ? amount : moneyOf(m, mcDivide(m, amount, by));

/** Money.multipliedBy(n): amount x n (mc), then to the currency's digits. */
export const multipliedBy = (m: FineractMath, amount: Decimal, by: Decimal | number): Decimal =>
  new Decimal(by).eq(1) ? amount : moneyOf(m, mcMultiply(m, amount, by));

/**
 * Money.roundToMultiplesOf: the number of multiples rounded to a whole number in the rounding
 * mode, times the multiple; then to the currency's digits. A rounding point.
 */
export const roundToMultiplesOf = (m: FineractMath, d: Decimal, multiple: Decimal): Decimal =>
  moneyOf(m, d.div(multiple).toDecimalPlaces(0, m.rounding).times(multiple));

/** A zero amount. */
export const ZERO = new Decimal(0);
