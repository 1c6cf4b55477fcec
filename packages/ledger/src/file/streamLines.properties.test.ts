// A stream read looks up only the lines it yields: `streamLines(...).range(lo, hi)` answers
// each revision's line number as a model of the log does, and walks the stream's links no
// further back than `lo` (a command reading the end of a branch's lifelong stream walks a few).
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyIndex, indexLine } from './fileIndex.ts';
import { streamLines } from './streamLines.ts';

const names = ['a', 'b', 'c'];

test('a range of a stream\'s lines is the model\'s, walked from its end back to lo only', () => {
  fc.assert(fc.property(
    fc.array(fc.constantFrom(...names), { maxLength: 80 }),
    fc.constantFrom(...names, 'none'),
    fc.integer({ min: -3, max: 85 }), fc.integer({ min: -3, max: 85 }),
    (appends, name, lo, hi) => {
      const streamAt = new Map<number, string>();
      const index = emptyIndex((offset) => streamAt.get(offset) ?? 'no such line');
      const model = new Map<string, number[]>(); // the stream's line numbers by revision
      appends.forEach((stream, line) => {
        const held = model.get(stream) ?? [];
        streamAt.set(line * 10, stream);
        indexLine(index, { offset: line * 10, stream, eventId: `e${line}`,
          revision: held.length });
        model.set(stream, [...held, line]);
      });
      const lines = streamLines(index, name);
      const expected = model.get(name);
      if (expected === undefined) return lines === undefined;
      assert.is(lines?.length, expected.length);
      // Every read of the links between a stream's lines, counted.
      const column = index.previousInStream as { data: Int32Array };
      const links = column.data;
      let walked = 0;
      column.data = new Proxy(links, { get: (t, p) => {
        if (typeof p === 'string' && /^[0-9]+$/.test(p)) walked += 1;
        return Reflect.get(t, p) as unknown;
      } });
      try {
        const range = lines?.range(lo, hi);
        for (let r = -2; r < expected.length + 2; r += 1) {
          const inRange = r >= lo && r <= hi && r >= 0 && r < expected.length;
          assert.is(range?.line(r), inRange ? expected[r] : -1, `revision ${r}`);
        }
      } finally {
        column.data = links;
      }
      const from = Math.max(0, lo);
      // One link a revision from the last back to lo; none for a range the stream lacks.
      assert.is(walked, Math.min(hi, expected.length - 1) < from ? 0 : expected.length - from);
      return true;
    }), { numRuns: 500 });
});

test.run();
