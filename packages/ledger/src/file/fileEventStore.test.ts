import { fork } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as t from 'io-ts';
import {
  ConditionFailedError, InvalidEventError, StoreClosedError, StoreLockedError,
  StreamNotFoundError,
} from '../eventStore/errors.ts';
import { eventSchemaFromCodecs } from '../eventStore/eventSchema.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { lastLineAt } from './logFile.fixture.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-file-store-'));
let n = 0;
const fresh = () => join(dir, `log-${n++}.ndjson`);
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

test.after(() => rm(dir, { recursive: true, force: true }));

test('a line its codec refuses stops a read, naming stream, revision, type, field', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2), 'other'), note(idOf(3))]);
  await store.close();
  // A stricter reader: only 'hello' is a valid text (an identity codec: the `is` fast path).
  const hello = t.type({ text: t.literal('hello') });
  const strict = eventSchemaFromCodecs({ Noted: hello }, t.type({}));
  const reader = await openFileEventStore({ file, schema: strict, mode: 'read-only' });
  for (const read of [() => reader.readAll(), () => reader.readStream('loan-1')]) {
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const e of read()) seen.push(e.eventId);
    } catch (e) {
      failure = e;
    }
    assert.equal(seen, [idOf(1)]);
    assert.instance(failure, InvalidEventError);
    if (failure instanceof InvalidEventError) {
      assert.equal(
        [failure.stream, failure.revision, failure.eventType, failure.field],
        ['loan-1', 1n, 'Noted', 'data.text'],
      );
    }
  }
  await reader.close();
});

test('a torn last line is cut off and reported; acknowledged events stay', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await store.close();
  const size = (await stat(file)).size;
  await appendFile(file, '{"hash":"00');
  const reopened = await openFileEventStore({ file, schema: noteSchema });
  assert.equal(reopened.recovery, {
    line: 3,
    offset: size,
    bytes: 11,
    reason: 'a line without its newline',
    cutBytes: 11,
  });
  // Cut: what follows the last whole line is zeros (the space the open starts), if anything.
  assert.ok((await readFile(file)).subarray(size).every((b) => b === 0));
  assert.equal(
    (await collect(reopened.readAll())).map((e) => e.eventId),
    [idOf(1), idOf(2)],
  );
  await reopened.close();
  assert.is((await stat(file)).size, size);
});

test('an append whose lines were only partly written is cut off whole', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  const size = store.appendedBytes(); // the file holds space ahead too while open
  await store.appendToStream('loan-1', [note(idOf(2)), note(idOf(3)), note(idOf(4))]);
  await store.close();
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  await rm(file);
  await appendFile(file, `${lines.slice(0, 3).join('\n')}\n${lines[3]?.slice(0, 40)}`);
  const reopened = await openFileEventStore({ file, schema: noteSchema });
  assert.is(reopened.recovery?.line, 2);
  assert.is(reopened.recovery?.offset, size);
  assert.equal(
    (await collect(reopened.readAll())).map((e) => e.revision),
    [0n],
  );
  const r = await reopened.appendToStream('loan-1', [note(idOf(5))], { expectedRevision: 0n });
  assert.is(r.nextExpectedRevision, 1n);
  await reopened.close();
  assert.equal(await verifyLog(file), {
    ok: true,
    lines: 2,
    lastHash: reopened.lastHash(),
    tornTail: undefined,
    lastPosition: await lastLineAt(file),
    signatures: {
      checked: false, signed: 0, unsigned: 2, badlySigned: 0,
      firstUnsigned: { line: 1, offset: 0 }, firstBadlySigned: undefined,
      notSignedAfterAnchor: 0, firstNotSignedAfterAnchor: undefined, firstFault: undefined,
    },
  });
});

test('a second writer gets StoreLockedError; a read-only open is allowed', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  try {
    await openFileEventStore({ file, schema: noteSchema });
    assert.unreachable('second writer opened');
  } catch (e) {
    assert.instance(e, StoreLockedError);
  }
  const reader = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(
    (await collect(reader.readAll())).map((e) => e.eventId),
    [idOf(1)],
  );
  assert.instance(
    await reader.appendToStream('loan-1', [note(idOf(2))]).catch((e) => e),
    StoreClosedError,
  );
  await reader.close();
  await store.close();
  const again = await openFileEventStore({ file, schema: noteSchema });
  await again.close();
});

test('a writer in another process gets StoreLockedError', async () => {
  const file = fresh();
  const store = await openFileEventStore({ file, schema: noteSchema });
  const child = fork(new URL('./lockChild.fixture.ts', import.meta.url), [file], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  await new Promise((r) => child.on('exit', r));
  assert.is(out.trim(), 'StoreLockedError');
  await store.close();
});

test('concurrent appends share one commit (one write, one fsync, one recordedAt)', async () => {
  let tick = 0;
  const now = () => new Date(Date.UTC(2025, 3, 1, 0, 0, tick++));
  const store = await openFileEventStore({ file: fresh(), schema: noteSchema, now });
  await Promise.all([1, 2, 3, 4].map((i) => store.appendToStream(`loan-${i}`, [note(idOf(i))])));
  await store.appendToStream('loan-5', [note(idOf(5))]);
  const times = (await collect(store.readAll())).map((e) => e.recordedAt.getUTCSeconds());
  assert.equal(times, [0, 0, 0, 0, 1]);
  await store.close();
});

test('a stream never written: StreamNotFoundError, or an empty read if asked', async () => {
  const store = await openFileEventStore({ file: fresh(), schema: noteSchema });
  await store.appendToStream('loan-1', [note(idOf(1))]);
  let failure: unknown;
  try {
    await collect(store.readStream('loan-2'));
  } catch (e) {
    failure = e;
  }
  assert.instance(failure, StreamNotFoundError);
  assert.equal(await collect(store.readStream('loan-2', { notFoundAsEmpty: true })), []);
  const one = await collect(store.readStream('loan-1', { notFoundAsEmpty: true }));
  assert.equal(one.map((e) => e.eventId), [idOf(1)]);
  await store.close();
});

test('a condition is checked against the appends before it in the same group commit',
  async () => {
    const store = await openFileEventStore({ file: fresh(), schema: noteSchema });
    // Sent together, so they share one write: the move comes first, the condition fails.
    const [moved, conditioned] = await Promise.allSettled([
      store.appendToStream('member-1', [note(idOf(1))]),
      store.appendToStream('loan-1', [note(idOf(2))],
        { conditions: [{ stream: 'member-1', revision: 'no_stream' }] }),
    ]);
    assert.is(moved.status, 'fulfilled');
    assert.ok(conditioned.status === 'rejected'
      && conditioned.reason instanceof ConditionFailedError);
    // The other way round both are stored: the condition held when its append was written.
    const both = await Promise.all([
      store.appendToStream('loan-2', [note(idOf(3))],
        { conditions: [{ stream: 'member-1', revision: 0n }] }),
      store.appendToStream('member-1', [note(idOf(4))]),
    ]);
    assert.equal(both.map((r) => r.nextExpectedRevision), [0n, 1n]);
    const all = await collect(store.readAll());
    assert.equal(all.map((e) => e.eventId), [idOf(1), idOf(3), idOf(4)]);
    await store.close();
  });

test.run();
