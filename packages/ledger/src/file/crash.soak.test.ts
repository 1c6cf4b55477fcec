import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { acknowledgedBeforeKill } from './killedChild.fixture.ts';
import { noteSchema } from './noteSchema.fixture.ts';
import { verifyLog } from './verifyLog.ts';

const kills = 22;

const child = new URL('./crashChild.fixture.ts', import.meta.url).pathname;

// Runs the child for `run`, killed `delayMs` after it is ready: the ids it acknowledged. Odd runs
// keep no space ahead of the log, even ones the default (1 MiB), so the log passes between both.
const runAndKill = (file: string, run: number, delayMs: number) =>
  acknowledgedBeforeKill(child, [file, String(run), ...(run % 2 === 1 ? ['0'] : [])], delayMs);

test(`every acknowledged append survives ${kills} SIGKILLs, with space ahead and without, and `
  + 'the chain verifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-crash-'));
  const file = join(dir, 'log.ndjson');
  const acknowledged: string[] = [];
  let torn = 0;
  try {
    for (let run = 1; run <= kills; run++) {
      acknowledged.push(...(await runAndKill(file, run, 5 + Math.floor(Math.random() * 60))));
      const store = await openFileEventStore({ file, schema: noteSchema });
      if (store.recovery !== undefined) torn++;
      const stored = new Set<string>();
      for await (const e of store.readAll()) stored.add(e.eventId);
      await store.close();
      const missing = acknowledged.filter((id) => !stored.has(id));
      assert.equal(missing, [], `run ${run}: acknowledged but lost`);
      const v = await verifyLog(file);
      const shown = JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? `${x}` : x));
      assert.is(v.ok && v.tornTail === undefined, true, `run ${run}: ${shown}`);
    }
    assert.ok(acknowledged.length > kills, `only ${acknowledged.length} acknowledged`);
    console.log(`  ${acknowledged.length} acknowledged events, ${torn} torn tails cut`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
