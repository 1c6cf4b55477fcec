// The bound on the folded states held: the least recently used let go first, a state let go
// folded again from the store as it was, and a bound that cannot be used refused by name.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberWithSavings, memoryStore, products, testLedger } from '../testSupport.ts';
import { createLedger } from '../ledger/createLedger.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import {
  defaultStateCacheEntries, maxStateCacheEntries, StateCacheEntriesError, stateCacheEntriesOf,
} from './stateCacheEntries.ts';
import { streamStates } from './streamStates.ts';

const decider = aggregateDecider(products);

const statesOver = (entries?: number) => {
  const store = memoryStore();
  return { store, states: streamStates({ store, decider, observe: () => undefined, entries }) };
};

const held = (s: ReturnType<typeof statesOver>['states'], streams: ReadonlyArray<string>) =>
  streams.filter((x) => s.cached(x) !== undefined);

const streams = ['member-A', 'member-B', 'member-C', 'member-D', 'member-E'];

test('a bound of 3 holds exactly the 3 streams loaded last', async () => {
  const { states } = statesOver(3);
  for (const x of streams) await states.load(x, 'member');
  assert.is(states.size(), 3);
  assert.equal(held(states, streams), ['member-C', 'member-D', 'member-E']);
});

test('a state used is kept and the least recently used let go', async () => {
  const { states } = statesOver(2);
  await states.load('member-A', 'member');
  await states.load('member-B', 'member');
  assert.ok(states.cached('member-A') !== undefined); // A used after B: B is now the oldest
  await states.load('member-C', 'member');
  assert.is(states.size(), 2);
  assert.equal(held(states, streams), ['member-A', 'member-C']);
});

test('a bound of 0 holds no state, and load still folds the stream', async () => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '500');
  const states = streamStates({ store, decider, observe: () => undefined, entries: 0 });
  const s = await states.load('member-M1', 'member');
  assert.is(s.revision, 1n); // her admission, then her savings account's opening noted
  assert.is(states.size(), 0);
  assert.is(states.cached('member-M1'), undefined);
});

test('a state let go is folded again from the store to the same state and revision',
  async () => {
    const store = memoryStore();
    await memberWithSavings(await testLedger(store), 'M1', '500');
    const states = streamStates({ store, decider, observe: () => undefined, entries: 1 });
    const first = await states.load('deposit-SB-M1', 'deposit');
    await states.load('member-M1', 'member'); // lets the account go
    assert.is(states.cached('deposit-SB-M1'), undefined);
    const again = await states.load('deposit-SB-M1', 'deposit');
    assert.is(again.revision, 1n);
    assert.equal(again, first);
  });

test('the bound is the default when omitted, and any whole number from 0 to the most',
  () => {
    assert.is(stateCacheEntriesOf(undefined), defaultStateCacheEntries);
    assert.is(defaultStateCacheEntries, 4096);
    assert.is(stateCacheEntriesOf(0), 0);
    assert.is(stateCacheEntriesOf(maxStateCacheEntries), 1_048_576);
  });

const hostile: ReadonlyArray<[string, unknown, string]> = [
  ['negative', -1, 'got -1'], ['a fraction', 2.5, 'got 2.5'], ['NaN', Number.NaN, 'got NaN'],
  ['Infinity', Number.POSITIVE_INFINITY, 'got Infinity'],
  ['beyond the most', maxStateCacheEntries + 1, 'got 1048577'],
  ['a string', '4096', 'got string'], ['a bigint', 4096n, 'got bigint'],
  ['null', null, 'got null'], ['an object', { valueOf: () => 5 }, 'got object'],
];
for (const [what, value, got] of hostile) {
  test(`a bound that is ${what} is refused with StateCacheEntriesError naming the field`,
    async () => {
      const store = memoryStore();
      const e = await testLedger(store, { stateCacheEntries: value as number })
        .then(() => undefined, (x: unknown) => x);
      if (!(e instanceof StateCacheEntriesError)) throw new Error(`not refused: ${String(e)}`);
      assert.is(e.field, 'stateCacheEntries');
      assert.is(e.message, 'stateCacheEntries: not a whole number of states from 0 to '
        + `1048576 (${got})`);
      // Refused before anything was opened or written.
      let events = 0;
      for await (const _ of store.readAll()) events += 1;
      assert.is(events, 0);
    });
}

test('createLedger reads the bound once (a getter answering 5, then -1)', async () => {
  let reads = 0;
  const options = Object.defineProperty({ store: memoryStore(), products, resume: false },
    'stateCacheEntries', { get: () => (reads++ === 0 ? 5 : -1) });
  const ledger = await createLedger(options); // not through a spread, which reads it itself
  assert.is(reads, 1);
  await ledger.close();
});

test.run();
