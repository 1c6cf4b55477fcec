// Nothing read from the log after open is trusted unchecked: a line changed under a running
// store is refused by every read, never decoded into an event.
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import type { EventShape, EventStore } from '../eventStore/port.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { sha256Hex } from './lineFormat.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { ledgerEventSchema } from '../app/log/ledgerEvent.ts';
import { memberWithSavings, testLedger } from '../app/testSupport.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-read-checked-'));
test.after(() => rm(dir, { recursive: true, force: true }));

/** Writes `to` over the first `from` in the file (same length), as an editor would. */
const editInPlace = async (file: string, from: string, to: string): Promise<number> => {
  const at = (await readFile(file)).indexOf(from);
  if (at < 0 || Buffer.byteLength(to) !== Buffer.byteLength(from)) throw new Error('fixture');
  const h = await open(file, 'r+');
  await h.write(Buffer.from(to), 0, Buffer.byteLength(to), at);
  await h.close();
  return at;
};

/** Where reading fails: the error's offset and reason, after how many events; or 'read'. */
const failureOf = async <E extends EventShape>(read: AsyncIterable<unknown>) => {
  let events = 0;
  try {
    for await (const _ of read) events++;
  } catch (e) {
    if (e instanceof StoreCorruptError) return [events, e.where.offset, e.reason];
    throw e;
  }
  return [events, 'read'];
};

// Three notes to loan-1 (n1, n2, n3) and one to loan-2, one append each: four lines.
const fourLines = async (file: string) => {
  const store = await openFileEventStore({ file, schema: noteSchema });
  for (const [i, stream] of ['loan-1', 'loan-1', 'loan-1', 'loan-2'].entries())
    await store.appendToStream(stream, [note(idOf(i + 1), `n${i + 1}`)]);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const offsets = lines.map((_, i) => Buffer.byteLength(lines.slice(0, i).join('\n')) + 1);
  offsets[0] = 0;
  return { store, offsets };
};

test('a byte changed under a running store: each read of the line throws StoreCorruptError',
  async () => {
    const file = join(dir, 'byte.ndjson');
    const { store, offsets } = await fourLines(file);
    const line2 = offsets[1] ?? -1;
    await editInPlace(file, '"n2"', '"m2"');
    const bad = 'hash does not match content (changed since opened?)';
    assert.equal(await failureOf(store.readStream('loan-1')), [1, line2, bad]);
    assert.equal(await failureOf(store.readAll()), [1, line2, bad]);
    assert.equal(await failureOf(store.readAll({ direction: 'backwards' })), [2, line2, bad]);
    const live = new AbortController();
    assert.equal(await failureOf(store.subscribeToAll({ signal: live.signal })), [1, line2, bad]);
    assert.equal(await failureOf(store.readStream('loan-2')), [1, 'read']);
    // A retry of the changed event looks the stored one up: the lookup is checked too.
    try {
      await store.appendToStream('loan-1', [note(idOf(2), 'n2')]);
      assert.unreachable('a retry was matched against a changed line');
    } catch (e) {
      assert.instance(e, StoreCorruptError);
    }
    await store.close();
  });

test('a line rewritten with a fresh hash under a running store is refused by every read',
  async () => {
    const file = join(dir, 'rehashed.ndjson');
    const { store, offsets } = await fourLines(file);
    const lines = (await readFile(file, 'utf8')).split('\n');
    const changed = (lines[1] ?? '').replace('"n2"', '"m2"');
    const hash = sha256Hex(`{${changed.slice(75)}`);
    await editInPlace(file, lines[1] ?? '', `{"hash":"${hash}",${changed.slice(75)}`);
    const line2 = offsets[1] ?? -1;
    const why = 'not the line verified at open or written by the store (changed since opened?)';
    assert.equal(await failureOf(store.readStream('loan-1')), [1, line2, why]);
    assert.equal(await failureOf(store.readAll()), [1, line2, why]);
    assert.equal(await failureOf(store.readAll({ direction: 'backwards' })), [2, line2, why]);
    const retry = await store.appendToStream('loan-1', [note(idOf(2), 'n2')])
      .then(() => 'accepted', (e: unknown) => (e instanceof StoreCorruptError ? e.reason : e));
    assert.is(retry, why);
    await store.close();
  });

test('a deposit changed under a running Ledger: the withdrawal it would allow is not accepted',
  async () => {
    const file = join(dir, 'ledger.ndjson');
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    await memberWithSavings(await testLedger(store), 'A1', '4550');
    await editInPlace(file, '"amount":"4550.00"', '"amount":"9550.00"');
    const withdrawal = { commandId: 'W-1', actor: 'clerk', on: '2024-04-02', accountId: 'SB-A1',
      amount: '8000' };
    // A Ledger started over the running store replays the log: the changed line stops it.
    const started = await testLedger(store).then(() => 'started', (e: unknown) => e);
    assert.instance(started, StoreCorruptError);
    // One started before the change decides on the balance it folded from what it wrote, and
    // before refusing reads the log for the command id (another instance may have stored it):
    // the changed line stops it there.
    const before = await openFileEventStore({ file: join(dir, 'ledger-2.ndjson'),
      schema: ledgerEventSchema });
    const ledger = await testLedger(before);
    await memberWithSavings(ledger, 'A1', '4550');
    await editInPlace(before.file, '"amount":"4550.00"', '"amount":"9550.00"');
    const outcome = await ledger.withdraw(withdrawal).then((o) => o, (e: unknown) => e);
    assert.instance(outcome, StoreCorruptError);
    assert.equal(outcome instanceof StoreCorruptError && [outcome.where.file, outcome.reason],
      [before.file, 'hash does not match content (changed since opened?)']);
    assert.is((await readFile(before.file, 'utf8')).includes('"Withdrawn"'), false);
    await Promise.all([store.close(), before.close()]);
  });

test('an append reads its stream\'s last line back checked: an edited one refuses the append',
  async () => {
    const file = join(dir, 'append.ndjson');
    const { store, offsets } = await fourLines(file);
    await store.close();
    // Reopened, the store has confirmed no stream name yet: the append to loan-2 reads its
    // last line (the fourth) to confirm the name, and finds it edited.
    const reopened = await openFileEventStore({ file, schema: noteSchema });
    await editInPlace(file, '"n4"', '"m4"');
    const size = (await readFile(file)).length;
    try {
      await reopened.appendToStream('loan-2', [note(idOf(5), 'n5')]);
      assert.unreachable('appended');
    } catch (e) {
      assert.instance(e, StoreCorruptError);
      assert.equal(e instanceof StoreCorruptError && [e.where.offset, e.reason],
        [offsets[3], 'hash does not match content (changed since opened?)']);
    }
    assert.is((await readFile(file)).length, size);
    await reopened.close();
  });

test.run();
