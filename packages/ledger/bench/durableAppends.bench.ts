// Durable appends of 100 events, one after another, side by side in one run:
//   floor  - what any writer of this hash-chained format must do, nothing checked: the JSON
//            text of data and metadata (JSON.stringify, then UTF-8), each line written by the
//            store's own line writer and its SHA-256, one write + fdatasync, both synchronous
//            calls (the least a writer does: no hand-off to the thread pool);
//   floorDsync - the same through an O_DSYNC handle (one write call, durable on return, no
//            fdatasync), as the store writes where the platform has O_DSYNC;
//   floorAhead - the O_DSYNC floor writing over zero-filled space set aside ahead, grown a step
//            (spaceStepBytes) at a time by the store's own logSpace.ts, as the store writes by
//            default: what the store is measured against when both write the same way;
//   store  - the embedded file store's appendToStream, each append durable when it resolves
//            (its default `durableWrites: 'blocking'`: one synchronous O_DSYNC write);
//   storeThreaded - the same with `durableWrites: 'threaded'`, the write made in the thread
//            pool (the store's only way before 2026-12-06);
//   storeNoSpace - the store with `spaceAheadBytes: 0`, each append growing the file (its
//            default before space set aside became the default);
//   sqlite - better-sqlite3, WAL mode, synchronous=FULL, one transaction per append: the
//            least an event store in SQLite needs;
//   sqliteStore - the same, laid out as event stores on SQLite are (sqliteEventStore.ts):
//            each event id unique in the store, the stream's expected revision checked and
//            its version kept in a streams table, inside the append's transaction.
// Each is run `ROUNDS` times, in a rotating order so none always goes first; the best counts.
// Run: npx -y pnpm@10 bench durableAppends (BATCHES=500 for a quicker run). BEFORE=<dir> adds
// the store of another copy of this package (`git archive <commit> packages/ledger`, with its
// node_modules) as `before`, to compare two versions in one run.
import { constants, fdatasyncSync, writeSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byteSink, putText } from '../src/eventStore/byteSink.ts';
import { dataKey, eventIdKey, metadataKey } from '../src/eventStore/prepareAppend.ts';
import { lineBatch } from '../src/file/lineBatch.ts';
import { logSpace, spaceStepBytes } from '../src/file/logSpace.ts';
import { genesisHash } from '../src/file/lineFormat.ts';
import { openFileEventStore } from '../src/index.ts';
import { sqliteDatabase } from './sqliteDatabase.ts';
import { openSqliteEventStore } from './sqliteEventStore.ts';
import { repayment, schema } from './repaymentEvents.ts';

const batchCount = Number(process.env['BATCHES'] ?? 2000);
const rounds = Number(process.env['ROUNDS'] ?? 5);
const perBatch = 100;

const batches = Array.from({ length: batchCount }, (_, b) =>
  Array.from({ length: perBatch }, () => repayment(b)));
const streamOf = (b: number) => `loan-L${b}`;

const dir = await mkdtemp(join(tmpdir(), 'usha-durable-'));

const writeFloor = async (file: string, dsync: boolean, ahead = false): Promise<void> => {
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC;
  const h = await open(file, dsync ? flags | constants.O_DSYNC : flags);
  const space = logSpace({ handle: h, fileBytes: 0, stepBytes: ahead ? spaceStepBytes : 0,
    writesSynced: dsync, blocking: true });
  const lines = lineBatch();
  const json = byteSink(); // the JSON texts of an append, as UTF-8
  let prev = genesisHash;
  let at = 0;
  for (const [b, events] of batches.entries()) {
    lines.reset();
    json.used = 0;
    const recordedAt = new Date().toISOString();
    for (const [i, e] of events.entries()) {
      // The event's run of a line, as prepareAppend lays it out (the ids are plain UUIDs).
      const dataStart = json.used + dataKey.length;
      putText(json, `${dataKey}${JSON.stringify(e.data)}${eventIdKey}${e.eventId}${metadataKey}`
        + JSON.stringify(e.metadata));
      prev = lines.add({
        batchIndex: i, batchSize: events.length, prev, recordedAt, revision: BigInt(i),
        stream: streamOf(b), type: e.type,
      }, { bytes: json.buffer, dataStart, metadataEnd: json.used });
    }
    const out = lines.bytes();
    await space.ensure(at + out.length);
    for (let done = 0; done < out.length;) {
      done += writeSync(h.fd, out, done, out.length - done, at + done);
    }
    at += out.length;
    if (!dsync) fdatasyncSync(h.fd);
  }
  await space.release(at);
  await h.close();
};
const floor = (file: string) => writeFloor(file, false);
const floorDsync = (file: string) => writeFloor(file, true);
const floorAhead = (file: string) => writeFloor(file, true, true);

const store = async (file: string): Promise<void> => {
  const s = await openFileEventStore({ file, schema, maxAppendBytes: 1 << 24 });
  for (const [b, events] of batches.entries()) await s.appendToStream(streamOf(b), events);
  await s.close();
};
const storeNoSpace = async (file: string): Promise<void> => {
  const s = await openFileEventStore({
    file, schema, maxAppendBytes: 1 << 24, spaceAheadBytes: 0,
  });
  for (const [b, events] of batches.entries()) await s.appendToStream(streamOf(b), events);
  await s.close();
};
const storeThreaded = async (file: string): Promise<void> => {
  const s = await openFileEventStore({
    file, schema, maxAppendBytes: 1 << 24, durableWrites: 'threaded',
  });
  for (const [b, events] of batches.entries()) await s.appendToStream(streamOf(b), events);
  await s.close();
};

// What a SQLite event store needs at least: a global position, and (stream, revision) unique
// so that a concurrent writer's append is refused. Payloads are the same JSON texts.
const Database = sqliteDatabase();
const sqlite = async (file: string): Promise<void> => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL,
    revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
    metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream, revision))`);
  const insert = db.prepare(`INSERT INTO events
    (stream, revision, event_id, type, data, metadata, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const appendBatch = db.transaction((stream: string, events: typeof batches[number]) => {
    const recordedAt = new Date().toISOString();
    for (const [i, e] of events.entries()) {
      insert.run(stream, i, e.eventId, e.type, JSON.stringify(e.data),
        JSON.stringify(e.metadata), recordedAt);
    }
  });
  for (const [b, events] of batches.entries()) appendBatch(streamOf(b), events);
  db.close();
};

// The same guarantees on ids and revisions as the file store's (sqliteEventStore.test.ts);
// each stream is new, so each append expects no stream.
const sqliteStore = async (file: string): Promise<void> => {
  const s = openSqliteEventStore(Database, file);
  for (const [b, events] of batches.entries()) s.append(streamOf(b), events, 'no_stream');
  s.close();
};

const beforeDir = process.env['BEFORE'];
const beforeStore: typeof openFileEventStore | undefined = beforeDir === undefined
  ? undefined
  : Reflect.get(await import(join(beforeDir, 'src/index.ts')), 'openFileEventStore');
const before = async (file: string): Promise<void> => {
  if (beforeStore === undefined) return;
  const s = await beforeStore({ file, schema, maxAppendBytes: 1 << 24 });
  for (const [b, events] of batches.entries()) await s.appendToStream(streamOf(b), events);
  await s.close();
};

const runs = {
  floor, floorDsync, floorAhead, store, storeThreaded, storeNoSpace, sqlite, sqliteStore, before,
};
type Name = keyof typeof runs;
const names: Name[] = [
  'floor', 'floorDsync', 'floorAhead', 'store', 'storeThreaded', 'storeNoSpace', 'sqlite',
  'sqliteStore',
];
if (beforeStore !== undefined) names.push('before');
// RUNS=store,before runs only those (the others print NaN): one code's figures without the rest.
const only = process.env['RUNS']?.split(',');
if (only !== undefined) names.splice(0, names.length, ...names.filter((n) => only.includes(n)));
const bestMs = new Map<Name, number>();
const bestCpuMs = new Map<Name, number>();
try {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length] ?? 'floor';
      const roundDir = await mkdtemp(join(dir, `${name}-`));
      globalThis.gc?.();
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await runs[name](join(roundDir, 'log'));
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      bestMs.set(name, Math.min(bestMs.get(name) ?? Infinity, ms));
      bestCpuMs.set(name, Math.min(bestCpuMs.get(name) ?? Infinity,
        (used.user + used.system) / 1000));
      await rm(roundDir, { recursive: true, force: true });
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

const events = batchCount * perBatch;
const ms = (n: Name) => bestMs.get(n) ?? NaN;
const rate = (n: Name) => Math.round((events / ms(n)) * 1000).toLocaleString('en-US');
const cpuUsPerEvent = (n: Name) => (((bestCpuMs.get(n) ?? NaN) * 1000) / events).toFixed(2);
console.log(`${batchCount} appends of ${perBatch} events, each durable; best of ${rounds}`);
console.log(`${'run'.padEnd(46)} ${'events/s'.padStart(10)}  ms/append  CPU µs/event`);
const label: Record<Name, string> = {
  floor: 'floor: stringify + SHA-256 + write + fdatasync',
  floorDsync: 'floor, O_DSYNC write instead of fdatasync',
  floorAhead: 'floor, O_DSYNC, over space set aside',
  store: 'file store appendToStream',
  storeThreaded: 'file store, durableWrites: threaded',
  storeNoSpace: 'file store, spaceAheadBytes: 0',
  sqlite: 'SQLite WAL, synchronous=FULL, 1 txn/append',
  sqliteStore: 'SQLite, as an event store (ids, revisions)',
  before: `file store of ${beforeDir ?? ''}`.slice(0, 46),
};
for (const n of names) {
  console.log(`${label[n].padEnd(46)} ${rate(n).padStart(10)}  `
    + `${(ms(n) / batchCount).toFixed(3).padStart(9)}  ${cpuUsPerEvent(n).padStart(12)}`);
}
const ratio = (a: Name, b: Name) => (ms(b) / ms(a)).toFixed(2);
console.log(`store / floor   ${ratio('store', 'floor')}  (target >= 0.80)`);
console.log(`store / sqlite  ${ratio('store', 'sqlite')}  (target > 1.00)`);
console.log(`store / sqlite as an event store  ${ratio('store', 'sqliteStore')}`);
console.log(`sqlite as an event store / sqlite  ${ratio('sqliteStore', 'sqlite')}`);
console.log(`sqlite / floor  ${ratio('sqlite', 'floor')}`);
console.log(`store / floor with O_DSYNC  ${ratio('store', 'floorDsync')}`);
console.log(`store / floor over space set aside  ${ratio('store', 'floorAhead')}`);
console.log(`store / store without space ahead  ${ratio('store', 'storeNoSpace')}`);
console.log(`store / store with threaded writes  ${ratio('store', 'storeThreaded')}`);
if (beforeStore !== undefined) {
  const cpu = (n: Name) => bestCpuMs.get(n) ?? NaN;
  console.log(`store CPU / before CPU  ${(cpu('store') / cpu('before')).toFixed(2)}`);
}
