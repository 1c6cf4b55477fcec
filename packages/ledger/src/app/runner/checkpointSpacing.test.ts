import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import { position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';
import { memoryCheckpointStore } from './checkpointStore.ts';
import { createProjectionRunner, eventsBeforeNextSave } from './projectionRunner.ts';
import type { RunnableProjection } from './runnableProjection.ts';

// A state that grows with every event (100 characters of JSON an event, as a projection that
// keeps a line per event does): a save's cost grows with the events applied before it.
const line = 'x'.repeat(98);
const growing: RunnableProjection<string[]> = {
  name: 'growing', version: 1,
  initialState: () => [],
  apply: (s, _e) => { s.push(line); return s; },
  serialize: (s) => s,
  deserialize: (j) => (Array.isArray(j) ? j.map(String) : []),
};

// A feed of `count` events (one real event, at new positions), then caught up: a long catch-up
// without writing a long log.
const feed = async (count: number): Promise<Pick<EventStore<LedgerEvent>, 'subscribeToAll'>> => {
  const store = memoryStore();
  await memberWithSavings(await testLedger(store), 'M1', '10');
  const [first] = await allEvents(store);
  if (first === undefined) throw new Error('no event written');
  const at = (i: number): RecordedEvent<LedgerEvent> =>
    ({ ...first, position: position(BigInt(i + 1)) });
  return {
    subscribeToAll: async function* () {
      for (let i = 0; i < count; i += 1) yield { kind: 'event', event: at(i) };
      yield { kind: 'caught-up' };
    },
  };
};

interface Run { saves: number; charsSerialized: number; lastState: number }

const catchUp = async (count: number): Promise<Run> => {
  const run: Run = { saves: 0, charsSerialized: 0, lastState: 0 };
  const memory = memoryCheckpointStore();
  const checkpoints = { load: memory.load, save: (text: string) => {
    run.saves += 1;
    run.charsSerialized += text.length;
    run.lastState = (JSON.parse(text) as { state: unknown[] }).state.length;
    return memory.save(text);
  } };
  const runner = createProjectionRunner({ store: await feed(count), projection: growing,
    checkpoints });
  await runner.start();
  await runner.caughtUp();
  await runner.stop();
  return run;
};

test('the next save waits one event per 256 characters of the last, at least every 1000',
  () => {
    const at = (chars: number) =>
      eventsBeforeNextSave({ everyEvents: 1000, charsPerEvent: 256, chars });
    assert.is(at(0), 1000);
    assert.is(at(256_000), 1000);
    assert.is(at(256_001), 1001);
    assert.is(at(25_600_000), 100_000);
  });

test('saves over a catch-up grow with the log\'s logarithm, not with the log', async () => {
  const small = await catchUp(50_000);
  const large = await catchUp(100_000);
  // Every 1000 events these would be 52 and 102 saves (50 and 100, caught up, stop).
  assert.is(small.saves, 13);
  assert.is(large.saves, 15);
  // Twice the log, a constant number of saves more (each gap is 1 + 100/256 times the one
  // before: the log of 2 to that base, about 2).
  assert.ok(large.saves - small.saves <= 3);
  // The last checkpoint holds every event: caught up and stopped after the last.
  assert.is(large.lastState, 100_000);
});

test('the characters serialized over a catch-up are linear in the events applied', async () => {
  const events = 100_000;
  const run = await catchUp(events);
  const finalState = 100 * events; // the saves on catching up and on stop hold it all
  // A save is as large as the one before (paid for at 256 characters an event of the gap)
  // plus what the state grew in the gap (100 an event here); then the two final saves. A save
  // every 1000 events would have serialized about 100 x 1000 x (1 + 2 + ... + 100) = 505
  // million characters.
  assert.ok(run.charsSerialized <= (256 + 100) * events + 2 * (finalState + 100),
    `${run.charsSerialized} characters serialized`);
  assert.ok(run.charsSerialized >= 2 * finalState);
});

test.run();
