import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { csvAsJson, csvRecordsAsJsonLines } from './csvAsJson.ts';

// A field as a CSV writer puts it: quoted when it holds a comma, a quote or a line break.
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const record = (fs: ReadonlyArray<string>) => `${fs.map(field).join(',')}\r\n`;

// Field text with the characters that matter to CSV and JSON, and keys JSON orders apart
// (integer-like, repeated, `__proto__`).
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', '\\', 'é', '😀') }),
  fc.constantFrom('1', '10', '2', '__proto__', 'amount', ''),
);

test('the JSON lines made a record at a time, joined, are the JSON of the whole CSV', () => {
  fc.assert(fc.property(
    fc.array(text, { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(text, { maxLength: 6 }), { maxLength: 6 }),
    (header, rows) => {
      const records = [record(header), ...rows.filter((r) => r.length > 0).map(record)];
      assert.is([...csvRecordsAsJsonLines(records)].join('\n'), csvAsJson(records.join('')));
    }), { numRuns: 500 });
});

test('no records at all, or a header only, is an empty array', () => {
  assert.equal([...csvRecordsAsJsonLines([])], ['[]']);
  assert.equal([...csvRecordsAsJsonLines(['code,amount\r\n'])], ['[]']);
  assert.equal([...csvRecordsAsJsonLines(['code,amount\r\n', '1100,420.00\r\n'])],
    ['[', '  {', '    "code": "1100",', '    "amount": "420.00"', '  }', ']']);
});

test.run();
