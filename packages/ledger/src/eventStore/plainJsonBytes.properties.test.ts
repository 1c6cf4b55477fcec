import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { byteSink, putAscii } from './byteSink.ts';
import { putPlainJson } from './plainJsonBytes.ts';
import { plainJsonText } from './plainJsonText.ts';
import { key, value } from './plainJsonValues.fixture.ts';

// After bytes already there (a sink is shared by the events of an append), and small, so
// that it must grow while a value is written.
const holds = (v: unknown): void => {
  const sink = byteSink(8);
  putAscii(sink, 'before');
  const text = plainJsonText(v);
  assert.is(putPlainJson(sink, v), text !== undefined);
  const written = sink.buffer.subarray(6, sink.used);
  assert.ok(written.equals(Buffer.from(text ?? '')), `${written.toString()} vs ${text}`);
  assert.is(sink.buffer.toString('latin1', 0, 6), 'before');
};

test('the bytes written are the UTF-8 of plainJsonText, and a refusal writes nothing', () => {
  fc.assert(fc.property(value.value, holds), { numRuns: 2000 });
});

test('the bytes do not depend on the order the keys were set in', () => {
  fc.assert(fc.property(fc.array(fc.tuple(key, value.leaf), { maxLength: 8 }), (entries) => {
    const a = Object.fromEntries(entries);
    holds(Object.fromEntries(Object.entries(a).reverse()));
    holds(a);
  }));
});

test('escapes, lone surrogates and non-ASCII text, exactly', () => {
  const sink = byteSink(4);
  assert.ok(putPlainJson(sink, { b: ['\ud800', 'é"\n'], a: {}, c: [1.5, null, true] }));
  assert.is(sink.buffer.toString('utf8', 0, sink.used),
    '{"a":{},"b":["\\ud800","é\\"\\n"],"c":[1.5,null,true]}');
  assert.is(sink.used, 52); // 51 characters, é two bytes
  assert.not.ok(putPlainJson(sink, { b: 'x', a: 1n }));
  assert.is(sink.used, 52);
});

// Last: it fills the bounded table of key sets, so the general path writes from then on.
test('past the bound of key sets, objects are written the same', () => {
  for (let i = 0; i < 1100; i++) plainJsonText({ [`k${i}`]: i, b: i });
  fc.assert(fc.property(value.value, holds), { numRuns: 1000 });
});

test.run();
