import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { positionToString } from '../eventStore/position.ts';
import type { AppendResult } from '../eventStore/port.ts';
import { openFileEventStore, type FileEventStore } from './fileEventStore.ts';
import { everyClose, idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-index-checkpoint-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const streams = ['loan-0', 'loan-1', 'member-2', 'shares-3', 'loan-4'];
// An append: its stream, its size, and the text of its events (lines of several lengths).
const appendArb = fc.record({
  stream: fc.nat({ max: streams.length - 1 }),
  size: fc.integer({ min: 1, max: 3 }),
  text: fc.string({ maxLength: 12 }),
});

const row = (e: { stream: string; revision: bigint; eventId: string; data: Note['data'] },
  at: string) => `${e.stream}@${e.revision} ${e.eventId} ${JSON.stringify(e.data)} ${at}`;

// Everything a reader can see: each stream either way, the whole log either way, the end.
const contents = async (store: FileEventStore<Note>): Promise<string[]> => {
  const seen: string[] = [];
  for (const s of [...streams, 'loan-99']) {
    for (const direction of ['forwards', 'backwards'] as const) {
      const o = { direction, notFoundAsEmpty: true };
      for await (const e of store.readStream(s, o)) {
        seen.push(row(e, positionToString(e.position)));
      }
    }
  }
  for (const direction of ['forwards', 'backwards'] as const) {
    for await (const e of store.readAll({ direction })) seen.push(row(e, 'all'));
  }
  seen.push(store.lastHash(), String(store.appendedBytes()));
  return seen;
};

let runs = 0;
let ids = 0;
test('a store opened from its checkpoint reads as one opened by a scan, for any appends before '
  + 'and after it, and takes appends and retries as it would', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(appendArb, { maxLength: 12 }), fc.array(appendArb, { maxLength: 12 }),
    async (before, after) => {
      const file = join(dir, `log-${runs++}.ndjson`);
      const results: Array<{ stream: string; events: ReturnType<typeof note>[];
        result: AppendResult }> = [];
      const appendAll = async (store: FileEventStore<Note>, appends: typeof before) => {
        for (const a of appends) {
          const stream = streams[a.stream] ?? '';
          const events = Array.from({ length: a.size }, () => note(idOf(ids++), a.text));
          results.push({ stream, events, result: await store.appendToStream(stream, events) });
        }
      };
      const first = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
      await appendAll(first, before);
      await first.close();
      const writer = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
      assert.equal(writer.opened, { from: 'checkpoint', linesRead: 0 });
      const retried = results[0];
      if (retried !== undefined) {
        const again = await writer.appendToStream(retried.stream, retried.events);
        assert.equal(again, retried.result, 'a retry of an append before the checkpoint');
      }
      await appendAll(writer, after);
      const tailLines = after.reduce((n, a) => n + a.size, 0);
      // Read-only opens beside the writer: one from the checkpoint (the tail walked), one full.
      const tail = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
      const full = await openFileEventStore({
        file, schema: noteSchema, mode: 'read-only', verify: 'full',
      });
      assert.equal(tail.opened, { from: 'checkpoint', linesRead: tailLines });
      assert.equal(full.opened.from, 'scan');
      const expected = await contents(full);
      assert.equal(await contents(tail), expected);
      assert.equal(await contents(writer), expected);
      await Promise.all([tail.close(), full.close(), writer.close()]);
      const reopened = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
      assert.equal(reopened.opened, { from: 'checkpoint', linesRead: 0 });
      assert.equal(await contents(reopened), expected);
      await reopened.close();
    },
  ), { numRuns: 30 });
});

test.run();
