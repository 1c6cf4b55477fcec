import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import type { EventStore } from '../eventStore/port.ts';
import { exportEventLog } from './exportLog.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { importEventLog } from './importLog.ts';
import { idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';
import { lastLineAt } from './logFile.fixture.ts';
import { InvalidEventError, StoreCorruptError } from '../eventStore/errors.ts';
import { StoreOptionsError } from '../eventStore/storeOptionFields.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import { generateSigningKeys } from './signingKeys.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-export-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const summary = async (store: EventStore<Note>) => {
  const out: string[] = [];
  for await (const e of store.readAll())
    out.push(`${e.stream}@${e.revision} ${e.eventId} ${e.data.text}`);
  return out;
};

const fill = async (store: EventStore<Note>) => {
  await store.appendToStream('loan-1', [note(idOf(1), 'a'), note(idOf(2), 'b')]);
  await store.appendToStream('member-9', [note(idOf(3), 'ç')]);
  await store.appendToStream('loan-1', [note(idOf(4), 'd')]);
};

test('in-memory -> file log -> file store keeps ids, order and revisions', async () => {
  const source = inMemoryEventStore({ schema: noteSchema });
  await fill(source);
  const file = join(dir, 'export.ndjson');
  const exported = await exportEventLog({ store: source, schema: noteSchema, file });
  assert.is(exported.events, 4);
  const v = await verifyLog(file);
  assert.equal(v, {
    ok: true, lines: 4, lastHash: exported.lastHash, tornTail: undefined,
    lastPosition: await lastLineAt(file),
    signatures: {
      checked: false, signed: 0, unsigned: 4, badlySigned: 0,
      firstUnsigned: { line: 1, offset: 0 }, firstBadlySigned: undefined,
      notSignedAfterAnchor: 0, firstNotSignedAfterAnchor: undefined, firstFault: undefined,
    },
  });
  const target = await openFileEventStore({ file: join(dir, 'target.ndjson'), schema: noteSchema });
  assert.equal(await importEventLog({ file, store: target, schema: noteSchema }), {
    events: 4,
    appends: 4,
  });
  assert.equal(await summary(target), await summary(source));
  await target.close();
});

test('a file store imports into an in-memory store batch by batch', async () => {
  const file = join(dir, 'source.ndjson');
  const source = await openFileEventStore({ file, schema: noteSchema });
  await fill(source);
  await source.close();
  const target = inMemoryEventStore({ schema: noteSchema });
  assert.equal(await importEventLog({ file, store: target, schema: noteSchema }), {
    events: 4,
    appends: 3,
  });
  const reread = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  assert.equal(await summary(target), await summary(reread));
  await reread.close();
});

test('a signed file store exports as the same bytes, signatures kept; '
  + 'an import with the key refuses an unsigned log', async () => {
  const keys = await generateSigningKeys({ dir });
  const file = join(dir, 'signed-source.ndjson');
  const source = await openFileEventStore({ file, schema: noteSchema,
    signingKey: { file: keys.privateKeyFile } });
  await fill(source);
  const copy = join(dir, 'signed-copy.ndjson');
  const exported = await exportEventLog({ store: source, schema: noteSchema, file: copy });
  assert.equal(exported, { events: 4, lastHash: source.lastHash() });
  // The log is the file's first `appendedBytes()`: space is set aside after it while open.
  const log = (await readFile(file)).subarray(0, source.appendedBytes());
  assert.ok((await readFile(copy)).equals(log));
  const publicKey = { file: keys.publicKeyFile };
  const v = await verifyLog(copy, { publicKey });
  assert.equal(v.ok ? [v.lines, v.signatures.signed, v.signatures.unsigned] : v, [4, 3, 0]);
  const into = inMemoryEventStore({ schema: noteSchema });
  assert.equal(await importEventLog({ file: copy, store: into, schema: noteSchema, publicKey }),
    { events: 4, appends: 3 });
  await source.close();
  const unsigned = join(dir, 'source.ndjson'); // written unsigned by the test above
  try {
    await importEventLog({ file: unsigned, store: into, schema: noteSchema, publicKey });
    assert.unreachable('an unsigned log was imported');
  } catch (e) {
    assert.instance(e, StoreCorruptError);
    if (e instanceof StoreCorruptError) assert.equal([e.where.line, e.reason],
      [2, 'append not signed by the key']);
  }
});

// The notes' schema refusing a note whose text is 'd' (the fourth event, in the third append).
const refusingD: EventSchema<Note> = {
  encode: (e) => noteSchema.encode(e),
  decode: (stored) => Reflect.get(Object(stored.data), 'text') === 'd'
    ? { _tag: 'Left', left: { field: 'data.text', message: 'not a text this schema takes' } }
    : noteSchema.decode(stored),
};

test('a log holding an event the schema refuses is refused before anything is imported',
  async () => {
    const file = join(dir, 'refused.ndjson');
    const source = await openFileEventStore({ file, schema: noteSchema });
    await fill(source);
    await source.close();
    const target = inMemoryEventStore({ schema: refusingD });
    const e = await importEventLog({ file, store: target, schema: refusingD })
      .then(() => undefined, (x: unknown) => x);
    assert.instance(e, InvalidEventError);
    assert.equal(e instanceof InvalidEventError && [e.stream, e.revision, e.eventType, e.field],
      ['loan-1', 2n, 'Noted', 'data.text']);
    // Before, the events of the first two appends were in the target: 3 of 4.
    assert.equal(await summary(target), []);
  });

test('an export\'s options of none of their forms are refused, typed, and nothing is written; '
  + 'a name it cannot take leaves no copy behind', async () => {
  const source = inMemoryEventStore({ schema: noteSchema });
  await fill(source);
  const folder = join(dir, 'refusals');
  await mkdir(folder);
  const file = join(folder, 'export.ndjson');
  const throwing = new Proxy({}, { get: () => { throw new Error('trap'); } });
  const refused: Array<[unknown, string]> = [
    [undefined, ''], [throwing, 'file'],
    ...[undefined, '', 42, throwing, 'a\0b'].map((f): [unknown, string] =>
      [{ store: source, schema: noteSchema, file: f }, 'file']),
    [{ store: undefined, schema: noteSchema, file }, 'store'],
    [{ store: throwing, schema: noteSchema, file }, 'store'],
    [{ store: {}, schema: noteSchema, file }, 'store'],
    [{ store: source, schema: {}, file }, 'schema.decode'],
  ];
  for (const [options, field] of refused) {
    const e = await Reflect.apply(exportEventLog, undefined, [options])
      .then(() => undefined, (x: unknown) => x);
    assert.instance(e, StoreOptionsError, field);
    assert.is(e instanceof StoreOptionsError && e.field, field);
  }
  // A folder of that name: the rename is refused, and the copy written beside it removed.
  await mkdir(file);
  const e = await exportEventLog({ store: source, schema: noteSchema, file })
    .then(() => undefined, (x: unknown) => x);
  assert.ok(e instanceof Error && Reflect.get(e, 'code') === 'EISDIR', String(e));
  assert.equal(await readdir(folder), ['export.ndjson']);
  assert.equal(await readdir(file), []);
});

test('an event of any store that a line cannot keep is refused, named, and nothing is written',
  async () => {
    const folder = join(dir, 'unkeepable');
    await mkdir(folder);
    const good = {
      ...note(idOf(1), 'a'), stream: 'loan-1', revision: 0n, position: { commit: 0n, prepare: 0n },
      recordedAt: new Date(Date.UTC(2025, 3, 1)),
    };
    const cases: Array<[object, string, string]> = [
      [{ recordedAt: new Date(Date.UTC(10000, 0, 1)) }, 'recordedAt',
        'not a Date of the years 0000-9999'],
      [{ recordedAt: new Date(Number.NaN) }, 'recordedAt', 'not a Date of the years 0000-9999'],
      [{ recordedAt: '2025-04-01T00:00:00.000Z' }, 'recordedAt',
        'not a Date of the years 0000-9999'],
      [{ revision: 1 }, 'revision', 'not a count (bigint)'],
      [{ revision: -1n }, 'revision', 'not a count (bigint)'],
      [{ eventId: idOf(10).toUpperCase() }, 'eventId', 'not a lowercase UUID'],
      [{ stream: '' }, 'stream', 'not a stream name a log can keep'],
    ];
    for (const [change, field, detail] of cases) {
      // A store of the port whose second event is changed: the first is written, then removed.
      const store = { readAll: async function* () {
        yield good;
        yield { ...good, eventId: idOf(2), revision: 1n, ...change };
      } };
      const file = join(folder, 'export.ndjson');
      // @ts-expect-error: a store yielding what no store of the library yields
      const e = await exportEventLog({ store, schema: noteSchema, file })
        .then(() => undefined, (x: unknown) => x);
      assert.ok(e instanceof InvalidEventError, `${field}: ${String(e)}`);
      assert.equal([e.field, e.detail], [field, detail]);
      assert.equal(await readdir(folder), []);
    }
    // The same store, unchanged, exports both.
    const store = { readAll: async function* () {
      yield good;
      yield { ...good, eventId: idOf(2), revision: 1n };
    } };
    const file = join(folder, 'export.ndjson');
    // @ts-expect-error: a store of the port with only the method an export calls
    assert.is((await exportEventLog({ store, schema: noteSchema, file })).events, 2);
    assert.equal(await readdir(folder), ['export.ndjson']);
  });

test('an event the app\'s schema encodes as nothing a line can hold is refused, named, and '
  + 'nothing is written', async () => {
  const folder = join(dir, 'unencodable');
  await mkdir(folder);
  const source = inMemoryEventStore({ schema: noteSchema });
  await fill(source);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases: Array<[(e: Note) => unknown, string, string]> = [
    [() => { throw new TypeError('x'); }, '', 'cannot be encoded (TypeError)'],
    [() => undefined, '', 'encoded as no object'],
    [() => revoked.proxy, '', 'cannot be encoded (TypeError)'],
    [(e) => ({ ...noteSchema.encode(e), type: 5 }), 'type',
      'encoded as a type that is not a valid event type name'],
    [(e) => ({ ...noteSchema.encode(e), type: 'Noted!' }), 'type',
      'encoded as a type that is not a valid event type name'],
    [() => { throw revoked.proxy; }, '', 'cannot be encoded (object)'],
    [(e) => ({ ...noteSchema.encode(e),
      data: { get text(): string { throw new RangeError('x'); } } }),
    'data', 'could not be read (RangeError)'],
    [(e) => ({ ...noteSchema.encode(e), metadata: revoked.proxy }), 'metadata',
      'could not be read (TypeError)'],
    // No JSON: named from the event, as an append names it.
    [(e) => ({ ...noteSchema.encode(e), data: { text: Number.NaN } }), 'data.text',
      'NaN is not a JSON number'],
    [(e) => ({ ...noteSchema.encode(e), metadata: Number.NaN }), 'metadata',
      'NaN is not a JSON number'],
  ];
  for (const [encode, field, detail] of cases) {
    // The second event of the log is the one encoded badly.
    let n = 0;
    const schema = { decode: noteSchema.decode,
      encode: (e: Note) => (n++ === 1 ? encode(e) : noteSchema.encode(e)) } as EventSchema<Note>;
    const e = await exportEventLog({ store: source, schema, file: join(folder, 'x.ndjson') })
      .then(() => undefined, (x: unknown) => x);
    assert.ok(e instanceof InvalidEventError, `${detail}: ${String(e)}`);
    assert.equal([e.stream, e.revision, e.field, e.detail], ['loan-1', 1n, field, detail]);
    assert.equal(await readdir(folder), []);
  }
});

test.run();
