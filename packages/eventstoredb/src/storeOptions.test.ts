import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreOptionsError } from '@usha/ledger';
import type { EventStoreClient } from './eventStoreClient.ts';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { testSchema } from './testSupport.ts';

// A client never called: the options are refused before any is used. Its methods are there, as
// the adapter asks for them before it takes a client.
const never = () => { throw new Error('called'); };
const client: EventStoreClient = {
  appendToStream: never, readStream: never, readAll: never, subscribeToAll: never,
  dispose: never,
};

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
  // One the client library cannot parse: the store's own refusal, not the library's ParseError.
  for (const connectionString of ['not-a-url', '', 'esdb://']) {
    assert.match(refusal({ schema: testSchema, connectionString }),
      /^EventStoreDB store option connectionString: not a connection string the client reads/);
  }
  let reads = 0;
  const store = createEventStoreDbStore({ client,
    get schema() { reads += 1; return testSchema; } });
  assert.is(reads, 1);
  void store.close();
});

// The refusal of `options` (with the stub client and the test schema beside them), or 'opened'.
const refusalOf = (options: Record<string, unknown>): string => {
  try {
    const store = createEventStoreDbStore({ client, schema: testSchema, ...options } as
      Parameters<typeof createEventStoreDbStore>[0]);
    void store.close();
  } catch (e) {
    if (e instanceof StoreOptionsError) return `${e.field}: ${e.reason}`;
    throw e;
  }
  return 'opened';
};
// `base` with `field` a getter that throws.
const throwing = (field: string, base: object = {}) =>
  Object.defineProperty({ ...base }, field, { get: () => { throw new RangeError('no'); } });

test('a client whose methods are not functions is refused naming the method; a client that is '
  + 'no object, naming the client', () => {
  const without = (name: string) => ({ ...client, [name]: undefined });
  assert.equal([null, 5, 'esdb://x', true].map((c) => refusalOf({ client: c })),
    ['client: not an object', 'client: not an object', 'client: not an object',
      'client: not an object']);
  for (const name of ['appendToStream', 'readStream', 'readAll', 'subscribeToAll', 'dispose']) {
    assert.is(refusalOf({ client: without(name) }), `client.${name}: not a function`);
    assert.is(refusalOf({ client: throwing(name, client) }),
      `client.${name}: could not be read (RangeError)`);
  }
  assert.is(refusalOf({ client: new Proxy(client, { get: () => { throw new Error('trap'); } }) }),
    'client.appendToStream: could not be read (Error)');
  // A class instance (its methods on the prototype), as the real clients are.
  class Client {
    appendToStream = never;
    readStream(): never { return never(); }
    readAll(): never { return never(); }
    subscribeToAll(): never { return never(); }
    dispose(): never { return never(); }
  }
  assert.is(refusalOf({ client: new Client() }), 'opened');
});

test('a streamPrefix that cannot begin a stream name is refused; none, empty or one that can, '
  + 'opens', () => {
  const why = 'streamPrefix: not the start of a stream name (printable, no whitespace, no '
    + 'leading $, at most 100 characters)';
  for (const bad of [5, null, {}, ['a'], 'a b', '$ce-', 'tab\t', 'nl\n', '\u0000x',
    'x'.repeat(101), new String('a')]) {
    assert.is(refusalOf({ streamPrefix: bad }), why, String(bad));
  }
  for (const ok of [undefined, '', 'branch-7/', 'x'.repeat(100), 'सोनागाछी-']) {
    assert.is(refusalOf({ streamPrefix: ok }), 'opened', String(ok));
  }
});

test('a cacheMaxEvents that is not a whole number of events from 0 to 16,000,000 is refused',
  () => {
    const why = 'cacheMaxEvents: not a whole number of events from 0 to 16000000';
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 16_000_001, '100', 10n, null]) {
      assert.is(refusalOf({ cacheMaxEvents: bad }), why, String(bad));
    }
    for (const ok of [undefined, 0, 1, 16_000_000]) {
      assert.is(refusalOf({ cacheMaxEvents: ok }), 'opened', String(ok));
    }
  });

test('resubscribe: no object, or a field that is not a delay or a count, is refused naming the '
  + 'field, each field read once; onResubscribe that is no function is refused', () => {
  assert.equal([null, 5, 'fast'].map((r) => refusalOf({ resubscribe: r })),
    ['resubscribe: not an object', 'resubscribe: not an object', 'resubscribe: not an object']);
  const delay = 'not a whole number of milliseconds from 0 to 2147483647';
  for (const field of ['initialDelayMs', 'maxDelayMs']) {
    for (const bad of [-1, 0.5, Number.NaN, Infinity, 2 ** 31, '50', null]) {
      assert.is(refusalOf({ resubscribe: { [field]: bad } }), `resubscribe.${field}: ${delay}`,
        `${field} ${String(bad)}`);
    }
    assert.is(refusalOf({ resubscribe: throwing(field) }),
      `resubscribe.${field}: could not be read (RangeError)`);
  }
  for (const bad of [-1, 1.5, Number.NaN, Infinity, '3', null]) {
    assert.is(refusalOf({ resubscribe: { maxAttempts: bad } }),
      'resubscribe.maxAttempts: not a whole number from 0', String(bad));
  }
  assert.is(refusalOf({ resubscribe: { initialDelayMs: 0, maxDelayMs: 2 ** 31 - 1,
    maxAttempts: 0 } }), 'opened');
  assert.is(refusalOf({ resubscribe: {} }), 'opened');
  let reads = 0;
  const counted = { get initialDelayMs() { reads += 1; return 10; } };
  assert.is(refusalOf({ resubscribe: counted }), 'opened');
  assert.is(reads, 1);
  for (const bad of [5, 'log', {}, null]) {
    assert.is(refusalOf({ onResubscribe: bad }), 'onResubscribe: not a function', String(bad));
  }
  assert.is(refusalOf({ onResubscribe: () => undefined }), 'opened');
});

test('appendConditions: checked before by default; atomic only with a client that has '
  + 'appendRecords; anything else refused, typed, naming the field', async () => {
  const refusal = (options: unknown): string => {
    try {
      const store = createEventStoreDbStore(
        options as Parameters<typeof createEventStoreDbStore>[0]);
      return `opened: ${String(store.appendConditions)}`;
    } catch (e) {
      if (e instanceof StoreOptionsError) return e.message;
      throw e;
    }
  };
  const atomicNeeds = "EventStoreDB store option appendConditions: 'atomic' needs a client "
    + 'given whose appendRecords checks other streams in the append (@kurrent/kurrentdb-client '
    + '1.2 or later, against KurrentDB 26.1 or later); @eventstore/db-client has none';
  assert.is(refusal({ client, schema: testSchema }), 'opened: checked-before');
  assert.is(refusal({ client, schema: testSchema, appendConditions: 'checked-before' }),
    'opened: checked-before');
  assert.is(refusal({ client: { ...client, appendRecords: never }, schema: testSchema,
    appendConditions: 'atomic' }), 'opened: atomic');
  assert.is(refusal({ client, schema: testSchema, appendConditions: 'atomic' }), atomicNeeds);
  assert.is(refusal({ client: { ...client, appendRecords: 'yes' }, schema: testSchema,
    appendConditions: 'atomic' }), atomicNeeds);
  // A connection string makes an @eventstore/db-client client, which has no appendRecords.
  assert.is(refusal({ connectionString: 'esdb://127.0.0.1:1?tls=false', schema: testSchema,
    appendConditions: 'atomic' }), atomicNeeds);
  for (const bad of ['ATOMIC', 'atomic ', true, 1, null, {}, Symbol('atomic')]) {
    assert.is(refusal({ client, schema: testSchema, appendConditions: bad }),
      "EventStoreDB store option appendConditions: not 'checked-before' or 'atomic'", String(bad));
  }
  const throwing = new Proxy({ ...client }, { get: (t, k) => {
    if (k === 'appendRecords') throw new RangeError('trap');
    return Reflect.get(t, k);
  } });
  assert.is(refusal({ client: throwing, schema: testSchema, appendConditions: 'atomic' }),
    'EventStoreDB store option client.appendRecords: could not be read (RangeError)');
});

test.run();
