import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { streamLocks } from './streamLocks.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('tasks sharing a stream run one at a time, in the order they asked', async () => {
  const locks = streamLocks();
  const seen: string[] = [];
  const task = (name: string) => async () => {
    seen.push(`${name} in`);
    await tick();
    seen.push(`${name} out`);
    return name;
  };
  const r = await Promise.all([
    locks.holding(['member-M1', 'shares-M1'], task('exit')),
    locks.holding(['shares-M1', 'member-M1'], task('purchase')),
    locks.holding(['savings-SB1'], task('deposit')),
  ]);
  assert.equal(r, ['exit', 'purchase', 'deposit']);
  const at = (x: string) => seen.indexOf(x);
  assert.ok(at('exit out') < at('purchase in'), seen.join(', '));
  // The deposit holds another stream: it runs beside the exit, not after it.
  assert.ok(at('deposit in') < at('exit out'), seen.join(', '));
});

test('a task that fails lets the next one run', async () => {
  const locks = streamLocks();
  const first = locks.holding(['a'], () => Promise.reject(new Error('refused')));
  const second = locks.holding(['a', 'b'], () => Promise.resolve('ran'));
  await first.then(() => assert.unreachable(), (e: unknown) =>
    assert.is(e instanceof Error && e.message, 'refused'));
  assert.is(await second, 'ran');
});

test('no two tasks holding a common stream ever run at once, and every task ends', async () => {
  const streams = fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 });
  await fc.assert(fc.asyncProperty(fc.array(streams, { maxLength: 12 }), async (asks) => {
    const locks = streamLocks();
    const held = new Set<string>();
    const ended = await Promise.all(asks.map((keys, n) => locks.holding(keys, async () => {
      for (const k of keys) assert.not.ok(held.has(k), `${k} held twice`);
      for (const k of keys) held.add(k);
      await tick();
      for (const k of keys) held.delete(k);
      return n;
    })));
    assert.equal(ended, asks.map((_, n) => n));
  }), { numRuns: 200 });
});

test.run();
