// Run by fileIndexCheckpointCrash.test.ts, killed with SIGKILL by the parent. Mode `tail`: appends
// `count` events in appends of two after the log's checkpoint, prints their ids once all are
// acknowledged, and waits to be killed (no close: no checkpoint covers them). Mode
// `checkpoints`: appends one event at a time with a checkpoint due after every append, so that
// a checkpoint is being written most of the time, printing each acknowledged id. Mode `opened`:
// opens with `checkpointOnCloseAfterBytes` `count` and no checkpoint beside the appends, so that
// an open that read half that or more writes one beside its first appends, then appends one
// event at a time, printing each acknowledged id.
import { openFileEventStore } from './fileEventStore.ts';
import { note, noteSchema } from './noteSchema.fixture.ts';

const [file = '', mode = 'tail', run = '0', count = '0'] = process.argv.slice(2);
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const idFor = (i: number) => `${hex(Number(run), 8)}-0000-4000-8000-${hex(i, 12)}`;

if (mode === 'tail') {
  const store = await openFileEventStore({ file, schema: noteSchema });
  const ids: string[] = [];
  for (let i = 0; i < Number(count); i += 2) {
    const events = [note(idFor(i)), note(idFor(i + 1))];
    await store.appendToStream(`loan-${i % 3}`, events);
    ids.push(...events.map((e) => e.eventId));
  }
  process.stdout.write(`ack ${ids.join(' ')}\n`);
  setInterval(() => {}, 1000); // killed here
} else if (mode === 'opened') {
  const store = await openFileEventStore({ file, schema: noteSchema,
    checkpointEveryBytes: Infinity, checkpointOnCloseAfterBytes: Number(count) });
  process.stdout.write('ready\n');
  for (let i = 0; i < 100_000; i++) {
    const e = note(idFor(i));
    await store.appendToStream(`loan-${i % 5}`, [e]);
    process.stdout.write(`ack ${e.eventId}\n`);
  }
} else {
  const store = await openFileEventStore({ file, schema: noteSchema, checkpointEveryBytes: 1 });
  process.stdout.write('ready\n');
  for (let i = 0; i < 100_000; i++) {
    const e = note(idFor(i));
    await store.appendToStream(`loan-${i % 5}`, [e]);
    process.stdout.write(`ack ${e.eventId}\n`);
  }
}
