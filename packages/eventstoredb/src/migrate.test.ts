// Moving a ledger from the embedded file store into EventStoreDB with the export and import,
// as docs/guides/eventstoredb.md shows it (the snippet there is this test's body).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exportEventLog, importEventLog, openFileEventStore } from '@usha/ledger';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import { collect, deposit, startEsdbTestServer, testSchema } from './testSupport.ts';

test('a file-store ledger moves into EventStoreDB with ids, streams and revisions', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-esdb-migrate-'));
  const server = await startEsdbTestServer();
  try {
    const before = await openFileEventStore({ file: join(dir, 'ledger.ndjson'),
      schema: testSchema });
    await before.appendToStream('loan-1', [deposit('1.00', 1n), deposit('2.00', 2n)]);
    await before.appendToStream('deposit-7', [deposit('3.00', 3n)]);
    await before.appendToStream('loan-1', [deposit('4.00', 4n)]);

    // 1. Stop writing, export a verified copy of the log (the file store opens read-only).
    const schema = testSchema;
    const source = await openFileEventStore({ file: join(dir, 'ledger.ndjson'), schema,
      mode: 'read-only' });
    const exported = await exportEventLog({ store: source, schema,
      file: join(dir, 'export.ndjson') });
    // 2. Import it into EventStoreDB: each append expects the revision the log had.
    const target = createEventStoreDbStore({ connectionString: server.connectionString,
      schema });
    const imported = await importEventLog({ file: join(dir, 'export.ndjson'), store: target,
      schema });

    assert.equal([exported.events, imported.events], [4, 4]);
    const was = await collect(before.readAll());
    const now = await collect(target.readAll());
    const view = (es: typeof was) => es.map((e) => [e.eventId, e.stream, e.revision, e.data]);
    assert.equal(view(now), view(was));
    await Promise.all([before.close(), source.close(), target.close()]);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
