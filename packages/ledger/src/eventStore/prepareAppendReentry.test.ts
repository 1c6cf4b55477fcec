import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventIdConflictError } from './errors.ts';
import { eventSchemaFromCodecs } from './eventSchema.ts';
import { dataJsonOf, metadataJsonOf, prepareAppend } from './prepareAppend.ts';

// Caller code runs inside prepareAppend wherever it reads a caller's object (an id getter, a
// proxy, an encode): an append prepared from there must not disturb the one in progress.
const schema = eventSchemaFromCodecs({ Noted: t.unknown }, t.unknown);
const limits = { maxAppendBytes: 1 << 24, nextRevision: 0n };
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const noted = (id: string) => ({ eventId: id, type: 'Noted' as const, data: 1, metadata: {} });

test('a repeated id in a long append is refused even when reading an id prepares another '
  + 'long append', () => {
  const ids = [idOf(1), idOf(2), idOf(3), idOf(4), idOf(5), idOf(6), idOf(7), idOf(8), idOf(1)];
  const events = ids.map(noted);
  let inner: unknown;
  // The last id's getter prepares another append of nine events first.
  Object.defineProperty(events[8], 'eventId', {
    get: () => {
      inner ??= prepareAppend(schema, 'other-1', ids.map((_, i) => noted(idOf(100 + i))), limits);
      return idOf(1);
    },
  });
  const r = prepareAppend(schema, 'loan-1', events, limits);
  assert.is((inner as { _tag: string })._tag, 'Right');
  assert.ok(r._tag === 'Left' && r.left instanceof EventIdConflictError, r._tag);
  assert.ok(r._tag === 'Left' && r.left.message.includes(idOf(1)));
});

test('an encode that prepares another append leaves this append\'s bytes as encoded', () => {
  const inner = { eventId: idOf(200), type: 'Noted' as const, data: 2, metadata: {} };
  let nested: unknown;
  let encoded = 0;
  const reentrant = {
    decode: schema.decode,
    encode: (e: Parameters<typeof schema.encode>[0]) => {
      // The second event's encode: the first event's bytes are in the shared sink by then.
      if (++encoded === 2) nested = prepareAppend(schema, 'other-1', [inner], limits);
      return schema.encode(e);
    },
  };
  const events = [noted(idOf(1)), noted(idOf(2))];
  const r = prepareAppend(reentrant, 'loan-1', events, limits);
  assert.is((nested as { _tag: string })._tag, 'Right');
  assert.ok(r._tag === 'Right');
  assert.equal(r.right.events.map((e) => [e.eventId, dataJsonOf(e), metadataJsonOf(e)]),
    [[idOf(1), '1', '{}'], [idOf(2), '1', '{}']]);
  const bytes = r.right.events[0]?.bytes.toString() ?? '';
  assert.is(bytes, `,"data":1,"eventId":"${idOf(1)}","metadata":{}`
    + `,"data":1,"eventId":"${idOf(2)}","metadata":{}`);
});

test.run();
