import fc from 'fast-check';
import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventIdConflictError, InvalidAppendError } from './errors.ts';
import { eventSchemaFromCodecs } from './eventSchema.ts';
import { prepareAppend } from './prepareAppend.ts';
import { keyOf } from '../offHeap/keyHash.ts';

const schema = eventSchemaFromCodecs({ Noted: t.unknown }, t.unknown);
const limits = { maxAppendBytes: 1 << 24, nextRevision: 0n };
// Ids from a few hex digits, so that appends of many events repeat some of them.
const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'f');
const eventId = fc.array(digit, { minLength: 3, maxLength: 3 })
  .map((d) => `00000000-0000-4000-8000-000000000${d.join('')}`);

test('an append is refused for a repeated id exactly when two of its ids are the same, and '
  + 'names the first id seen again', () => {
  fc.assert(fc.property(fc.array(eventId, { minLength: 1, maxLength: 700 }), (ids) => {
    const events = ids.map((id) =>
      ({ eventId: id, type: 'Noted' as const, data: 1, metadata: {} }));
    const r = prepareAppend(schema, 'loan-1', events, limits);
    // The model: a Set, in order.
    const seen = new Set<string>();
    const again = ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
    if (again === undefined) {
      assert.is(r._tag, 'Right');
    } else {
      assert.ok(r._tag === 'Left' && r.left instanceof EventIdConflictError);
      assert.ok(r._tag === 'Left' && r.left.message.includes(again));
    }
  }), { numRuns: 400 });
});

const lowercaseUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Ids of 36 characters, now and then with a character that no lowercase UUID has there.
const maybeEventId = fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom('A', 'g', '-', '0', ' '),
  fc.nat(9)).map(([id, at, c, keep]) =>
  (keep > 1 ? id : `${id.slice(0, at)}${c}${id.slice(at + 1)}`));

test('an append is refused for a bad event id exactly when one of its ids is not a lowercase '
  + 'UUID, in a few events and in many', () => {
  fc.assert(fc.property(fc.array(maybeEventId, { minLength: 1, maxLength: 40 }), (ids) => {
    fc.pre(new Set(ids).size === ids.length);
    const events = ids.map((id) =>
      ({ eventId: id, type: 'Noted' as const, data: 1, metadata: {} }));
    const r = prepareAppend(schema, 'loan-1', events, limits);
    const bad = ids.find((id) => !lowercaseUuid.test(id));
    if (bad === undefined) {
      assert.is(r._tag, 'Right');
    } else {
      assert.ok(r._tag === 'Left' && r.left instanceof InvalidAppendError);
      assert.ok(r._tag === 'Left' && r.left.message.endsWith(`bad event id ${bad}`));
    }
  }), { numRuns: 400 });
});

test('the key an append carries for each id is the index key of that id', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 200 }), (ids) => {
    const events = ids.map((id) =>
      ({ eventId: id, type: 'Noted' as const, data: 1, metadata: {} }));
    const r = prepareAppend(schema, 'loan-1', events, limits);
    if (r._tag === 'Left') return assert.unreachable(r.left.message);
    const keys = r.right.idKeys;
    assert.ok(keys !== undefined);
    assert.is(keys.length, 2 * ids.length);
    ids.forEach((id, i) => {
      const k = keyOf(id);
      assert.is(keys[2 * i], k[0]);
      assert.is(keys[2 * i + 1], k[1]);
    });
  }), { numRuns: 200 });
});

test.run();
