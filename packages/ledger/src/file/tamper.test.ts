import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { everyClose, idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { lastLineAt } from './logFile.fixture.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { importEventLog } from './importLog.ts';
import { encodeLine, genesisHash } from './lineFormat.ts';
import { readLogForwards } from './readLogForwards.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-tamper-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// Ten lines: loan-1 and loan-2 alternating, one event per append.
const writeLog = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  for (let i = 1; i <= 10; i++)
    await store.appendToStream(`loan-${i % 2}`, [note(idOf(i), `n${i}`)]);
  await store.close();
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
};

// A full open names the line as verify does. An open from the index checkpoint verifies only
// what follows it: where the checkpoint still binds (the last line is where it was, intact) it
// opens and the first read of the line refuses; where it does not, the open scans and refuses.
const refusesAt = async (file: string, line: number, reason: RegExp, binds = true) => {
  const v = await verifyLog(file);
  assert.is(v.ok, false);
  if (v.ok) return;
  assert.is(v.line, line);
  assert.match(v.reason, reason);
  try {
    await openFileEventStore({
      file, schema: noteSchema, verify: binds ? 'full' : undefined, ...everyClose,
    });
    assert.unreachable('a damaged log opened');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
    if (e instanceof StoreCorruptError) assert.is(e.where.line, line);
  }
  if (!binds) return;
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(store.opened, { from: 'checkpoint', linesRead: 0 });
  try {
    for await (const _ of store.readAll()) continue;
    assert.unreachable('a damaged line read');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
  } finally {
    await store.close();
  }
};

test('one changed byte in a middle line: verify and open name that line', async () => {
  const file = join(dir, 'byte.ndjson');
  const lines = await writeLog(file);
  const five = lines[4] ?? '';
  lines[4] = five.replace('"n5"', '"n6"');
  assert.is.not(lines[4], five);
  await writeFile(file, `${lines.join('\n')}\n`);
  await refusesAt(file, 5, /hash does not match/);
});

test('a changed byte in the hash itself names the line after it', async () => {
  const file = join(dir, 'hash.ndjson');
  const lines = await writeLog(file);
  const three = lines[2] ?? '';
  lines[2] = three.slice(0, 9) + (three[9] === 'a' ? 'b' : 'a') + three.slice(10);
  await writeFile(file, `${lines.join('\n')}\n`);
  await refusesAt(file, 3, /hash does not match/);
});

test('a deleted line: the next line no longer links to the one before', async () => {
  const file = join(dir, 'deleted.ndjson');
  const lines = await writeLog(file);
  lines.splice(6, 1);
  await writeFile(file, `${lines.join('\n')}\n`);
  await refusesAt(file, 7, /prev is not the hash/, false);
});

test('a rehashed line with a skipped revision is refused too', async () => {
  const file = join(dir, 'swapped.ndjson');
  const lines = await writeLog(file);
  const [a, b] = [lines[3] ?? '', lines[5] ?? ''];
  lines[3] = b;
  lines[5] = a;
  await writeFile(file, `${lines.join('\n')}\n`);
  await refusesAt(file, 4, /prev is not the hash/);
});

// A log of one-event appends written line by line as the store writes them, to any names.
const logOf = (names: readonly string[]): string => {
  let prev = genesisHash;
  let text = '';
  const revisions = new Map<string, bigint>();
  for (const [i, stream] of names.entries()) {
    const revision = revisions.get(stream) ?? 0n;
    revisions.set(stream, revision + 1n);
    const line = encodeLine({ batchIndex: 0, batchSize: 1, dataJson: `{"text":"n${i}"}`,
      eventId: idOf(i + 1), metadataJson: '{}', prev, recordedAt: '2025-04-01T05:30:00.000Z',
      revision, stream, type: 'Noted' });
    text += line.line;
    prev = line.hash;
  }
  return text;
};

test('a line whose stream name no store writes, its hash and chain made right: verify, open '
  + 'and a forward read name it', async () => {
  const file = join(dir, 'escape.ndjson');
  // The same log with a name a store writes in the second line: it verifies and opens.
  await writeFile(file, logOf(['loan-1', 'loan-2', 'loan-1']));
  assert.is((await verifyLog(file)).ok, true);
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  await store.close();
  // The second line's stream named with a terminal's escape sequence.
  await writeFile(file, logOf(['loan-1', 'loan-\u001b[2J', 'loan-1']));
  const v = await verifyLog(file);
  assert.equal(v.ok ? v : [v.line, v.reason], [2, 'stream: not a name a store writes']);
  const refusal = async (read: () => Promise<unknown>) => {
    try {
      await read();
      return 'read';
    } catch (e) {
      if (!(e instanceof StoreCorruptError)) throw e;
      return [e.where.line, e.reason];
    }
  };
  const named = [2, 'stream: not a name a store writes'];
  assert.equal(await refusal(() =>
    openFileEventStore({ file, schema: noteSchema, mode: 'read-only' })), named);
  assert.equal(await refusal(async () => {
    for await (const _ of readLogForwards({ file, schema: noteSchema })) continue;
  }), named);
  const into = inMemoryEventStore({ schema: noteSchema });
  assert.equal(await refusal(() => importEventLog({ file, store: into, schema: noteSchema })),
    named);
  let stored = 0;
  for await (const _ of into.readAll()) stored += 1;
  assert.is(stored, 0, 'nothing imported');
});

test('an intact log verifies, and its last hash is the store’s', async () => {
  const file = join(dir, 'intact.ndjson');
  await writeLog(file);
  const store = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(await verifyLog(file), {
    ok: true,
    lines: 10,
    lastHash: store.lastHash(),
    tornTail: undefined,
    lastPosition: await lastLineAt(file),
    signatures: {
      checked: false, signed: 0, unsigned: 10, badlySigned: 0,
      firstUnsigned: { line: 1, offset: 0 }, firstBadlySigned: undefined,
      notSignedAfterAnchor: 0, firstNotSignedAfterAnchor: undefined, firstFault: undefined,
    },
  });
  await store.close();
});

test.run();
