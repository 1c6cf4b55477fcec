import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreOptionsError } from '@usha/ledger';
import type { EventStoreClient } from './eventStoreClient.ts';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { testSchema } from './testSupport.ts';

// A client never called: the options are refused before any is used.
const client = {} as EventStoreClient;

test('a maxAppendBytes that is not a whole number of bytes from 1 to 1 GiB is refused, typed, '
  + 'naming the option', () => {
  for (const bad of [Number.NaN, Infinity, 0, -1, 1.5, 2 ** 31, '4096']) {
    assert.throws(() => createEventStoreDbStore({ client, schema: testSchema,
      maxAppendBytes: bad as number }), (e: unknown) => e instanceof StoreOptionsError
      && e.field === 'maxAppendBytes'
      && e.message === 'EventStoreDB store option maxAppendBytes: not a whole number of bytes '
        + 'from 1 to 1073741824', String(bad));
  }
});

test('a whole number of bytes, or none, opens the store', async () => {
  for (const ok of [1, 4096, undefined]) {
    const store = createEventStoreDbStore({ client, schema: testSchema,
      ...(ok === undefined ? {} : { maxAppendBytes: ok }) });
    await store.close();
  }
});

test('options that cannot be read, or are no object, or have no schema: refused, typed, naming '
  + 'the field, each field read once', () => {
  const refusal = (options: unknown): string => {
    try {
      createEventStoreDbStore(options as Parameters<typeof createEventStoreDbStore>[0]);
    } catch (e) {
      if (e instanceof StoreOptionsError) return e.message;
      throw e;
    }
    return 'opened';
  };
  assert.is(refusal(null), 'EventStoreDB store options: not an object of options');
  assert.is(refusal({ client, schema: testSchema,
    get maxAppendBytes(): number { throw new TypeError('no'); } }),
  'EventStoreDB store option maxAppendBytes: could not be read (TypeError)');
  assert.is(refusal(new Proxy({}, { get: () => { throw new Error('trap'); } })),
    'EventStoreDB store option client: could not be read (Error)');
  assert.is(refusal({ client }), 'EventStoreDB store option schema: not an object');
  assert.is(refusal({ schema: testSchema }),
    'EventStoreDB store option connectionString: not a string, and no client given');
  let reads = 0;
  const store = createEventStoreDbStore({ client,
    get schema() { reads += 1; return testSchema; } });
  assert.is(reads, 1);
  void store.close();
});

test.run();
