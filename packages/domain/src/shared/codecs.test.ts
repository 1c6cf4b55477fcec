import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { formatMoney, parseMoney } from '../money/money.ts';
import { DateString, MoneyString, PositiveMoneyInput, SignedMoneyString } from './codecs.ts';
import { parseBusinessDate } from '../dates/businessDate.ts';

// The definition of a stored amount: it parses, and prints back as it was written.
const canonical = (s: string): bigint | undefined => {
  const r = parseMoney(s, 2);
  return E.isRight(r) && formatMoney(r.right) === s ? r.right.minor : undefined;
};

const amountLike = fc.oneof(
  fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }).map((n) => {
    const abs = (n < 0n ? -n : n).toString().padStart(3, '0');
    return `${n < 0n ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  }),
  fc.constantFrom('0.00', '-0.00', '00.00', '1.0', '1.000', '1', '.50', '1.5e2', ' 1.00',
    '1.00 ', '+1.00', '1000000000000000.00', '1000000000000000.01', '999999999999999.99',
    '0001.00', '1,000.00', '١.٠٠'),
  fc.string({ maxLength: 8 }),
);

test('an amount is a stored amount exactly when it is canonical, and signs are kept apart', () => {
  fc.assert(fc.property(amountLike, (s) => {
    const minor = canonical(s);
    assert.is(MoneyString.is(s), minor !== undefined && minor >= 0n, s);
    assert.is(SignedMoneyString.is(s), minor !== undefined, s);
    assert.is(PositiveMoneyInput.is(s), minor !== undefined && minor > 0n, s);
  }), { numRuns: 5000 });
  for (const u of [0, 100n, null, undefined, ['1.00']]) assert.is(MoneyString.is(u), false);
});

test('a date in an event is a real calendar day', () => {
  fc.assert(fc.property(fc.string({ maxLength: 11 }), fc.date({ noInvalidDate: true }),
    (s, d) => {
      const iso = d.toISOString().slice(0, 10);
      for (const x of [s, iso]) assert.is(DateString.is(x), E.isRight(parseBusinessDate(x)), x);
    }));
  assert.is(DateString.is('2024-02-29'), true);
  assert.is(DateString.is('2023-02-29'), false);
});

test.run();
