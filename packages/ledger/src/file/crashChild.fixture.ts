// Run by crash.soak.test.ts and logSpace.test.ts: appends in a bounded loop, printing each
// acknowledged event id, until the parent kills it with SIGKILL. Several appends are in flight at
// once, so the kill also lands inside group commits. The bound is far beyond what a child writes
// before its kill on a fast machine (4,000 appends once ended in under 300 ms, and a test that
// needs the kill to land mid-write then saw a closed log).
import { openFileEventStore } from './fileEventStore.ts';
import { note, noteSchema } from './noteSchema.fixture.ts';

// A third argument: the space to keep ahead of the log (absent: the store's default, 1 MiB).
const [file = '', run = '0', space] = process.argv.slice(2);
const store = await openFileEventStore({ file, schema: noteSchema,
  ...(space === undefined ? {} : { spaceAheadBytes: Number(space) }) });
process.stdout.write('ready\n');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const idFor = (i: number, j: number) =>
  `${hex(Number(run), 8)}-0000-4000-8000-${hex(i * 8 + j, 12)}`;

const writer = async (w: number) => {
  for (let i = w; i < 40000; i += 4) {
    const events = Array.from({ length: 1 + (i % 3) }, (_, j) =>
      note(idFor(i, j), 'x'.repeat(i % 50)),
    );
    await store.appendToStream(`loan-${i % 7}`, events);
    process.stdout.write(`ack ${events.map((e) => e.eventId).join(' ')}\n`);
  }
};
await Promise.all([0, 1, 2, 3].map(writer));
await store.close();
process.stdout.write('done\n');
