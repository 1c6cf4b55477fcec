import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventSchemaFromCodecs } from './eventSchema.ts';
import { dataJsonOf, prepareAppend } from './prepareAppend.ts';

// A caller's list read as it was at the first read: each place taken once, its length not
// trusted beyond what the limit allows.
const schema = eventSchemaFromCodecs({ Noted: t.unknown }, t.unknown);
const limits = { maxAppendBytes: 1 << 20, nextRevision: 0n };
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const noted = (n: number) =>
  ({ eventId: idOf(n), type: 'Noted' as const, data: n, metadata: {} });

test('an event pushed onto the list while it is prepared is not written: the events taken are',
  () => {
    const events = [noted(1), noted(2)];
    Object.defineProperty(events[1], 'data', { enumerable: true,
      get: () => { if (events.length === 2) events.push(noted(3)); return 2; } });
    const r = prepareAppend(schema, 'loan-1', events, limits);
    if (r._tag === 'Left') throw r.left;
    assert.equal(r.right.events.map((e) => e.eventId), [idOf(1), idOf(2)]);
    assert.is(events.length, 3);
  });

test('a list whose place answers otherwise at a second read is written as first read', () => {
  let reads = 0;
  const list = new Proxy([noted(1), noted(2)], { get: (target, key, receiver) => {
    if (key === '0') reads += 1;
    return key === '0' && reads > 1 ? undefined : Reflect.get(target, key, receiver);
  } });
  const r = prepareAppend(schema, 'loan-1', list, limits);
  if (r._tag === 'Left') throw r.left;
  assert.equal(r.right.events.map((e) => e.eventId), [idOf(1), idOf(2)]);
  assert.is(reads, 1);
});

test('a hole, a made-up length, or more events than the limit could hold: refused, typed, at '
  + 'once', () => {
  const refusal = (events: unknown) => {
    const r = prepareAppend(schema, 'loan-1', events as [], limits);
    return r._tag === 'Left' ? `${r.left.constructor.name}: ${r.left.message}` : 'accepted';
  };
  const holes: unknown[] = [noted(1)];
  holes.length = 3;
  assert.match(refusal(holes), /^InvalidAppendError: .*bad event id undefined/);
  const huge: unknown[] = [];
  huge.length = 2 ** 31;
  assert.is(refusal(huge),
    'AppendTooLargeError: append to loan-1 is at least 4294967296 bytes, over 1048576');
  assert.is(refusal({ length: 1e9 }),
    'AppendTooLargeError: append to loan-1 is at least 2000000000 bytes, over 1048576');
  assert.match(refusal({ length: -1 }), /^InvalidAppendError: .*not a list/);
  assert.match(refusal({ length: 1.5 }), /^InvalidAppendError: .*not a list/);
  const sparse: unknown[] = [];
  sparse.length = 1000;
  assert.match(refusal(sparse), /^InvalidAppendError: .*bad event id undefined/);
});

test('a schema that encodes a type no store writes (a number, empty, a control character, an '
  + 'object, no stored form at all) is refused, typed, naming the field: a line with it would '
  + 'not open again', () => {
  const encodedAs = (type: unknown, whole?: unknown) => {
    const odd = { ...schema, encode: (e: Parameters<typeof schema.encode>[0]) =>
      whole ?? { ...schema.encode(e), type } };
    const r = prepareAppend(odd as typeof schema, 'loan-1', [noted(1)], limits);
    return r._tag === 'Left' ? `${r.left.constructor.name}: ${r.left.message}` : r.right.events
      .map((e) => e.type).join();
  };
  const refused = 'InvalidEventError: stream loan-1 revision 0, event Noted: field type: '
    + 'encoded as a type that is not a valid event type name';
  for (const type of [42, '', 'Noted\u001b', 'two words', { toString: () => 'Noted' }]) {
    assert.is(encodedAs(type), refused, JSON.stringify(type));
  }
  assert.is(encodedAs(undefined, null), refused);
  assert.is(encodedAs(undefined, 7), refused);
  // A type read once: a getter that answers a bad name at a second read is not asked again.
  let reads = 0;
  const once = { ...schema, encode: (e: Parameters<typeof schema.encode>[0]) => {
    const { data, metadata } = schema.encode(e);
    return { data, metadata, get type() { reads += 1; return reads > 1 ? '' : 'Noted'; } };
  } };
  const r = prepareAppend(once, 'loan-1', [noted(1)], limits);
  if (r._tag === 'Left') throw r.left;
  assert.is(reads, 1);
});

test('a stored form given as a class instance or a proxy is written by its fields, also where '
  + 'its data is not plain JSON (a bigint, written as a decimal string)', () => {
  const big = eventSchemaFromCodecs({ Noted: t.type({ n: t.string }) }, t.unknown);
  class Stored {
    constructor(private readonly e: { readonly data: unknown; readonly metadata: unknown }) {}
    get type() { return 'Noted'; }
    get data() { return this.e.data; }
    get metadata() { return this.e.metadata; }
  }
  const forms = {
    instance: (e: { data: unknown; metadata: unknown }) => new Stored(e),
    proxy: (e: { data: unknown; metadata: unknown }) =>
      new Proxy({}, { get: (_t, k) => (k === 'type' ? 'Noted' : Reflect.get(e, k)) }),
  };
  for (const [how, form] of Object.entries(forms)) {
    const odd = { ...big, encode: (e: Parameters<typeof big.encode>[0]) => form(e) };
    const r = prepareAppend(odd as typeof big, 'loan-1',
      // A bigint is written as its decimal string, which the codec reads back.
      [{ eventId: idOf(1), type: 'Noted' as const, data: { n: 5n } as unknown as { n: string },
        metadata: {} }], limits);
    if (r._tag === 'Left') throw new Error(`${how}: ${r.left.message}`);
    const [e] = r.right.events;
    assert.is(e && dataJsonOf(e), '{"n":"5"}', how);
  }
});

test('a made-up length within the largest limit sizes nothing before the events are read', () => {
  const before = process.memoryUsage().arrayBuffers;
  const r = prepareAppend(schema, 'loan-1', { length: 2 ** 29 } as unknown as [],
    { maxAppendBytes: 2 ** 30, nextRevision: 0n });
  const grew = process.memoryUsage().arrayBuffers - before;
  assert.is(r._tag === 'Left' ? r.left.message : 'accepted',
    'append to loan-1: bad event id undefined');
  assert.ok(grew < 1 << 20, `${grew} bytes of buffers made`);
});

test.run();
