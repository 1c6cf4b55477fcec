import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { byteSink, framedAscii, putAscii } from './byteSink.ts';

const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) =>
  String.fromCharCode(c)) });

test('a framed text is written as the bytes of before, the text and after, after what the '
  + 'sink held, growing it as needed', () => {
  fc.assert(fc.property(ascii, fc.string({ maxLength: 20 }), ascii, fc.nat(40),
    (before, text, after, room) => {
      const t = Buffer.from(text, 'latin1').toString('latin1').replace(/[^\x00-\x7f]/g, 'x');
      const sink = byteSink(room);
      putAscii(sink, 'held');
      framedAscii(before, t.length, after)(sink, t);
      assert.is(sink.buffer.toString('latin1', 0, sink.used), `held${before}${t}${after}`);
    }), { numRuns: 500 });
});

test('the event id frame writes the key, the id and the next key', () => {
  const sink = byteSink(4);
  framedAscii(',"eventId":"', 36, '","metadata":')(sink, '00000000-0000-4000-8000-000000000001');
  assert.is(sink.buffer.toString('latin1', 0, sink.used),
    ',"eventId":"00000000-0000-4000-8000-000000000001","metadata":');
});

test.run();
