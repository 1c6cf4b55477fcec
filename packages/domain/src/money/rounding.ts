import { Decimal } from './decimal.ts';
import { money, moneyToDecimal, type Money } from './money.ts';

/** The rounding modes a product can name; 'half-even' is the default everywhere. */
export type RoundingMode =
  | 'half-even'
  | 'half-up'
  | 'half-down'
  | 'down'
  | 'up'
  | 'ceiling'
  | 'floor';

export const roundingModes: ReadonlyArray<RoundingMode> = [
  'half-even', 'half-up', 'half-down', 'down', 'up', 'ceiling', 'floor',
];

const decimalMode: Record<RoundingMode, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** The decimal.js rounding constant of a mode. */
export const toDecimalRounding = (mode: RoundingMode): Decimal.Rounding => decimalMode[mode];

/**
 * Rounds an exact value to the currency's minor unit. This is a named rounding point.
 * @example String(roundMoney(new Decimal('2.345'), { digits: 2, mode: 'half-even' })) === '2.34'
 */
export const roundMoney = (
  value: Decimal,
  opts: { readonly digits: number; readonly mode: RoundingMode },
): Money => {
  const scaled = value.times(new Decimal(10).pow(opts.digits));
  const minor = scaled.toDecimalPlaces(0, decimalMode[opts.mode]);
  return money(BigInt(minor.toFixed(0)), opts.digits);
};

/**
 * Rounds an exact value to a multiple of `multiple` (e.g. whole rupees). A named rounding point.
 * @example
 *   String(roundToMultiple(new Decimal('1234.5'), { multiple: money(100n), mode: 'half-up' }))
 *   === '1235.00'
 */
export const roundToMultiple = (
  value: Decimal,
  opts: { readonly multiple: Money; readonly mode: RoundingMode },
): Money => {
  if (opts.multiple.minor <= 0n) throw new RangeError('a rounding multiple must be positive');
  const unit = moneyToDecimal(opts.multiple);
  const count = value.dividedBy(unit).toDecimalPlaces(0, decimalMode[opts.mode]);
  return money(BigInt(count.toFixed(0)) * opts.multiple.minor, opts.multiple.digits);
};
