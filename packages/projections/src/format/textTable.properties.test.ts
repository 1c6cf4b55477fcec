import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rupees, table, tableLines } from './textTable.ts';

// The grouping by hand that the locale's grouping replaced, kept as the model: the last three
// digits, then pairs (lakh, crore), on the absolute value, the sign in front.
const byHand = (paise: bigint): string => {
  const abs = paise < 0n ? -paise : paise;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  const last3 = whole.slice(-3);
  const rest = whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${paise < 0n ? '-' : ''}${rest === '' ? last3 : `${rest},${last3}`}.${frac}`;
};

test('the figures printed before print the same: lakh, crore, negatives and paise', () => {
  assert.equal([199738584n, -199738584n, 5n, -5n, 0n, 99999n, 100000n, 10000000n,
    1234567890123n].map(rupees), ['19,97,385.84', '-19,97,385.84', '0.05', '-0.05', '0.00',
    '999.99', '1,000.00', '1,00,000.00', '12,34,56,78,901.23']);
});

test('the locale\'s Indian grouping is the grouping by hand for any amount', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    (paise) => rupees(paise) === byHand(paise)), { numRuns: 2000 });
});

// Cells as a report has them: ids, figures, blanks, and rows shorter or longer than the header.
const cellText = fc.oneof(fc.constantFrom('', 'yes', '-'), fc.string({ maxLength: 12 }),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(rupees));
const shaped = fc.integer({ min: 0, max: 6 }).chain((columns) => fc.record({
  header: fc.array(cellText, { minLength: columns, maxLength: columns }),
  rows: fc.array(fc.array(cellText, { maxLength: columns + 1 }), { maxLength: 8 }),
  left: fc.integer({ min: 0, max: columns + 1 }),
}));

// The table as it was laid out before it was made of its streamed lines, kept as the model.
const model = (
  header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, left: number,
): string => {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: ReadonlyArray<string>) => r.map((x, c) =>
    (c < left ? x.padEnd(widths[c] ?? 0) : x.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map((r) => (r.length === 0 ? rule : line(r)))].join('\n');
};

test('the streamed lines of a table, joined by line feeds, are the table laid out whole', () => {
  fc.assert(fc.property(shaped, ({ header, rows, left }) => {
    const streamed = [...tableLines(header, rows, (r) => r, left)].join('\n');
    assert.is(streamed, model(header, rows, left));
    assert.is(table(header, rows, left), model(header, rows, left));
  }), { numRuns: 1000 });
});

test('a table of 300,000 rows is laid out (widths taken by spreading them overflowed the stack)',
  () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => [`SB-${i}`, rupees(BigInt(i))]);
  const text = table(['Account', 'Rs'], rows);
  assert.is(text.split('\n').length, 300_002);
  assert.is(text.split('\n')[300_001], 'SB-299999  2,999.99');
});

test('a table\'s streamed lines: widths from every row, a rule for an empty one', () => {
  const rows = [['SB-1', '1,500.00'], [], ['FD-12', '12,34,567.05']];
  assert.equal([...tableLines(['Account', 'Rs'], rows, (r) => r)], [
    'Account            Rs',
    '-------  ------------',
    'SB-1         1,500.00',
    '-------  ------------',
    'FD-12    12,34,567.05',
  ]);
});

test.run();
