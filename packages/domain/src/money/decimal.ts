import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one Decimal used by the domain: 60 significant digits, so that no intermediate of a
 * rate, interest or proration calculation is rounded before a named rounding point.
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Decimal = InstanceType<typeof Decimal>;
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Decimal {
  type Rounding = DecimalJs.Rounding;
}

/** What a finance function accepts for a rate or an amount. */
export type DecimalInput = string | Decimal;

/** A decimal input that could not be read; names the field it came from. */
export class InvalidDecimalError extends Error {
  override readonly name = 'InvalidDecimalError';
  constructor(
    readonly field: string,
    readonly input: unknown,
  ) {
    super(`${field}: expected a plain decimal string such as "12.50", got ${show(input)}`);
  }
}

const show = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x) : String(x));

const plainDecimal = /^-?\d+(\.\d+)?$/;

/** Reads a plain decimal string (no exponent, no NaN) or a finite Decimal. */
export const decimalFrom = (x: unknown, field: string): Decimal => {
  if (Decimal.isDecimal(x)) {
    const d = new Decimal(x);
    if (!d.isFinite()) throw new InvalidDecimalError(field, x);
    return d;
  }
  if (typeof x !== 'string' || !plainDecimal.test(x.trim())) {
    throw new InvalidDecimalError(field, x);
  }
  return new Decimal(x.trim());
};
