import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tdsDue, type TdsFacts } from './tdsDue.ts';
import { defaultTdsSettings, tdsOff } from './tdsSettings.ts';

const rupees = (r: number) => BigInt(r) * 100n;
const facts = (earlier: bigint, over: Partial<TdsFacts> = {}): TdsFacts =>
  ({ settings: defaultTdsSettings, exempt: false, interestEarlierInYearMinor: earlier, ...over });

test('a posting that takes the year above Rs 40,000 is taxed at 10% of the posting', () => {
  // 39,000 earlier + 1,500 now = 40,500 > 40,000: 10% of 1,500.00 = 150.00.
  assert.is(tdsDue(facts(rupees(39_000)), rupees(1_500)), 15_000n);
});

test('interest up to the threshold itself is not taxed', () => {
  assert.is(tdsDue(facts(rupees(38_000)), rupees(2_000)), 0n);
  assert.is(tdsDue(facts(0n), rupees(40_000)), 0n);
});

test('the tax is rounded to the nearest rupee, fifty paise up (section 288B)', () => {
  // 10% of 1,234.56 = 123.456 -> 123; of 1,235.00 = 123.50 -> 124; of 199.45 = 19.945 -> 20.
  assert.is(tdsDue(facts(rupees(40_000)), 123_456n), 12_300n);
  assert.is(tdsDue(facts(rupees(40_000)), 123_500n), 12_400n);
  assert.is(tdsDue(facts(rupees(40_000)), 19_945n), 2_000n);
});

test('a fractional rate is applied exactly: 7.5% of 1,000.00 is 75.00', () => {
  const settings = { ...defaultTdsSettings, ratePercent: '7.5' };
  assert.is(tdsDue(facts(rupees(50_000), { settings }), rupees(1_000)), 7_500n);
});

test('a member with a Form 15G/15H declaration is not taxed above the threshold', () => {
  assert.is(tdsDue(facts(rupees(39_000), { exempt: true }), rupees(1_500)), 0n);
});

test('with TDS off nothing is deducted', () => {
  assert.is(tdsDue(facts(rupees(39_000), { settings: tdsOff }), rupees(1_500)), 0n);
});

test.run();
