import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { fileCheckpointStore, memoryCheckpointStore } from './checkpointStore.ts';
import {
  createProjectionRunner, ProjectionRunnerOptionsError, ProjectionRunnerStoppedError,
} from './projectionRunner.ts';
import type { RunnableProjection } from './runnableProjection.ts';
import { position } from '../../eventStore/position.ts';

// Counts events and sums money deposited, in paise: a double-counted or lost event shows.
interface Tally { events: number; depositedMinor: bigint }
const tally: RunnableProjection<Tally> = {
  name: 'tally', version: 1,
  initialState: () => ({ events: 0, depositedMinor: 0n }),
  apply: (s, e) => ({
    events: s.events + 1,
    depositedMinor: s.depositedMinor +
      (e.type === 'Deposited' ? BigInt(e.data.amount.replace('.', '')) : 0n),
  }),
  serialize: (s) => ({ events: s.events, depositedMinor: String(s.depositedMinor) }),
  deserialize: (j) => ({ events: Number(Reflect.get(Object(j), 'events')),
    depositedMinor: BigInt(String(Reflect.get(Object(j), 'depositedMinor'))) }),
};

test('after a restart the runner resumes without losing or double-counting', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-runner-'));
  try {
    const file = join(dir, 'log.ndjson');
    const checkpoints = fileCheckpointStore(join(dir, 'tally.json'));
    let store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const ledger = await testLedger(store, { projection: tally, checkpoints,
      checkpointEveryEvents: 4 });
    await memberWithSavings(ledger, 'M1', '1000');
    const last = ok(await ledger.makeDeposit({ commandId: 'd-2', actor: 'clerk',
      on: '2024-04-02', accountId: 'SB-M1', amount: '250', source: 'cash' }));
    if (last.status !== 'accepted') return;
    // Read your writes: wait for the command's position, then query.
    const seen = await ledger.projection({ after: last.position });
    // Her savings account's opening is noted on her stream too: 6 events.
    assert.equal(seen, { events: 6, depositedMinor: 125000n });
    // Killed: no stop, no final checkpoint; the one on disk is from the 4th event.
    ledger.runner?.stop();
    await store.close();
    store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const more = await testLedger(store, { projection: tally, checkpoints });
    const d3 = ok(await more.makeDeposit({ commandId: 'd-3', actor: 'clerk', on: '2024-04-03',
      accountId: 'SB-M1', amount: '0.5', source: 'cash' }));
    if (d3.status !== 'accepted') return;
    const after = await more.projection({ after: d3.position });
    assert.equal(after, { events: 7, depositedMinor: 125050n });
    await more.close();
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a checkpoint of another version is dropped and the projection rebuilt', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-runner-'));
  try {
    const checkpoints = fileCheckpointStore(join(dir, 'tally.json'));
    await checkpoints.save(JSON.stringify({ projection: 'tally@0', position: 'C:999/P:999',
      state: { events: 99, depositedMinor: '1' } }));
    const store = memoryStore();
    await memberWithSavings(await testLedger(store), 'M1', '10');
    const runner = createProjectionRunner({ store, projection: tally, checkpoints });
    await runner.start();
    await runner.caughtUp();
    assert.equal(runner.state(), { events: 5, depositedMinor: 1000n });
    await runner.stop();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a checkpoint that is no JSON, cut short, or whose state the projection cannot read back '
  + 'is dropped and the projection rebuilt: the Ledger opens', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-runner-'));
  try {
    const store = memoryStore();
    await memberWithSavings(await testLedger(store), 'M1', '10');
    const good = JSON.stringify({ projection: 'tally@1', position: 'C:999/P:999',
      state: { events: 99, depositedMinor: '1' } });
    for (const [i, text] of ['', 'garbage', good.slice(0, good.length / 2),
      JSON.stringify({ projection: 'tally@1', position: 'C:1/P:1',
        state: { events: 1, depositedMinor: 'not a number' } })].entries()) {
      const checkpoints = fileCheckpointStore(join(dir, `tally-${i}.json`));
      await checkpoints.save(text);
      const ledger = await testLedger(store, { projection: tally, checkpoints });
      await ledger.runner?.caughtUp();
      assert.equal(await ledger.projection(), { events: 5, depositedMinor: 1000n }, text);
      await ledger.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// The tally, counting how often its state is serialized: each time is a pass over all of it.
const counted = () => {
  const calls = { serialize: 0 };
  const projection: RunnableProjection<Tally> = {
    ...tally, serialize: (s) => { calls.serialize += 1; return tally.serialize(s); },
  };
  return { calls, projection };
};

test('a runner without a checkpoint store never serializes its state', async () => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '10');
  const { calls, projection } = counted();
  const runner = createProjectionRunner({ store, projection, checkpointEveryEvents: 1 });
  await runner.start();
  await runner.caughtUp();
  await runner.checkpoint();
  await runner.stop();
  assert.equal(runner.state(), { events: 5, depositedMinor: 1000n });
  assert.is(calls.serialize, 0);
});

test('a runner saves once per checkpointEveryEvents events and once on catching up', async () => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '10');
  const { calls, projection } = counted();
  const saved: string[] = [];
  const memory = memoryCheckpointStore();
  const checkpoints = { load: memory.load,
    save: (text: string) => { saved.push(text); return memory.save(text); } };
  const runner = createProjectionRunner({ store, projection, checkpoints,
    checkpointEveryEvents: 2 });
  await runner.start();
  await runner.caughtUp();
  await runner.checkpoint();
  // After the 2nd and 4th of 5 events, on catching up, and the one asked for (which waits
  // for the others to be written): 4 saves, each serializing once.
  assert.is(saved.length, 4);
  assert.is(calls.serialize, 4);
  assert.equal(JSON.parse(saved[1] ?? '{}').state, { events: 4, depositedMinor: '0' });
  assert.equal(JSON.parse(saved[2] ?? '{}').state, { events: 5, depositedMinor: '1000' });
  await runner.stop();
});

// A feed that fails, before catching up, with the error given.
const failingFeed = (error: Error) => ({
  subscribeToAll: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
  }),
});

// A feed that never sends anything until it is aborted, and then ends.
const silentFeed = () => ({
  subscribeToAll: (o?: { signal?: AbortSignal }) => ({
    [Symbol.asyncIterator]: () => ({
      next: () => new Promise<IteratorResult<never>>((resolve) => {
        if (o?.signal?.aborted === true) { resolve({ done: true, value: undefined }); return; }
        o?.signal?.addEventListener('abort', () => resolve({ done: true, value: undefined }));
      }),
    }),
  }),
});

const later = () => position(99999n, 99999n);

// What a promise settles to: the error it was refused with, or 'resolved'.
const refusal = (p: Promise<void>): Promise<unknown> => p.then(() => 'resolved', (e) => e);

test('a feed that fails refuses caughtUp and waitFor with its error, never hangs', async () => {
  const broken = new Error('subscription lost');
  const runner = createProjectionRunner({ store: failingFeed(broken), projection: tally });
  const before = runner.caughtUp();
  const waiting = runner.waitFor(later());
  await runner.start();
  assert.is(await refusal(before), broken);
  assert.is(await refusal(waiting), broken);
  assert.is(await refusal(runner.caughtUp()), broken);
  assert.is(await refusal(runner.waitFor(later())), broken);
});

test('a runner stopped before catching up refuses the waits left (typed), never hangs',
  async () => {
  const runner = createProjectionRunner({ store: silentFeed(), projection: tally });
  await runner.start();
  const catching = runner.caughtUp();
  const waiting = runner.waitFor(later());
  await runner.stop();
  const caught = await refusal(catching);
  assert.instance(caught, ProjectionRunnerStoppedError);
  assert.is((caught as Error).message, 'projection tally@1 stopped before catching up');
  const waited = await refusal(waiting);
  assert.instance(waited, ProjectionRunnerStoppedError);
  assert.is((waited as Error).message,
    'projection tally@1 stopped before position C:99999/P:99999');
  assert.instance(await refusal(runner.caughtUp()), ProjectionRunnerStoppedError);
  assert.instance(await refusal(runner.waitFor(later())), ProjectionRunnerStoppedError);
});

test('a runner that caught up still answers caughtUp after it stops', async () => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '10');
  const runner = createProjectionRunner({ store, projection: tally });
  await runner.start();
  await runner.caughtUp();
  await runner.stop();
  await runner.caughtUp();
  const at = runner.position();
  if (at === undefined) throw new Error('no position after catching up');
  await runner.waitFor(at);
});

test('options it cannot use are refused when the runner is made, naming the field: a count of '
  + 'NaN (it never saved), a projection or feed without its methods, a checkpoint store '
  + 'without save', () => {
  const store = memoryStore();
  const refused = (options: Record<string, unknown>) => {
    try {
      createProjectionRunner(Object.assign({ store, projection: tally }, options) as never);
      return 'made';
    } catch (e) {
      return e instanceof ProjectionRunnerOptionsError ? [e.field, e.reason] : e;
    }
  };
  const count = 'not a whole number from 1 to 1000000000';
  assert.equal(refused({ checkpointEveryEvents: NaN }), ['checkpointEveryEvents', count]);
  assert.equal(refused({ checkpointEveryEvents: 0 }), ['checkpointEveryEvents', count]);
  assert.equal(refused({ checkpointCharsPerEvent: -1 }), ['checkpointCharsPerEvent', count]);
  assert.equal(refused({ projection: { ...tally, apply: 1 } }),
    ['projection.apply', 'not a function']);
  assert.equal(refused({ projection: undefined }), ['projection', 'required']);
  assert.equal(refused({ store: {} }), ['store.subscribeToAll', 'not a function']);
  assert.equal(refused({ checkpoints: { load: async () => undefined } }),
    ['checkpoints.save', 'not a function']);
  assert.is(refused({ checkpoints: memoryCheckpointStore(), checkpointEveryEvents: 5 }),
    'made');
});

test.run();
