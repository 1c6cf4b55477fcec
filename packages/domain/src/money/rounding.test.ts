import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from './decimal.ts';
import { money } from './money.ts';
import { roundMoney, roundToMultiple, type RoundingMode } from './rounding.ts';

const at = (v: string, mode: RoundingMode) =>
  String(roundMoney(new Decimal(v), { digits: 2, mode }));

test('each named mode rounds ties and non-ties as named', () => {
  const table: Array<[string, RoundingMode, string]> = [
    ['2.345', 'half-even', '2.34'], ['2.355', 'half-even', '2.36'],
    ['-2.345', 'half-even', '-2.34'], ['2.3451', 'half-even', '2.35'],
    ['2.345', 'half-up', '2.35'], ['-2.345', 'half-up', '-2.35'],
    ['2.345', 'half-down', '2.34'], ['2.3451', 'half-down', '2.35'],
    ['2.349', 'down', '2.34'], ['-2.349', 'down', '-2.34'],
    ['2.341', 'up', '2.35'], ['-2.341', 'up', '-2.35'],
    ['-2.341', 'ceiling', '-2.34'], ['-2.341', 'floor', '-2.35'],
  ];
  for (const [v, mode, expected] of table) assert.is(at(v, mode), expected, `${v} ${mode}`);
});

test('rounding to a multiple: whole rupees and five rupees', () => {
  const whole = money(100n);
  assert.is(String(roundToMultiple(new Decimal('1234.50'), { multiple: whole, mode: 'half-even' })),
    '1234.00');
  assert.is(String(roundToMultiple(new Decimal('1235.50'), { multiple: whole, mode: 'half-even' })),
    '1236.00');
  assert.is(String(roundToMultiple(new Decimal('1234.01'), { multiple: whole, mode: 'up' })),
    '1235.00');
  assert.is(
    String(roundToMultiple(new Decimal('1232.49'), { multiple: money(500n), mode: 'half-up' })),
    '1230.00');
  assert.throws(() => roundToMultiple(new Decimal('1'), { multiple: money(0n), mode: 'up' }));
});

test.run();
