// The in-memory store's options: the file store's ranges, refused with a typed error naming
// the field, each field read once whatever the options object is.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as t from 'io-ts';
import { AppendTooLargeError } from '../eventStore/errors.ts';
import { eventSchemaFromCodecs } from '../eventStore/eventSchema.ts';
import { inMemoryEventStore } from './inMemoryEventStore.ts';
import { MemoryStoreOptionsError } from './memoryStoreOptions.ts';

const schema = eventSchemaFromCodecs({ Noted: t.type({ text: t.string }) }, t.type({}));
const noted = (text: string) => ({ eventId: '00000000-0000-4000-8000-000000000001',
  type: 'Noted' as const, data: { text }, metadata: {} });

const refusal = (options: unknown): [string, string] => {
  try {
    // @ts-expect-error: any value, as a JavaScript caller may pass
    inMemoryEventStore(options);
  } catch (e) {
    if (!(e instanceof MemoryStoreOptionsError)) throw e;
    return [e.field, e.reason];
  }
  return ['', 'opened'];
};

test('each field: its refusal names it and says why', () => {
  const bytes = 'not a whole number of bytes from 1 to 1073741824';
  const cases: Array<[unknown, string, string]> = [
    [null, '', 'not an object of options'],
    [{}, 'schema', 'not an object'],
    [{ schema: { decode: () => 1 } }, 'schema.encode', 'not a function'],
    [{ schema, maxAppendBytes: 0 }, 'maxAppendBytes', bytes],
    [{ schema, maxAppendBytes: Number.NaN }, 'maxAppendBytes', bytes],
    [{ schema, maxAppendBytes: 2 ** 30 + 1 }, 'maxAppendBytes', bytes],
    [{ schema, maxAppendBytes: 1n }, 'maxAppendBytes', bytes],
    [{ schema, now: 0 }, 'now', 'not a function'],
    [{ schema, get now(): never { throw new Error('x'); } }, 'now', 'could not be read (Error)'],
  ];
  for (const [options, field, reason] of cases) {
    assert.equal(refusal(options), [field, reason], String(field));
  }
  assert.equal(refusal({ schema, maxAppendBytes: 2 ** 30 }), ['', 'opened']);
});

test('each field is read once, and the value read is the one used', async () => {
  let reads = 0;
  let limit = 50;
  const store = inMemoryEventStore({ schema, get maxAppendBytes() {
    reads++;
    const l = limit;
    limit = 2 ** 30;
    return l;
  } });
  const e: unknown = await store.appendToStream('loan-1', [noted('x'.repeat(100))])
    .catch((x: unknown) => x);
  assert.ok(e instanceof AppendTooLargeError);
  assert.equal([e.maxBytes, reads], [50, 1]);
});

test('any value as the options or any field is refused typed or opens, never throws raw', () => {
  const any = fc.anything({ withBigInt: true, withNullPrototype: true });
  fc.assert(fc.property(any, (v) => {
    assert.is(refusal(v)[1] === 'opened', false);
  }));
  const field = fc.constantFrom('schema', 'maxAppendBytes', 'now');
  fc.assert(fc.property(field, any, (name, v) => {
    const [f] = refusal({ schema, [name]: v });
    assert.ok(f === '' || f === name || f.startsWith(`${name}.`));
  }));
  const trap = () => { throw new Error('trap'); };
  assert.equal(refusal(new Proxy({}, { get: trap })), ['schema', 'could not be read (Error)']);
  assert.equal(refusal({ schema: new Proxy({}, { get: trap }) }),
    ['schema.decode', 'could not be read (Error)']);
});

test.run();
