// An event store laid out on SQLite the way SQL event stores lay one out, for the durable-appends
// benchmark: the same guarantees on ids and revisions as the file store's appendToStream, so
// that the two are compared doing the same work. The layout follows SQLStreamStore's SQLite
// schema (github.com/SQLStreamStore/SQLStreamStore,
// src/SqlStreamStore.Sqlite/Scripts/Tables.sql: a streams table holding each stream's version;
// messages unique by (stream, version) and by event id) and its append
// (SqliteStreamStore.Append.cs: the stream's version read inside the append's transaction,
// refused on a mismatch). Event ids are unique in the whole store, as in the file store
// (SQLStreamStore's SQLite keeps them unique per stream).
import type BetterSqlite3 from 'better-sqlite3';
import { EventIdConflictError } from '../src/eventStore/errors.ts';
import { checkExpectedRevision } from '../src/eventStore/expectedRevision.ts';
import type { AppendResult, ExpectedRevision } from '../src/eventStore/port.ts';
import { position } from '../src/eventStore/position.ts';
import { canonicalText } from '../src/json/canonicalJson.ts';
import type { JsonValue } from '../src/json/jsonValue.ts';

/** An event as the benchmark appends it. */
export interface SqliteEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
}

/** Appends to a SQLite file, each append one durable transaction. */
export interface SqliteEventStore {
  /** Appends `events` to `stream` if it is at `expected`; a whole retry returns its result. */
  readonly append: (
    stream: string, events: readonly SqliteEvent[], expected: ExpectedRevision,
  ) => AppendResult;
  readonly close: () => void;
}

const schema = `
  CREATE TABLE streams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL);
  CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL
    REFERENCES streams (id), revision INTEGER NOT NULL, event_id TEXT NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision));
  CREATE UNIQUE INDEX events_event_id ON events (event_id);`;

interface StreamRow { readonly id: number; readonly version: number }
interface StoredRow {
  readonly name: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

const sameContent = (row: StoredRow, e: SqliteEvent): boolean =>
  row.type === e.type
  && canonicalText(JSON.parse(row.data)) === canonicalText(e.data)
  && canonicalText(JSON.parse(row.metadata)) === canonicalText(e.metadata);

/**
 * Opens (creates) a SQLite event store: WAL, `synchronous=FULL` (each commit synced), the
 * layout above. Only for the benchmark: it writes, and reads back only to tell a retry.
 */
export const openSqliteEventStore = (
  Database: typeof BetterSqlite3, file: string,
): SqliteEventStore => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(schema);
  const streamOf = db.prepare<[string], StreamRow>(
    'SELECT id, version FROM streams WHERE name = ?');
  const newStream = db.prepare<[string, number]>(
    'INSERT INTO streams (name, version) VALUES (?, ?)');
  const setVersion = db.prepare<[number, number]>('UPDATE streams SET version = ? WHERE id = ?');
  const insert = db.prepare<[number, number, string, string, string, string, string]>(
    `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const stored = db.prepare<[string], StoredRow>(
    `SELECT s.name, e.revision, e.position, e.type, e.data, e.metadata
     FROM events e JOIN streams s ON s.id = e.stream_id WHERE e.event_id = ?`);

  // What detectRetry decides for the file store, read from the tables: none of the ids stored,
  // 'new'; all of them, in order, same content (canonical JSON), the original result; else a
  // conflict. Only reached when the revision or the id index refused the append.
  const retry = (stream: string, events: readonly SqliteEvent[]) => {
    const rows = events.map((e) => stored.get(e.eventId));
    if (rows.every((r) => r === undefined)) return 'new';
    for (const [i, r] of rows.entries()) {
      if (r !== undefined && r.name !== stream) {
        return new EventIdConflictError(stream, events[i]?.eventId ?? '',
          `already stored in stream ${r.name} at revision ${r.revision}`);
      }
    }
    const partial = 'stored by an earlier append; a retry must repeat that append exactly';
    const firstStored = events.find((_, i) => rows[i] !== undefined)?.eventId ?? '';
    const first = rows[0];
    if (first === undefined) return new EventIdConflictError(stream, firstStored, partial);
    for (const [i, e] of events.entries()) {
      const r = rows[i];
      if (r?.revision !== first.revision + i) {
        return new EventIdConflictError(stream, firstStored, partial);
      }
      if (!sameContent(r, e)) {
        return new EventIdConflictError(stream, e.eventId,
          `already stored at revision ${r.revision} with different content`);
      }
    }
    const last = rows[rows.length - 1] ?? first;
    const at = position(BigInt(last.position));
    return { nextExpectedRevision: BigInt(last.revision), position: at };
  };

  const write = db.transaction((
    stream: string, events: readonly SqliteEvent[], expected: ExpectedRevision,
  ): AppendResult | 'refused' => {
    const row = streamOf.get(stream);
    const current = row === undefined ? undefined : BigInt(row.version);
    if (checkExpectedRevision(stream, expected, current) !== undefined) return 'refused';
    const first = row === undefined ? 0 : row.version + 1;
    const last = first + events.length - 1;
    const id = row === undefined ? Number(newStream.run(stream, last).lastInsertRowid) : row.id;
    if (row !== undefined) setVersion.run(last, id);
    const recordedAt = new Date().toISOString();
    let at = 0n;
    for (const [i, e] of events.entries()) {
      at = BigInt(insert.run(id, first + i, e.eventId, e.type, JSON.stringify(e.data),
        JSON.stringify(e.metadata), recordedAt).lastInsertRowid);
    }
    return { nextExpectedRevision: BigInt(last), position: position(at) };
  });
  // better-sqlite3's SqliteError carries SQLite's extended result code as `code`.
  const isUniqueViolation = (e: unknown): boolean =>
    e instanceof Error && Reflect.get(e, 'code') === 'SQLITE_CONSTRAINT_UNIQUE';

  return {
    append: (stream, events, expected) => {
      let written: AppendResult | 'refused';
      try {
        written = write(stream, events, expected);
      } catch (e) {
        // The transaction is rolled back; an id already stored may make this a retry.
        if (!isUniqueViolation(e)) throw e;
        written = 'refused';
      }
      if (written !== 'refused') return written;
      const decided = retry(stream, events);
      if (decided instanceof EventIdConflictError) throw decided;
      if (decided !== 'new') return decided;
      const row = streamOf.get(stream);
      throw checkExpectedRevision(stream, expected,
        row === undefined ? undefined : BigInt(row.version)) ?? new Error('unreachable');
    },
    close: () => db.close(),
  };
};
