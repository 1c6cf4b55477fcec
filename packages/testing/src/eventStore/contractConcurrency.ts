import fc from 'fast-check';
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import { WrongExpectedVersionError, type ExpectedRevision } from '@usha/ledger';
import { collect } from './collect.ts';
import { deposit } from './contractExamples.ts';
import type { StoreFactory } from './storeFactory.ts';
import { testSchema } from './testCatalogue.ts';

/** Registers the race: writers with the same expected revision, exactly one of them wins. */
export const contractConcurrency = (test: Test, factory: StoreFactory, numRuns: number): void => {
  test('of concurrent writers with the same expected revision exactly one wins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 2, max: 6 }),
        fc.nat({ max: 2 }),
        async (s, writers, existing) => {
          const store = await factory.create({ schema: testSchema, maxAppendBytes: 1 << 20 });
          try {
            const stream = 'loan-race';
            let expected: ExpectedRevision = 'no_stream';
            if (existing > 0) {
              const before = Array.from({ length: existing }, () => deposit());
              expected = (await store.appendToStream(stream, before)).nextExpectedRevision;
            }
            const batches = Array.from({ length: writers }, () => [deposit(), deposit()]);
            const attempts = batches.map((events, i) =>
              s
                .schedule(Promise.resolve(i), `writer ${i}`)
                .then(() => store.appendToStream(stream, events, { expectedRevision: expected })),
            );
            const settled = await s.waitFor(Promise.allSettled(attempts));
            const won = settled.flatMap((r, i) =>
              r.status === 'fulfilled' ? [{ i, r: r.value }] : [],
            );
            assert.is(won.length, 1);
            const winner = won[0];
            if (winner === undefined) return;
            const after = (typeof expected === 'bigint' ? expected : -1n) + 2n;
            assert.is(winner.r.nextExpectedRevision, after);
            for (const r of settled) {
              if (r.status === 'fulfilled') continue;
              assert.instance(r.reason, WrongExpectedVersionError);
              if (r.reason instanceof WrongExpectedVersionError) {
                assert.is(r.reason.expected, expected);
                assert.is(r.reason.actual, after);
              }
            }
            const read = await collect(store.readStream(stream));
            const ids = read.slice(existing).map((e) => e.eventId);
            assert.equal(
              ids,
              batches[winner.i]?.map((e) => e.eventId),
            );
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns },
    );
  });
};
