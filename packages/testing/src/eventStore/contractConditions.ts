import fc from 'fast-check';
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import {
  ConditionFailedError, InvalidAppendError, StreamNotFoundError, WrongExpectedVersionError,
  type AppendCondition, type EventStore,
} from '@usha/ledger';
import { collect, rejection } from './collect.ts';
import { deposit } from './contractExamples.ts';
import type { StoreFactory } from './storeFactory.ts';
import { testSchema, type TestEvent } from './testCatalogue.ts';

const options = { schema: testSchema, maxAppendBytes: 1 << 20 };

// The ids a stream holds, none if it has no events (whether or not the store takes the hint).
const held = async (store: EventStore<TestEvent>, stream: string): Promise<string[]> => {
  try {
    const read = await collect(store.readStream(stream, { notFoundAsEmpty: true }));
    return read.map((e) => e.eventId);
  } catch (e) {
    if (e instanceof StreamNotFoundError) return [];
    throw e;
  }
};

const failed = async (
  p: Promise<unknown>, expected: Partial<ConditionFailedError>,
): Promise<void> => {
  const e = await rejection(p);
  assert.instance(e, ConditionFailedError);
  if (!(e instanceof ConditionFailedError)) return;
  assert.is(e.code, 'condition_failed');
  assert.equal(
    { stream: e.stream, conditionStream: e.conditionStream, expected: e.expected,
      actual: e.actual },
    expected,
  );
};

/**
 * Registers the rules of conditional appends (`AppendOptions.conditions`) on a store that
 * declares `appendConditions`; a store that does not must refuse conditions instead. The race
 * runs on stores that check conditions atomically with the append.
 */
export const contractConditions = (test: Test, factory: StoreFactory, numRuns: number): void => {
  const withStore = (name: string, body: (store: EventStore<TestEvent>) => Promise<void>) =>
    test(name, async () => {
      const store = await factory.create(options);
      try {
        if (store.appendConditions === undefined) {
          const e = await rejection(store.appendToStream('loan-1', [deposit()],
            { conditions: [{ stream: 'member-1', revision: 'no_stream' }] }));
          assert.instance(e, InvalidAppendError);
          return;
        }
        await body(store);
      } finally {
        await store.close();
      }
    });

  withStore('an append conditioned on streams at their revisions is stored', async (store) => {
    await store.appendToStream('member-1', [deposit(), deposit()]);
    const e = deposit();
    const r = await store.appendToStream('loan-1', [e], {
      expectedRevision: 'no_stream',
      conditions: [{ stream: 'member-1', revision: 1n }, { stream: 'staff-1',
        revision: 'no_stream' }],
    });
    assert.is(r.nextExpectedRevision, 0n);
    assert.equal(await held(store, 'loan-1'), [e.eventId]);
  });

  withStore('a condition stream that moved fails the append, and nothing is written',
    async (store) => {
      await store.appendToStream('member-1', [deposit()]);
      await store.appendToStream('loan-1', [deposit()]);
      const before = await held(store, 'loan-1');
      await store.appendToStream('member-1', [deposit()]);
      await failed(store.appendToStream('loan-1', [deposit(), deposit()], {
        expectedRevision: 0n, conditions: [{ stream: 'member-1', revision: 0n }],
      }), { stream: 'loan-1', conditionStream: 'member-1', expected: 0n, actual: 1n });
      assert.equal(await held(store, 'loan-1'), before);
      // A stream that came to exist fails a condition of no stream; one never written passes.
      await failed(store.appendToStream('loan-2', [deposit()], {
        conditions: [{ stream: 'staff-9', revision: 'no_stream' },
          { stream: 'member-1', revision: 'no_stream' }],
      }), { stream: 'loan-2', conditionStream: 'member-1', expected: 'no_stream', actual: 1n });
      await failed(store.appendToStream('loan-2', [deposit()], {
        conditions: [{ stream: 'staff-9', revision: 3n }],
      }), { stream: 'loan-2', conditionStream: 'staff-9', expected: 3n, actual: 'no_stream' });
      assert.equal(await held(store, 'loan-2'), []);
    });

  withStore('the target\'s own conflict is told apart from a failed condition', async (store) => {
    await store.appendToStream('loan-1', [deposit()]);
    const e = await rejection(store.appendToStream('loan-1', [deposit()], {
      expectedRevision: 5n, conditions: [{ stream: 'member-1', revision: 'no_stream' }],
    }));
    assert.instance(e, WrongExpectedVersionError);
  });

  withStore('malformed conditions are refused before anything is written', async (store) => {
    const bad: unknown[] = [
      [{ stream: '$system', revision: 0n }], [{ stream: 'member-1', revision: -1n }],
      [{ stream: 'member-1', revision: 0 }], [{ stream: 'member-1' }], 'member-1',
    ];
    for (const conditions of bad) {
      const e = await rejection(store.appendToStream('loan-1', [deposit()],
        { conditions: conditions as AppendCondition[] }));
      assert.instance(e, InvalidAppendError, JSON.stringify(conditions, (_, v: unknown) =>
        (typeof v === 'bigint' ? `${v}n` : v)));
    }
    assert.equal(await held(store, 'loan-1'), []);
  });

  withStore('conditions are read once, when the append is made: later changes to them do not '
    + 'count', async (store) => {
    await store.appendToStream('member-1', [deposit()]);
    // Emptied by the caller right after the call: the condition it held still decides.
    const conditions: AppendCondition[] = [{ stream: 'member-1', revision: 'no_stream' }];
    const emptied = store.appendToStream('loan-1', [deposit()], { conditions });
    conditions.length = 0;
    await failed(emptied, { stream: 'loan-1', conditionStream: 'member-1',
      expected: 'no_stream', actual: 0n });
    // A getter answers a true revision at the first read and a false one after: the first counts.
    let reads = 0;
    const shifting = {
      stream: 'member-1',
      get revision() {
        reads += 1;
        return reads === 1 ? 0n : 9n;
      },
    };
    const e = deposit();
    const r = await store.appendToStream('loan-1', [e], { conditions: [shifting] });
    assert.equal([r.nextExpectedRevision, reads], [0n, 1]);
    assert.equal(await held(store, 'loan-1'), [e.eventId]);
  });

  withStore('options of none of the port\'s forms, or that cannot be read, are refused, typed, '
    + 'and nothing is written', async (store) => {
      const throwing = () => { throw new Error('unreadable'); };
      const bad: unknown[] = [
        { get conditions() { return throwing(); } },
        { get expectedRevision() { return throwing(); } },
        { expectedRevision: Symbol('any') }, { expectedRevision: Object.create(null) },
        { expectedRevision: { toString: throwing } }, { expectedRevision: 5 },
        { expectedRevision: -1n }, { expectedRevision: 'latest' },
        { conditions: [{ stream: 'member-1', get revision() { return throwing(); } }] },
        { conditions: new Proxy([], { get: throwing }) },
        { conditions: Object.assign([], { length: 2 ** 32 - 1 }) },
        { conditions: [null] }, { conditions: [new String('member-1')] }, 'any', 7,
      ];
      for (const options of bad) {
        const e = await rejection(Reflect.apply(store.appendToStream, store,
          ['loan-1', [deposit()], options]));
        assert.instance(e, InvalidAppendError);
      }
      // A list whose length is no count is refused, never read as empty (which would drop
      // every condition); a revoked proxy, which even Array.isArray cannot ask, is named so.
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const lengthOf = (n: unknown) => new Proxy([{ stream: 'member-1', revision: 0n }], {
        get: (t, k) => (k === 'length' ? n : Reflect.get(t, k)) });
      const exact: Array<[unknown, string]> = [
        [{ conditions: lengthOf(-5) }, 'conditions: a length of -5'],
        [{ conditions: lengthOf(Number.NaN) }, 'conditions: a length of NaN'],
        [{ conditions: lengthOf('1') }, 'conditions: a length of "1"'],
        [{ expectedRevision: revoked.proxy }, 'expectedRevision: a revoked proxy'],
        [{ expectedRevision: 'x'.repeat(5_000_000) },
          `expectedRevision: "${'x'.repeat(120)}"... (5,000,000 characters)`],
      ];
      for (const [options, detail] of exact) {
        const e = await rejection(Reflect.apply(store.appendToStream, store,
          ['loan-1', [deposit()], options]));
        assert.instance(e, InvalidAppendError);
        assert.is(e instanceof InvalidAppendError && e.detail, detail);
      }
      assert.equal(await held(store, 'loan-1'), []);
    });

  withStore('a retry of a stored append is recognised whatever its conditions say',
    async (store) => {
      const events = [deposit(), deposit()];
      const conditions = [{ stream: 'member-1', revision: 'no_stream' as const }];
      const first = await store.appendToStream('loan-1', events,
        { expectedRevision: 'no_stream', conditions });
      await store.appendToStream('member-1', [deposit()]);
      const again = await store.appendToStream('loan-1', events,
        { expectedRevision: 'no_stream', conditions });
      assert.equal(again, first);
    });

  test('of conditional appends racing writes to their condition stream, none is stored after '
    + 'the condition stream moved', async () => {
    const probe = await factory.create(options);
    const support = probe.appendConditions;
    await probe.close();
    if (support !== 'atomic') return; // a check before the append leaves a window: no race
    await fc.assert(fc.asyncProperty(fc.scheduler(), fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 3 }), async (s, conditional, movers) => {
        const store = await factory.create(options);
        try {
          const r0 = (await store.appendToStream('member-1', [deposit()])).nextExpectedRevision;
          const appends = Array.from({ length: conditional }, (_, i) => s
            .schedule(Promise.resolve(i), `conditional ${i}`)
            .then(() => store.appendToStream(`loan-${i}`, [deposit()],
              { expectedRevision: 'no_stream', conditions: [{ stream: 'member-1',
                revision: r0 }] })));
          const moves = Array.from({ length: movers }, (_, i) => s
            .schedule(Promise.resolve(i), `mover ${i}`)
            .then(() => store.appendToStream('member-1', [deposit()])));
          const settled = await s.waitFor(Promise.allSettled(appends));
          await s.waitFor(Promise.allSettled(moves));
          // In the global order, each stored conditional event comes before any event of the
          // condition stream past r0; each refused one met the moved stream.
          const all = await collect(store.readAll());
          const firstMove = all.findIndex((e) => e.stream === 'member-1' && e.revision > r0);
          for (const [i, r] of settled.entries()) {
            const at = all.findIndex((e) => e.stream === `loan-${i}`);
            if (r.status === 'fulfilled') {
              assert.ok(at >= 0 && (firstMove < 0 || at < firstMove), `loan-${i} at ${at}`);
            } else {
              assert.instance(r.reason, ConditionFailedError);
              assert.is(at, -1);
              assert.ok(firstMove >= 0);
            }
          }
        } finally {
          await store.close();
        }
      }), { numRuns });
  });
};
