import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import {
  add, compare, formatMoney, money, moneyFrom, MoneyParseFailure, parseMoney, subtract, sum,
} from './money.ts';

const parsed = (s: string, digits = 2) => {
  const r = parseMoney(s, digits);
  if (E.isLeft(r)) throw new Error(`expected ${s} to parse: ${r.left.message}`);
  return r.right;
};
const rejection = (s: string, digits = 2) => {
  const r = parseMoney(s, digits);
  if (E.isRight(r)) throw new Error(`expected ${s} to be refused, got ${String(r.right)}`);
  return r.left;
};

test('parses rupees and paise into integer minor units', () => {
  assert.is(parsed('1234.50').minor, 123450n);
  assert.is(parsed('1234.5').minor, 123450n);
  assert.is(parsed('1234').minor, 123400n);
  assert.is(parsed('-0.05').minor, -5n);
  assert.is(parsed('0.00').minor, 0n);
  assert.is(parsed('7', 0).minor, 7n);
  assert.is(parsed('1.234', 3).minor, 1234n);
});

test('prints a plain decimal with the currency digits', () => {
  assert.is(String(money(123450n)), '1234.50');
  assert.is(String(money(-5n)), '-0.05');
  assert.is(String(money(0n)), '0.00');
  assert.is(formatMoney(money(7n, 0)), '7');
  assert.is(JSON.stringify({ a: money(100n) }), '{"a":"1.00"}');
  assert.is(`${money(99999999n)}`, '999999.99');
});

const errors: Array<[string, string]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['abc', 'not_a_number'],
  ['12.5.1', 'not_a_number'],
  ['1,000.00', 'not_a_number'],
  ['.5', 'not_a_number'],
  ['+5', 'not_a_number'],
  ['1e5', 'exponent_notation'],
  ['1.5E-2', 'exponent_notation'],
  ['NaN', 'not_finite'],
  ['Infinity', 'not_finite'],
  ['-Infinity', 'not_finite'],
  ['12.345', 'too_many_decimals'],
  ['1000000000000000000', 'out_of_range'],
];
for (const [input, tag] of errors) {
  test(`refuses ${JSON.stringify(input)} as ${tag}, saying why`, () => {
    const e = rejection(input);
    assert.is(e.type, tag);
    assert.is(e.input, input);
    assert.ok(e.message.length > 10);
  });
}

test('an amount of millions of digits is refused as out of range without reading it as a '
  + 'number, and its message shows the first 40 characters', () => {
  // BigInt of n digits takes time growing as n squared: a million took minutes before.
  const huge = '9'.repeat(5_000_000);
  const e = rejection(`${huge}.00`);
  assert.is(e.type, 'out_of_range');
  assert.is(e.message, `"${'9'.repeat(40)}"... (5000003 characters) is beyond the largest amount`);
  // Leading zeros are no digits of the amount: a million of them before 1.00 still parse.
  assert.equal(parseMoney(`${'0'.repeat(1_000_000)}1.00`), parseMoney('1.00'));
  // The largest amount, 10^17 paise, and a paisa more.
  assert.ok(E.isRight(parseMoney('1000000000000000.00')));
  assert.is(rejection('1000000000000000.01').type, 'out_of_range');
});

test('moneyFrom throws a typed failure that names the field', () => {
  try {
    moneyFrom('12.345', 2, 'principal');
    assert.unreachable('should have thrown');
  } catch (e) {
    assert.instance(e, MoneyParseFailure);
    assert.is((e as MoneyParseFailure).field, 'principal');
    assert.is((e as MoneyParseFailure).error.type, 'too_many_decimals');
    assert.match((e as Error).message, /^principal: /);
  }
});

test('arithmetic is exact and refuses mixed scales', () => {
  assert.is(String(add(money(10n), money(20n))), '0.30');
  assert.is(String(subtract(money(10n), money(25n))), '-0.15');
  assert.is(compare(money(1n), money(2n)), -1);
  assert.is(String(sum([money(1n), money(2n), money(3n)])), '0.06');
  assert.throws(() => add(money(1n, 2), money(1n, 3)), /cannot mix/);
});

test.run();
