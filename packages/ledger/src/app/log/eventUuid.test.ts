import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventUuid } from './eventUuid.ts';

// UUID v5 as RFC 9562 spells it out, byte by byte, with a Hash object: the reference.
const v5 = (name: string): string => {
  const ns = Buffer.from('6f1d3c2a9b8e4f70a1d25c7e8b3f9a41', 'hex');
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

test('an event id is the UUID v5 of the domain id in Usha\'s namespace', () => {
  assert.is(eventUuid('cmd-42.0'), '77a75180-7eb8-59f7-b6f1-31ec1f5650a8');
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
    assert.is(eventUuid(name), v5(name));
  }));
});

test('the same domain id gives the same UUID, whatever came between', () => {
  const first = eventUuid('c-1.0');
  eventUuid('x'.repeat(500));
  eventUuid('é');
  assert.is(eventUuid('c-1.0'), first);
});

test.run();
