// A connection string's password is never printed: the client's own warnings quote the whole
// string under them, and only their first line is passed on.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ledgerEventSchema } from '@usha/ledger';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';

test('an option the client ignores is warned of by its key, the password never shown',
  async () => {
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...said: unknown[]) => { warned.push(said.map(String).join(' ')); };
  try {
    const store = createEventStoreDbStore({
      connectionString: 'esdb://admin:s3cretPW@127.0.0.1:1?tls=false&bogusOption=1',
      schema: ledgerEventSchema,
    });
    await store.close();
  } finally {
    console.warn = warn;
  }
  assert.equal(warned,
    ['EventStoreDB client: Unknown option key "bogusOption", setting will be ignored.']);
  assert.not.match(warned.join('\n'), /s3cretPW|admin/);
});

test.run();
