import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AppendTooLargeError, EventIdConflictError } from './errors.ts';
import { eventSchemaFromCodecs } from './eventSchema.ts';
import { dataJsonOf, metadataJsonOf, prepareAppend } from './prepareAppend.ts';

const schema = eventSchemaFromCodecs({ Noted: t.unknown }, t.unknown);
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const noted = (n: number, data: unknown = { text: 'hé', n }) =>
  ({ eventId: id(n), type: 'Noted' as const, data, metadata: { by: 'x' } });
const limits = { maxAppendBytes: 1 << 20, nextRevision: 0n };

test('each event\'s data and metadata read back as their canonical texts', () => {
  const r = prepareAppend(schema, 'loan-1', [noted(1), noted(2, { b: 1n, a: -0 })], limits);
  if (r._tag === 'Left') throw r.left;
  const [a, b] = r.right.events;
  if (a === undefined || b === undefined) throw new Error('two events');
  assert.equal([dataJsonOf(a), metadataJsonOf(a)], ['{"n":1,"text":"hé"}', '{"by":"x"}']);
  // Not plain JSON: written from canonicalJson's text.
  assert.equal([dataJsonOf(b), metadataJsonOf(b)], ['{"a":0,"b":"1"}', '{"by":"x"}']);
  // The run of a line each event carries, one after the other.
  assert.is(a.bytes.toString('utf8', a.dataStart - 8, b.metadataEnd),
    `,"data":{"n":1,"text":"hé"},"eventId":"${id(1)}","metadata":{"by":"x"}`
    + `,"data":{"a":0,"b":"1"},"eventId":"${id(2)}","metadata":{"by":"x"}`);
  assert.is(r.right.sizeBytes, 20 + 10 + 15 + 10); // UTF-8 bytes of data and metadata only
});

test('an id twice in one append is refused, in a few events and in many', () => {
  for (const count of [2, 3, 8, 9, 40]) {
    const events = Array.from({ length: count }, (_, i) => noted(i));
    events.push(noted(count - 2));
    const r = prepareAppend(schema, 'loan-1', events, limits);
    assert.ok(r._tag === 'Left' && r.left instanceof EventIdConflictError, `${count}`);
    assert.is(r._tag === 'Left' && r.left.message.includes(id(count - 2)), true);
  }
});

test('the limit counts the UTF-8 bytes of data and metadata', () => {
  const events = [noted(1), noted(2)];
  assert.is(prepareAppend(schema, 'loan-1', events, { ...limits, maxAppendBytes: 60 })._tag,
    'Right');
  const r = prepareAppend(schema, 'loan-1', events, { ...limits, maxAppendBytes: 59 });
  assert.ok(r._tag === 'Left' && r.left instanceof AppendTooLargeError);
  assert.is(r._tag === 'Left' && r.left.message, 'append to loan-1 is 60 bytes, over 59');
});

test('an event id read twice answers as first read: only the id checked is written', () => {
  for (const count of [1, 9]) {
    const reads = new Map<number, number>();
    const events = Array.from({ length: count }, (_, i) => {
      const e = noted(i + 1);
      return { ...e, get eventId() {
        const n = reads.get(i) ?? 0;
        reads.set(i, n + 1);
        return n === 0 ? e.eventId : `${e.eventId}","batchSize":9,"x":"`;
      } };
    });
    const r = prepareAppend(schema, 'loan-1', events, limits);
    if (r._tag === 'Left') throw r.left;
    assert.equal(r.right.events.map((e) => e.eventId), events.map((_, i) => id(i + 1)));
    const last = r.right.events[count - 1];
    if (last === undefined) throw new Error('an event');
    const text = last.bytes.toString('utf8', 0, last.metadataEnd);
    assert.not.ok(text.includes('batchSize'), text);
    assert.equal([...reads.values()], events.map(() => 1));
  }
});

test.run();
