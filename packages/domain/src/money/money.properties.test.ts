import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { formatMoney, money, parseMoney, sum } from './money.ts';

const canonical = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }))
  .map(([neg, minor]) => money(neg && minor !== 0n ? -minor : minor));

test('Money parses and prints back to the same string', () => {
  fc.assert(
    fc.property(canonical, (m) => {
      const s = formatMoney(m);
      const r = parseMoney(s);
      assert.ok(E.isRight(r));
      assert.is(E.isRight(r) && formatMoney(r.right), s);
    }),
  );
});

test('a sum of parts never loses a paisa', () => {
  fc.assert(
    fc.property(fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 60 }),
      (minors) => {
        const printed = minors.map((n) => formatMoney(money(n)));
        const reparsed = printed.map((s) => {
          const r = parseMoney(s);
          if (E.isLeft(r)) throw new Error(r.left.message);
          return r.right;
        });
        const expected = minors.reduce((a, b) => a + b, 0n);
        assert.is(sum(reparsed).minor, expected);
      }),
  );
});

test('a decimal with more places than the currency is refused, never rounded', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 1, max: 9 }),
      (whole, last) => {
        const r = parseMoney(`${whole}.12${last}`);
        assert.ok(E.isLeft(r) && r.left.type === 'too_many_decimals');
      }),
  );
});

test.run();
