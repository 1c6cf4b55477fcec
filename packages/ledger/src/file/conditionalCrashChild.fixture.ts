// Run by conditionalCrash.test.ts: appends conditioned on member streams in a bounded loop,
// while another writer moves those streams, printing each acknowledged event id, until the
// parent kills it with SIGKILL. Each conditional event's text names the condition it was
// stored under (`member-0@3`, `member-1@none`), for the parent to check against the log.
import { ConditionFailedError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { note, noteSchema } from './noteSchema.fixture.ts';

const [file = '', run = '0'] = process.argv.slice(2);
const store = await openFileEventStore({ file, schema: noteSchema });
process.stdout.write('ready\n');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const idFor = (i: number, j: number) =>
  `${hex(Number(run), 8)}-0000-4000-8000-${hex(i * 8 + j, 12)}`;

// The condition stream's last revision now, as a reader sees it.
const revisionOf = async (stream: string): Promise<bigint | 'no_stream'> => {
  for await (const e of store.readStream(stream,
    { direction: 'backwards', maxCount: 1, notFoundAsEmpty: true })) return e.revision;
  return 'no_stream';
};

const writer = async (w: number) => {
  for (let i = w; i < 4000; i += 4) {
    const events = Array.from({ length: 1 + (i % 3) }, (_, j) => note(idFor(i, j)));
    const condition = `member-${i % 2}`;
    if (w === 3) {
      await store.appendToStream(condition, events);
    } else {
      const revision = await revisionOf(condition);
      const text = `${condition}@${revision === 'no_stream' ? 'none' : revision}`;
      try {
        await store.appendToStream(`loan-${i % 5}`, events.map((e) => ({ ...e, data: { text } })),
          { conditions: [{ stream: condition, revision }] });
      } catch (e) {
        if (e instanceof ConditionFailedError) continue;
        throw e;
      }
    }
    process.stdout.write(`ack ${events.map((e) => e.eventId).join(' ')}\n`);
  }
};
await Promise.all([0, 1, 2, 3].map(writer));
await store.close();
process.stdout.write('done\n');
