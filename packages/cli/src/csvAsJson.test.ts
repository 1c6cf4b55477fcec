import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvAsJson } from './csvAsJson.ts';

test('RFC 4180 fields read back: quotes, commas, line breaks, blanks', () => {
  const csv = 'id,particulars,amount\r\nSB-1,"By cash, ""counter 2""",700.00\r\n'
    + 'SB-1,"two\r\nlines",\r\n';
  assert.equal(JSON.parse(csvAsJson(csv)), [
    { id: 'SB-1', particulars: 'By cash, "counter 2"', amount: '700.00' },
    { id: 'SB-1', particulars: 'two\r\nlines', amount: '' },
  ]);
});

test('a header only is an empty array; amounts stay the strings the CSV has', () => {
  assert.is(csvAsJson('code,amount\r\n'), '[]');
  assert.is(csvAsJson('code,amount\r\n1100,12345678901234567.89\r\n'),
    '[\n  {\n    "code": "1100",\n    "amount": "12345678901234567.89"\n  }\n]');
});

test.run();
