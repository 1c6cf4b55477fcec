import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyOf, type KeyOf } from '../../offHeap/keyHash.ts';
import { weakKey } from '../../offHeap/weakKey.fixture.ts';
import { commandIndex, type CommandEvent } from './commandIndex.ts';
import { plainCommandIndex } from './plainCommandIndex.ts';

const ids = ['c1', 'c2', 'd1', 'd22', 'ç', 'retry-1'];
const streams = ['deposit-SB1', 'deposit-SB2', 'loan-L1'];
const op = fc.oneof(
  fc.record({
    commandId: fc.constantFrom(...ids), stream: fc.constantFrom(...streams),
    events: fc.integer({ min: 1, max: 3 }), type: fc.constantFrom('MakeDeposit', 'Withdraw'),
  }),
  fc.record({ revisit: fc.nat() }), // a stream read again: events already seen, seen again
);

const check = (keyFn: KeyOf) => fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
  const index = commandIndex(keyFn);
  const model = plainCommandIndex();
  const seen: CommandEvent[] = [];
  const next = new Map<string, bigint>();
  const observe = (e: CommandEvent) => {
    index.observe(e);
    model.observe(e);
  };
  for (const o of ops) {
    if ('revisit' in o) {
      const e = seen[o.revisit % Math.max(1, seen.length)];
      if (e !== undefined) observe(e);
      continue;
    }
    for (let i = 0; i < o.events; i++) {
      const revision = next.get(o.stream) ?? 0n;
      next.set(o.stream, revision + 1n);
      const metadata = { commandId: o.commandId, commandType: o.type, commandHash: `h-${o.type}` };
      const e = { stream: o.stream, revision, metadata };
      seen.push(e);
      observe(e);
    }
  }
  assert.is(index.size(), model.size());
  for (const id of [...ids, 'absent']) assert.equal(index.get(id), model.get(id), id);
});

test('the off-heap command index answers as a Map does, under a key where ids collide', () => {
  fc.assert(check(weakKey));
});

test('the off-heap command index answers as a Map does, under the 64-bit key', () => {
  fc.assert(check(keyOf));
});

test.run();
