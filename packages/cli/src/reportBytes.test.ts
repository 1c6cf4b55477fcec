// A report scans the log for reversals' targets, then replays it: both must read the same
// bytes, though the writer appends meanwhile into the space it keeps ahead of the log (when
// it is given some to keep: `spaceAheadBytes`).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  eventSchemaFromCodecs, logEnd, openFileEventStore, readLogForwards,
} from '@usha/ledger';
import { reversedEventIds } from './reversedEventIds.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-report-bytes-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const schema = eventSchemaFromCodecs({
  Noted: t.type({ text: t.string }),
  NoteReversed: t.type({ reversedEventId: t.string }),
}, t.type({}));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

test('the scan and the replay of a report read the same bytes while the writer appends: no '
  + 'reversal is replayed whose target the scan did not see', async () => {
  const file = join(dir, 'live.ndjson');
  const store = await openFileEventStore({ file, schema, now: () => new Date(0),
    spaceAheadBytes: 1 << 20 });
  try {
    await store.appendToStream('loan-1',
      [{ eventId: id(1), type: 'Noted', data: { text: 'a' }, metadata: {} }]);
    const bytes = await logEnd(file);
    assert.ok((await stat(file)).size > bytes, 'the file has space ahead');
    const reversed = await reversedEventIds(file, bytes);
    await store.appendToStream('loan-1', [{
      eventId: id(2), type: 'NoteReversed', data: { reversedEventId: id(1) }, metadata: {},
    }]);
    const replayed: string[] = [];
    for await (const e of readLogForwards({ file, schema, bytes })) replayed.push(e.eventId);
    assert.equal([[...reversed], replayed], [[], [id(1)]]);
    assert.equal([...await reversedEventIds(file, await logEnd(file))], [id(1)]);
  } finally {
    await store.close();
  }
});

test.run();
