import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordedEvent } from '../eventStore/port.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { acknowledgedBeforeKill } from './killedChild.fixture.ts';
import { noteSchema, type Note } from './noteSchema.fixture.ts';
import { verifyLog } from './verifyLog.ts';

const kills = 10;

const child = new URL('./conditionalCrashChild.fixture.ts', import.meta.url).pathname;

// Runs the child for `run`, killed `delayMs` after it is ready: the ids it acknowledged.
const runAndKill = (file: string, run: number, delayMs: number) =>
  acknowledgedBeforeKill(child, [file, String(run)], delayMs);

// The child's ids: run, writer step i and place j; an append of step i holds 1 + i % 3 events.
const stepOf = (id: string): string => `${id.slice(0, 8)}:${Math.floor(
  Number.parseInt(id.slice(24), 16) / 8)}`;
const sizeOf = (step: string): number => 1 + (Number(step.split(':')[1]) % 3);

// Every conditional event was stored while its condition stream stood where its text says.
const conditionsHeld = (all: ReadonlyArray<RecordedEvent<Note>>): string[] => {
  const revision = new Map<string, bigint>();
  const broken: string[] = [];
  for (const e of all) {
    if (e.stream.startsWith('member-')) revision.set(e.stream, e.revision);
    if (!e.stream.startsWith('loan-')) continue;
    const [stream = '', at = ''] = e.data.text.split('@');
    const now = revision.get(stream);
    if ((now === undefined ? 'none' : `${now}`) !== at) broken.push(`${e.eventId} ${e.data.text}`);
  }
  return broken;
};

test(`a SIGKILL mid conditional append leaves nothing half-written (${kills} kills), and `
  + 'every conditional append stored met its condition', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-conditional-crash-'));
  const file = join(dir, 'log.ndjson');
  const acknowledged: string[] = [];
  let conditional = 0;
  try {
    for (let run = 1; run <= kills; run++) {
      acknowledged.push(...(await runAndKill(file, run, 5 + Math.floor(Math.random() * 60))));
      const store = await openFileEventStore({ file, schema: noteSchema });
      const all: Array<RecordedEvent<Note>> = [];
      for await (const e of store.readAll()) all.push(e);
      await store.close();
      const stored = new Set(all.map((e) => e.eventId));
      assert.equal(acknowledged.filter((id) => !stored.has(id)), [], `run ${run}: lost`);
      const steps = new Map<string, number>();
      for (const e of all) steps.set(stepOf(e.eventId), (steps.get(stepOf(e.eventId)) ?? 0) + 1);
      const partial = [...steps].filter(([step, n]) => n !== sizeOf(step));
      assert.equal(partial, [], `run ${run}: appends stored in part`);
      assert.equal(conditionsHeld(all), [], `run ${run}: stored on a moved condition`);
      conditional = all.filter((e) => e.stream.startsWith('loan-')).length;
      const v = await verifyLog(file);
      assert.is(v.ok && v.tornTail === undefined, true, `run ${run}: not verified`);
    }
    assert.ok(conditional > kills, `only ${conditional} conditional events stored`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
