import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyOf, type KeyOf } from '../offHeap/keyHash.ts';
import { weakKey } from '../offHeap/weakKey.fixture.ts';
import {
  candidateOffsets, emptyIndex, firstLineAtOrAfter, indexLine, lineCount, lineOffset,
  mayHoldId, streamLength, streamOffsets,
} from './fileIndex.ts';

// Names and ids from small pools, so streams repeat and (under the weak key) collide.
const names = ['a', 'b', 'ab', 'ba', 'abc', 'bcd', 'é', 'ü'];
const ids = ['e1', 'e2', 'f1', 'f22', 'g', 'h'];
const op = fc.oneof(
  fc.record({ append: fc.constantFrom(...names), eventId: fc.constantFrom(...ids) }),
  fc.record({ ask: fc.constantFrom(...names) }),
);

// A log as plain Maps: the model the index must answer as.
const check = (keyFn: KeyOf) => fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
  const streamAt = new Map<number, string>();
  const idAt = new Map<number, string>();
  const index = emptyIndex((offset) => streamAt.get(offset) ?? 'no such line', keyFn);
  const streams = new Map<string, number[]>();
  const lines: number[] = [];
  let offset = 0;
  for (const o of ops) {
    if ('ask' in o) { // as the committer does between appends: confirmed names get cached
      assert.is(streamLength(index, o.ask), streams.get(o.ask)?.length ?? 0);
      continue;
    }
    const held = streams.get(o.append) ?? [];
    indexLine(index, { offset, stream: o.append, eventId: o.eventId, revision: held.length });
    streams.set(o.append, [...held, offset]);
    lines.push(offset);
    streamAt.set(offset, o.append);
    idAt.set(offset, o.eventId);
    offset += 7 + (offset % 5); // lines of varying length
  }
  for (const name of names) {
    const expected = streams.get(name);
    const got = streamOffsets(index, name);
    assert.equal(got === undefined ? undefined : [...got], expected, name);
    assert.is(streamLength(index, name), expected?.length ?? 0);
    for (let r = 0; r < (expected?.length ?? 0); r++) { // a forward read from revision r
      const tail = streamOffsets(index, name, BigInt(r));
      assert.equal(tail === undefined ? [] : [...tail.subarray(r)], expected?.slice(r));
    }
  }
  assert.is(lineCount(index), lines.length);
  lines.forEach((at, i) => assert.is(lineOffset(index, i), at));
  assert.is(lineOffset(index, lines.length), undefined);
  for (const id of ids) {
    const expected = lines.filter((at) => idAt.get(at) === id);
    const confirmed = candidateOffsets(index, id).filter((at) => idAt.get(at) === id);
    assert.equal(confirmed.sort((x, y) => x - y), expected);
    if (expected.length > 0) assert.ok(mayHoldId(index, id));
  }
  for (let at = 0; at <= offset + 1; at += 3) {
    const first = lines.findIndex((l) => l >= at);
    assert.is(firstLineAtOrAfter(index, BigInt(at)), first < 0 ? lines.length : first);
  }
});

test('the off-heap file index answers as Maps do, under a key where names collide', () => {
  fc.assert(check(weakKey));
});

test('the off-heap file index answers as Maps do, under the 64-bit key', () => {
  fc.assert(check(keyOf));
});

test.run();
