// A store closed by code an append runs (an encode, a getter) while the append is being
// prepared: the append must be refused as closed, never written by a handle being closed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreClosedError } from '../eventStore/errors.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import { openFileEventStore, type FileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-close-append-'));
test.after(() => rm(dir, { recursive: true, force: true }));

test('an append whose encode closes the store is refused as closed and writes nothing',
  async () => {
    const file = join(dir, 'log.ndjson');
    let store: FileEventStore<Note> | undefined;
    let closing: Promise<void> | undefined;
    const schema: EventSchema<Note> = {
      decode: noteSchema.decode,
      encode: (e) => {
        if (e.data.text === 'close') closing ??= store?.close();
        return noteSchema.encode(e);
      },
    };
    store = await openFileEventStore({ file, schema });
    await store.appendToStream('notes-1', [note(idOf(1))]);
    // The log's lines: the space set aside after them is given back by the close.
    const before = (await readFile(file)).subarray(0, store.appendedBytes());
    const outcome = await store.appendToStream('notes-1', [note(idOf(2), 'close')])
      .then(() => 'written', (e: unknown) => e);
    await closing;
    assert.ok(outcome instanceof StoreClosedError, String(outcome));
    assert.is((outcome as Error).message.includes('the store is closed'), true,
      (outcome as Error).message);
    const after = await readFile(file);
    assert.ok(after.equals(before), `the log as it was: ${after.length} against ${before.length}`);
  });

test.run();
