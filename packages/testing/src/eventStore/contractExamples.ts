import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import {
  AppendTooLargeError,
  comparePosition,
  EventIdConflictError,
  InvalidAppendError,
  InvalidEventError,
  InvalidReadError,
  StoreClosedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
} from '@usha/ledger';
import { nextEventId } from './arbitraries.ts';
import { collect, rejection } from './collect.ts';
import type { StoreFactory } from './storeFactory.ts';
import { testSchema, type TestEvent } from './testCatalogue.ts';

type Deposit = Extract<TestEvent, { readonly type: 'Deposited' }>;

/** A valid deposit with a fresh id. */
export const deposit = (amount = '10.00', sequence = 1n): NewEvent<Deposit> => ({
  eventId: nextEventId(),
  type: 'Deposited',
  data: { account: 'acc-1', amount, sequence },
  metadata: { commandId: 'cmd-1' },
});

const maxAppendBytes = 4096;

/** Registers the example-based part of the contract on a uvu suite. */
export const contractExamples = (test: Test, factory: StoreFactory): void => {
  const withStore = (name: string, body: (store: EventStore<TestEvent>) => Promise<void>) =>
    test(name, async () => {
      const store = await factory.create({ schema: testSchema, maxAppendBytes });
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  withStore('appends and reads back with bigint revisions from 0', async (store) => {
    const events = [deposit('1.00', 1n), deposit('2.00', 2n), deposit('3.00', 3n)];
    const r = await store.appendToStream('loan-1', events, { expectedRevision: 'no_stream' });
    assert.is(r.nextExpectedRevision, 2n);
    const read = await collect(store.readStream('loan-1'));
    assert.equal(
      read.map((e) => e.revision),
      [0n, 1n, 2n],
    );
    assert.equal(
      read.map((e) => e.eventId),
      events.map((e) => e.eventId),
    );
    assert.equal(read[2]?.data, { account: 'acc-1', amount: '3.00', sequence: 3n });
    assert.equal(read[0]?.metadata, { commandId: 'cmd-1' });
    assert.is(read[0]?.stream, 'loan-1');
    assert.ok(read[0]?.recordedAt instanceof Date);
    assert.equal(r.position, read[2]?.position);
  });

  withStore('positions increase along the global order', async (store) => {
    await store.appendToStream('loan-1', [deposit(), deposit()]);
    await store.appendToStream('loan-2', [deposit()]);
    await store.appendToStream('loan-1', [deposit()]);
    const all = await collect(store.readAll());
    assert.equal(
      all.map((e) => `${e.stream}@${e.revision}`),
      ['loan-1@0', 'loan-1@1', 'loan-2@0', 'loan-1@2'],
    );
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      if (a === undefined || b === undefined) throw new Error('missing event');
      assert.ok(comparePosition(a.position, b.position) < 0);
    }
  });

  withStore('checks every kind of expected revision', async (store) => {
    const wrong = async (p: Promise<unknown>, expected: unknown, actual: unknown) => {
      const e = await rejection(p);
      assert.instance(e, WrongExpectedVersionError);
      if (!(e instanceof WrongExpectedVersionError)) return;
      assert.is(e.stream, 'loan-1');
      assert.is(e.expected, expected);
      assert.is(e.actual, actual);
    };
    await wrong(
      store.appendToStream('loan-1', [deposit()], { expectedRevision: 'stream_exists' }),
      'stream_exists',
      'no_stream',
    );
    await wrong(
      store.appendToStream('loan-1', [deposit()], { expectedRevision: 0n }),
      0n,
      'no_stream',
    );
    await store.appendToStream('loan-1', [deposit()], { expectedRevision: 'no_stream' });
    await wrong(
      store.appendToStream('loan-1', [deposit()], { expectedRevision: 'no_stream' }),
      'no_stream',
      0n,
    );
    await wrong(store.appendToStream('loan-1', [deposit()], { expectedRevision: 5n }), 5n, 0n);
    const r1 = await store.appendToStream('loan-1', [deposit()], { expectedRevision: 0n });
    const r2 = await store.appendToStream('loan-1', [deposit()], {
      expectedRevision: 'stream_exists',
    });
    const r3 = await store.appendToStream('loan-1', [deposit()], { expectedRevision: 'any' });
    assert.equal(
      [r1, r2, r3].map((r) => r.nextExpectedRevision),
      [1n, 2n, 3n],
    );
  });

  withStore('reads a stream from a revision, backwards, with a maximum count', async (store) => {
    const events = Array.from({ length: 5 }, (_, i) => deposit('1.00', BigInt(i)));
    await store.appendToStream('loan-1', events);
    const revs = async (o: Parameters<typeof store.readStream>[1]) =>
      (await collect(store.readStream('loan-1', o))).map((e) => e.revision);
    assert.equal(await revs({ fromRevision: 2n }), [2n, 3n, 4n]);
    assert.equal(await revs({ direction: 'backwards' }), [4n, 3n, 2n, 1n, 0n]);
    assert.equal(await revs({ direction: 'backwards', fromRevision: 1n }), [1n, 0n]);
    assert.equal(await revs({ maxCount: 2 }), [0n, 1n]);
    assert.equal(await revs({ fromRevision: 9n }), []);
    const missing = await rejection(collect(store.readStream('loan-none')));
    assert.instance(missing, StreamNotFoundError);
  });

  withStore('reads all from a position, inclusive, both ways', async (store) => {
    await store.appendToStream('loan-1', [deposit(), deposit()]);
    await store.appendToStream('loan-2', [deposit(), deposit()]);
    const all = await collect(store.readAll());
    const third = all[2];
    if (third === undefined) throw new Error('missing event');
    const ids = (es: { eventId: string }[]) => es.map((e) => e.eventId);
    const forwards = await collect(store.readAll({ from: third.position }));
    assert.equal(ids(forwards), ids(all.slice(2)));
    const back = await collect(store.readAll({ from: third.position, direction: 'backwards' }));
    assert.equal(ids(back), ids(all.slice(0, 3).reverse()));
    const last = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
    assert.equal(ids(last), ids(all.slice(3)));
  });

  withStore('a retried append is a no-op returning the original result', async (store) => {
    const events = [deposit('1.00'), deposit('2.00')];
    const first = await store.appendToStream('loan-1', events, { expectedRevision: 'no_stream' });
    await store.appendToStream('loan-1', [deposit()]);
    const again = await store.appendToStream('loan-1', events, { expectedRevision: 'no_stream' });
    assert.equal(again, first);
    assert.is((await collect(store.readAll())).length, 3);
  });

  withStore('the same event id with other content is refused', async (store) => {
    const original = deposit('1.00');
    await store.appendToStream('loan-1', [original]);
    const changed = { ...original, data: { ...original.data, amount: '9.00' } };
    const e = await rejection(store.appendToStream('loan-1', [changed]));
    assert.instance(e, EventIdConflictError);
    const partial = await rejection(store.appendToStream('loan-1', [original, deposit()]));
    assert.instance(partial, EventIdConflictError);
    const twice = await rejection(store.appendToStream('loan-2', [original, original]));
    assert.instance(twice, EventIdConflictError);
    assert.is((await collect(store.readAll())).length, 1);
  });

  withStore('a store of store-wide ids refuses an id stored in another stream', async (store) => {
    if (store.eventIdScope !== 'store') return; // EventStoreDB: ids are unique per stream
    const original = deposit('1.00');
    await store.appendToStream('loan-1', [original]);
    const e = await rejection(store.appendToStream('loan-2', [original]));
    assert.instance(e, EventIdConflictError);
    assert.match(String(e), 'already stored in stream loan-1');
    // Concurrent appends of one id to two streams: exactly one is stored.
    const shared = deposit('2.00');
    const both = await Promise.allSettled([
      store.appendToStream('loan-3', [shared]), store.appendToStream('loan-4', [shared]),
    ]);
    assert.equal(both.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const refused = both.find((r) => r.status === 'rejected');
    assert.instance(refused?.status === 'rejected' ? refused.reason : undefined,
      EventIdConflictError);
    const all = await collect(store.readAll());
    assert.equal(all.map((x) => x.eventId), [original.eventId, shared.eventId]);
  });

  withStore('a stream name that is not a storable string is refused, typed, and nothing is '
    + 'written', async (store) => {
    await store.appendToStream('loan-1', [deposit()]);
    const hostile = [
      123, true, undefined, null, 12n, Symbol('loan-1'), new String('loan-1'), ['loan-1'],
      { toString: () => 'loan-1' }, { toString: () => { throw new Error('no name'); } },
      new Proxy({}, { get: () => { throw new Error('no name'); } }),
      '', '$system', 'loan 1', 'loan-\n1', 'x'.repeat(201),
    ];
    for (const name of hostile) {
      // A JavaScript caller can pass anything; Reflect.apply stands in for one, without a cast.
      const e = await rejection(Reflect.apply(store.appendToStream, store, [name, [deposit()]]));
      assert.instance(e, InvalidAppendError, typeof name === 'string' ? name : typeof name);
    }
    const all = await collect(store.readAll());
    assert.equal(all.map((x) => [x.stream, x.revision]), [['loan-1', 0n]]);
    // Read, a value that is not a string names no stream, even one spelling a stored name.
    for (const name of [new String('loan-1'), Symbol('loan-1'), 7, undefined]) {
      const read = Reflect.apply(store.readStream, store, [name]);
      assert.instance(await rejection(collect(read)), StreamNotFoundError);
      const hinted = Reflect.apply(store.readStream, store, [name, { notFoundAsEmpty: true }]);
      assert.equal(await collect(hinted), []);
    }
    // The stream the String object spelled goes on from where it was.
    const r = await store.appendToStream('loan-1', [deposit()], { expectedRevision: 0n });
    assert.is(r.nextExpectedRevision, 1n);
  });

  withStore('events that throw as they are read (a getter, a trap, a toString, a depth that '
    + 'exhausts the stack) are refused, typed, and nothing is written', async (store) => {
    await store.appendToStream('loan-1', [deposit()]);
    const boom = () => { throw new Error('unreadable'); };
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    const trapped = new Proxy({}, { getPrototypeOf: boom, get: boom, ownKeys: boom });
    const lists: unknown[] = [
      undefined, null, { length: 1, get 0() { return boom(); } },
      [{ ...deposit(), get eventId() { return boom(); } }],
      [{ ...deposit(), type: { toString: boom } }],
      [{ ...deposit(), data: trapped }],
      [{ ...deposit(), data: { account: 'acc-1', amount: '1.00', sequence: 1n, deep } }],
      [{ ...deposit(), metadata: trapped }],
      new Proxy([], { get: boom }),
    ];
    for (const events of lists) {
      const e = await rejection(Reflect.apply(store.appendToStream, store, ['loan-1', events]));
      assert.ok(e instanceof InvalidAppendError || e instanceof InvalidEventError,
        `${String(e)}`);
    }
    const all = await collect(store.readAll());
    assert.equal(all.map((x) => [x.stream, x.revision]), [['loan-1', 0n]]);
    // The stream goes on from where it was.
    const r = await store.appendToStream('loan-1', [deposit()], { expectedRevision: 0n });
    assert.is(r.nextExpectedRevision, 1n);
  });

  withStore('an over-large append is refused and nothing is written', async (store) => {
    await store.appendToStream('loan-1', [deposit()]);
    const big = {
      ...deposit(),
      type: 'Noted' as const,
      data: { text: 'x'.repeat(maxAppendBytes), tags: [] },
    };
    const e = await rejection(store.appendToStream('loan-1', [deposit(), big]));
    assert.instance(e, AppendTooLargeError);
    if (e instanceof AppendTooLargeError) assert.is(e.maxBytes, maxAppendBytes);
    assert.equal(
      (await collect(store.readAll())).map((x) => x.revision),
      [0n],
    );
    const r = await store.appendToStream('loan-1', [deposit()], { expectedRevision: 0n });
    assert.is(r.nextExpectedRevision, 1n);
  });

  withStore(
    'an invalid event is refused, naming stream, revision, type and field',
    async (store) => {
      await store.appendToStream('loan-1', [deposit()]);
      const bad = deposit('12.345');
      const e = await rejection(store.appendToStream('loan-1', [deposit(), bad]));
      assert.instance(e, InvalidEventError);
      if (e instanceof InvalidEventError) {
        assert.equal(
          [e.stream, e.revision, e.eventType, e.field],
          ['loan-1', 2n, 'Deposited', 'data.amount'],
        );
      }
      // A JavaScript caller can pass anything; Reflect.apply stands in for one, without a cast.
      const unknown = { ...deposit(), type: 'Unknown' };
      assert.instance(
        await rejection(Reflect.apply(store.appendToStream, store, ['loan-1', [unknown]])),
        InvalidEventError,
      );
      const noId = { ...deposit(), eventId: 'not-a-uuid' };
      assert.instance(await rejection(store.appendToStream('loan-1', [noId])), InvalidAppendError);
      assert.instance(await rejection(store.appendToStream('loan-1', [])), InvalidAppendError);
      assert.equal(
        (await collect(store.readAll())).map((x) => x.revision),
        [0n],
      );
    },
  );

  withStore('reads whose options are of none of the port\'s forms are refused, typed, when read',
    async (store) => {
      await store.appendToStream('loan-1', [deposit(), deposit(), deposit()]);
      const throwing = () => { throw new Error('unreadable'); };
      const revoked = Proxy.revocable({}, {});
      revoked.revoke(); // not even Array.isArray can ask it what it is
      const both: unknown[] = [
        { maxCount: 2n }, { maxCount: Number.NaN }, { maxCount: null }, { maxCount: {} },
        { direction: 'sideways' }, { get direction() { return throwing(); } }, 'all', 3,
        { direction: revoked.proxy }, { maxCount: revoked.proxy }, { direction: 'x'.repeat(1e6) },
      ];
      for (const options of [...both, { fromRevision: 1.5 }, { fromRevision: Symbol('1') }]) {
        const read = Reflect.apply(store.readStream, store, ['loan-1', options]);
        assert.instance(await rejection(collect(read)), InvalidReadError);
      }
      for (const options of [...both, { from: { commit: 1, prepare: 1 } }, { from: 'first' },
        { from: { commit: -1n, prepare: 0n } },
        { from: { get commit() { return throwing(); } } }]) {
        for (const direction of [undefined, 'backwards']) {
          const read = Reflect.apply(store.readAll, store,
            [typeof options === 'object' && options !== null && direction !== undefined
              && !('direction' in options) ? { ...options, direction } : options]);
          assert.instance(await rejection(collect(read)), InvalidReadError);
        }
      }
    });

  withStore('a read takes each option once: a getter answering otherwise later changes nothing',
    async (store) => {
      await store.appendToStream('loan-1', [deposit(), deposit(), deposit(), deposit()]);
      let reads = 0;
      const options = {
        get direction() {
          reads += 1;
          return reads === 1 ? 'forwards' : 'backwards';
        },
        fromRevision: 2n,
      };
      // Typed as the port's options would not admit a getter: passed as a JavaScript caller would.
      const read: unknown[] = await collect(
        Reflect.apply(store.readStream, store, ['loan-1', options]));
      assert.equal(read.map((e) => Reflect.get(Object(e), 'revision')), [2n, 3n]);
      assert.is(reads, 1);
    });

  withStore('a subscription whose options are of none of the port\'s forms is refused, typed, '
    + 'when first read', async (store) => {
    await store.appendToStream('loan-1', [deposit(), deposit()]);
    const [first] = await collect(store.readAll({ maxCount: 1 }));
    if (first === undefined) throw new Error('missing event');
    let reads = 0;
    // Not aborted to a loop, aborted to a wait: a look-alike that could spin a subscription.
    const lying = {
      get aborted() {
        reads += 1;
        return reads % 2 === 0;
      },
      addEventListener: () => {},
      removeEventListener: () => {},
    };
    const bad: unknown[] = [
      { signal: lying }, { signal: {} }, 'start', 7,
      { from: { commit: Number(first.position.commit), prepare: Number(first.position.prepare) } },
      { from: { commit: -1n, prepare: 0n } }, { from: null }, { from: 'latest' },
      { get from() { throw new Error('unreadable'); } },
    ];
    for (const options of bad) {
      const messages = Reflect.apply(store.subscribeToAll, store, [options]);
      assert.instance(await rejection(collect(messages)), InvalidReadError);
    }
    // From a real position, the event at it is not delivered again.
    const abort = new AbortController();
    const seen: string[] = [];
    for await (const m of store.subscribeToAll({ from: first.position, signal: abort.signal })) {
      if (m.kind === 'caught-up') abort.abort();
      else seen.push(`${m.event.stream}@${m.event.revision}`);
    }
    assert.equal(seen, ['loan-1@1']);
  });

  withStore(
    'a subscription catches up from an exclusive checkpoint, then goes live',
    async (store) => {
      await store.appendToStream('loan-1', [deposit(), deposit(), deposit()]);
      const [first] = await collect(store.readAll({ maxCount: 1 }));
      if (first === undefined) throw new Error('missing event');
      const abort = new AbortController();
      const seen: string[] = [];
      const live = deposit();
      const done = (async () => {
        for await (const m of store.subscribeToAll({
          from: first.position,
          signal: abort.signal,
        })) {
          if (m.kind === 'caught-up') {
            seen.push('caught-up');
            await store.appendToStream('loan-2', [live]);
          } else {
            seen.push(`${m.event.stream}@${m.event.revision}`);
            if (m.event.eventId === live.eventId) abort.abort();
          }
        }
      })();
      await done;
      assert.equal(seen, ['loan-1@1', 'loan-1@2', 'caught-up', 'loan-2@0']);
    },
  );

  withStore('options left out, undefined or null are every option\'s default', async (store) => {
    const port = store as unknown as {
      appendToStream: (s: string, e: unknown, o: unknown) =>
        Promise<{ nextExpectedRevision: bigint }>;
      readStream: (s: string, o: unknown) => AsyncIterable<{ eventId: string }>;
      readAll: (o: unknown) => AsyncIterable<{ eventId: string }>;
      subscribeToAll: (o: unknown) => AsyncIterable<{ kind: string }>;
    };
    const revisions: string[] = [];
    for (const o of [undefined, null]) {
      const r = await port.appendToStream('loan-1', [deposit()], o);
      revisions.push(`${r.nextExpectedRevision}`);
    }
    await store.appendToStream('loan-1', [deposit()]);
    const ids = async (read: AsyncIterable<{ eventId: string }>) =>
      (await collect(read)).map((e) => e.eventId);
    const all = await ids(store.readAll());
    assert.equal([revisions, all.length], [['0', '1'], 3]);
    for (const o of [undefined, null]) {
      assert.equal(await ids(port.readAll(o)), all, String(o));
      assert.equal(await ids(port.readStream('loan-1', o)), all, String(o));
      // A subscription from the start: the three events, then caught up.
      const kinds: string[] = [];
      for await (const m of port.subscribeToAll(o)) {
        kinds.push(m.kind);
        if (m.kind === 'caught-up') break;
      }
      assert.equal(kinds, ['event', 'event', 'event', 'caught-up'], String(o));
    }
  });

  test('a closed store refuses appends and reads', async () => {
    const store = await factory.create({ schema: testSchema, maxAppendBytes });
    await store.appendToStream('loan-1', [deposit()]);
    await store.close();
    assert.instance(await rejection(store.appendToStream('loan-1', [deposit()])), StoreClosedError);
    assert.instance(await rejection(collect(store.readAll())), StoreClosedError);
  });
};
