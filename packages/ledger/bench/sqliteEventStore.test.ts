import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import type { ExpectedRevision } from '../src/eventStore/port.ts';
import { openSqliteEventStore } from './sqliteEventStore.ts';
import { sqliteDatabase } from './sqliteDatabase.ts';
import { repayment, schema } from './repaymentEvents.ts';

// Each append of a scenario goes to both stores; what each returns or throws is written down
// the same way, so that the two lists can be compared whole.
type Outcome = string;
const outcomeOf = async (append: () => unknown): Promise<Outcome> => {
  try {
    const r = await append();
    return `ok ${Reflect.get(Object(r), 'nextExpectedRevision')}`;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
};

const a = repayment(1);
const b = repayment(1);
const c = repayment(1);
const d = repayment(1);
type Repayment = ReturnType<typeof repayment>;
const scenario: readonly [string, readonly Repayment[], ExpectedRevision][] = [
  ['loan-L1', [a, b], 'no_stream'], // new
  ['loan-L1', [c], 0n], // a wrong expected revision
  ['loan-L1', [c], 'no_stream'], // a wrong expected revision: the stream exists
  ['loan-L2', [a], 'no_stream'], // an id stored in another stream
  ['loan-L1', [d, a], 1n], // an id stored by an earlier append, with a new one
  ['loan-L1', [a, b], 'no_stream'], // a whole retry: the original result, nothing written
  ['loan-L1', [b, c], 'any'], // part of an earlier append, then a new id
  ['loan-L1', [b], 'any'], // a run of an earlier append's ids, in order: taken as its retry
  ['loan-L1', [a, { ...b, data: { ...b.data, amount: '1.00' } }], 'no_stream'], // other content
  // The same content, its keys in another order: still the retry.
  ['loan-L1', [{ ...a, metadata: { branch: a.metadata.branch, commandId: a.metadata.commandId } },
    b], 'any'],
  ['loan-L1', [c, d], 1n], // nothing of the refused appends was written: c and d are new
  ['loan-L1', [c], 3n], // the retry of c and d's first half only
];
const expected: readonly Outcome[] = [
  'ok 1',
  'WrongExpectedVersionError: stream loan-L1: expected revision 0, actual 1',
  'WrongExpectedVersionError: stream loan-L1: expected revision no_stream, actual 1',
  `EventIdConflictError: stream loan-L2, event ${a.eventId}: already stored in stream loan-L1 `
    + 'at revision 0',
  `EventIdConflictError: stream loan-L1, event ${a.eventId}: stored by an earlier append; `
    + 'a retry must repeat that append exactly',
  'ok 1',
  `EventIdConflictError: stream loan-L1, event ${b.eventId}: stored by an earlier append; `
    + 'a retry must repeat that append exactly',
  'ok 1',
  `EventIdConflictError: stream loan-L1, event ${b.eventId}: already stored at revision 1 `
    + 'with different content',
  'ok 1',
  'ok 3',
  'ok 2',
];

test('the SQLite event store refuses a repeated event id and a wrong expected revision, '
  + 'and takes a whole retry, exactly as the file store does', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-sqlite-es-'));
  try {
    const file = await openFileEventStore({ file: join(dir, 'log'), schema });
    const sqlite = openSqliteEventStore(sqliteDatabase(), join(dir, 'db'));
    const fromFile: Outcome[] = [];
    const fromSqlite: Outcome[] = [];
    for (const [stream, events, expectedRevision] of scenario) {
      fromFile.push(await outcomeOf(() =>
        file.appendToStream(stream, events, { expectedRevision })));
      fromSqlite.push(await outcomeOf(() => sqlite.append(stream, events, expectedRevision)));
    }
    assert.equal(fromFile, expected);
    assert.equal(fromSqlite, expected);
    await file.close();
    sqlite.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
