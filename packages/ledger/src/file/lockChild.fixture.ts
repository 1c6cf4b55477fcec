// Run by fileEventStore.test.ts: tries to open a log another process holds for writing.
import { openFileEventStore } from './fileEventStore.ts';
import { noteSchema } from './noteSchema.fixture.ts';

const file = process.argv[2] ?? '';
try {
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.close();
  process.stdout.write('opened\n');
} catch (e) {
  process.stdout.write(`${e instanceof Error ? e.name : 'unknown'}\n`);
}
