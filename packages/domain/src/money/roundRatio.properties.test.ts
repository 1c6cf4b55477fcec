import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Decimal } from './decimal.ts';
import { roundHalfEven, roundRatio } from './roundRatio.ts';
import { roundingModes, toDecimalRounding, type RoundingMode } from './rounding.ts';

test('each mode rounds ties and non-ties of a bigint ratio as named', () => {
  const table: Array<[bigint, bigint, RoundingMode, bigint]> = [
    [5n, 2n, 'half-even', 2n], [7n, 2n, 'half-even', 4n], [-5n, 2n, 'half-even', -2n],
    [5n, 2n, 'half-up', 3n], [-5n, 2n, 'half-up', -3n], [5n, 2n, 'half-down', 2n],
    [7n, 3n, 'half-down', 2n], [8n, 3n, 'half-down', 3n], [-7n, 3n, 'down', -2n],
    [7n, 3n, 'up', 3n], [-7n, 3n, 'up', -3n], [-7n, 3n, 'ceiling', -2n],
    [-7n, 3n, 'floor', -3n], [7n, 3n, 'floor', 2n], [6n, 3n, 'up', 2n],
  ];
  for (const [num, den, mode, expected] of table) {
    assert.is(roundRatio(num, den, mode), expected, `${num}/${den} ${mode}`);
  }
});

test('roundRatio agrees with decimal.js rounding the same ratio, in every mode', () => {
  fc.assert(fc.property(
    fc.bigInt(-(10n ** 30n), 10n ** 30n), fc.bigInt(1n, 10n ** 12n),
    fc.constantFrom(...roundingModes),
    (num, den, mode) => {
      const exact = new Decimal(String(num)).dividedBy(String(den));
      const viaDecimal = exact.toDecimalPlaces(0, toDecimalRounding(mode)).toFixed(0);
      assert.is(String(roundRatio(num, den, mode)), viaDecimal);
    }), { numRuns: 2000 });
});

test('roundHalfEven sends an exact tie to the even neighbour, either sign', () => {
  fc.assert(fc.property(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 1000n),
    (k, d) => {
      const rounded = roundHalfEven((2n * k + 1n) * d, 2n * d); // exactly k + 1/2
      assert.ok(rounded === k || rounded === k + 1n);
      assert.is(rounded % 2n, 0n);
    }));
});

test.run();
