// The Ledger's checkpoint decides what a retried command is answered and which steps of a
// process are run, so on a signed log it is bound to the log's writer as the store's own
// checkpoint is: signed with the writer's key, and set aside (the log read whole) when the
// store checks its log with a public key and the writer did not sign it. Someone who can write
// the folder but does not hold the key can no longer make the Ledger answer a new command
// "stored" and store nothing.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { indexSealOf } from '../../file/storeKeys.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { everyClose, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { indexSnapshot, readIndexCheckpoint, writeIndexCheckpoint } from './indexCheckpoint.ts';

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-signed-index-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};
const keys = generateKeyPairSync('ed25519');
const signed = { signingKey: keys.privateKey, verifyKey: keys.publicKey };
const by = (commandId: string) => ({ commandId, actor: 'clerk', on: '2024-05-01' });
const deposit = (commandId: string) => ({ ...by(commandId), accountId: 'SB-M1', amount: '500',
  source: 'cash' as const });

// A signed log of one member with savings, closed with the Ledger's checkpoint written.
const signedHistory = async (file: string) => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
  const ledger = await testLedger(store, { indexCheckpoint: everyClose });
  await memberWithSavings(ledger, 'M1', '1000');
  ok(await ledger.makeDeposit(deposit('dep-1')));
  await ledger.close();
  await store.close();
};

// What someone without the key can do: read the checkpoint, add that command `id` was stored
// as the deposit dep-1's event, and write it back, its SHA-256 made again (unsigned: no key).
const forge = async (file: string, id: string) => {
  const kept = await readIndexCheckpoint(file);
  if (!kept.found) throw new Error(`no checkpoint to forge: ${kept.reason}`);
  const ref = kept.indexes.commands.get('dep-1');
  if (ref === undefined) throw new Error('dep-1 is not in the checkpoint');
  const forged = kept.indexes.commands.get(id);
  assert.is(forged, undefined);
  kept.indexes.commands.observe({ stream: ref.stream, revision: ref.firstRevision,
    type: 'Deposited', metadata: { commandId: id, commandType: ref.commandType,
      commandHash: ref.commandHash } });
  await writeIndexCheckpoint(file, indexSnapshot(kept.indexes, kept.seen));
};

test('on a signed log the Ledger\'s checkpoint is signed by the writer, and opened from',
  () => withDir(async (dir) => {
    const file = join(dir, 'usha.ndjson');
    await signedHistory(file);
    const checkWith = (verifyKey: KeyObject) =>
      indexSealOf({ signingKey: undefined, verifyKey }).check;
    assert.equal((await readIndexCheckpoint(`${file}.ledger-index`,
      checkWith(keys.publicKey))).found, true);
    const stranger = generateKeyPairSync('ed25519').publicKey;
    assert.equal(await readIndexCheckpoint(`${file}.ledger-index`, checkWith(stranger)),
      { found: false, reason: 'not signed by the log\'s writer' });
    const store = await openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
    const ledger = await testLedger(store, { indexCheckpoint: everyClose });
    assert.equal(ledger.opened, { from: 'checkpoint', eventsRead: 0 });
    const again = await ledger.makeDeposit(deposit('dep-1'));
    assert.is(again.status === 'accepted' && again.duplicate, true);
    await ledger.close();
    await store.close();
  }));

// Opened with `keys` after the forgery: the forged checkpoint is set aside, the log read whole.
type WriterKeys = { readonly signingKey: KeyObject; readonly verifyKey?: KeyObject };
const forgedThenOpened = (writer: WriterKeys) => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await signedHistory(file);
  // The request is dep-1's, so the forged entry's hash matches it: before, it was answered
  // "accepted, duplicate" with dep-1's events, and nothing was stored.
  await forge(`${file}.ledger-index`, 'dep-2');
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, ...writer });
  const ledger = await testLedger(store, { indexCheckpoint: everyClose });
  assert.equal(ledger.opened, { from: 'log', eventsRead: 6,
    reason: 'not signed by the log\'s writer' });
  const o = await ledger.makeDeposit(deposit('dep-2'));
  assert.equal([o.status, o.status === 'accepted' && o.duplicate,
    o.status === 'accepted' && o.revision], ['accepted', false, 3n]);
  await ledger.close();
  await store.close();
});

test('a checkpoint edited without the writer\'s key is set aside: the log is read whole, and a '
  + 'command it claimed stored is stored', () => forgedThenOpened(signed));

test('so too by the writer opened with its private key alone: it checks with that key\'s '
  + 'public key', () => forgedThenOpened({ signingKey: keys.privateKey }));

test('without keys the checkpoint is a cache its SHA-256 guards: an edited one is used', () =>
  withDir(async (dir) => {
    // The same edit on an unsigned log: anyone who can write the folder can rewrite the log
    // itself too (its chain made again), so nothing more is claimed for the checkpoint.
    const file = join(dir, 'usha.ndjson');
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const first = await testLedger(store, { indexCheckpoint: everyClose });
    await memberWithSavings(first, 'M1', '1000');
    ok(await first.makeDeposit(deposit('dep-1')));
    await first.close();
    await forge(`${file}.ledger-index`, 'dep-2');
    const ledger = await testLedger(store, { indexCheckpoint: everyClose });
    assert.equal(ledger.opened, { from: 'checkpoint', eventsRead: 0 });
    await ledger.close();
    await store.close();
  }));

test('a signed store the app wraps by spreading it keeps its seal: the forged checkpoint is set '
  + 'aside through the wrapper too, and by a read-only store', () => withDir(async (dir) => {
  const file = join(dir, 'usha.ndjson');
  await signedHistory(file);
  await forge(`${file}.ledger-index`, 'dep-2');
  const reader = await openFileEventStore({ file, schema: ledgerEventSchema, mode: 'read-only',
    verifyKey: keys.publicKey });
  const read = await testLedger(reader, { indexCheckpoint: everyClose });
  assert.equal(read.opened, { from: 'log', eventsRead: 6,
    reason: 'not signed by the log\'s writer' });
  await read.close();
  await reader.close();
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
  const wrapped = { ...store, appendToStream: store.appendToStream };
  const ledger = await testLedger(wrapped, { indexCheckpoint: everyClose });
  assert.equal(ledger.opened, { from: 'log', eventsRead: 6,
    reason: 'not signed by the log\'s writer' });
  const o = await ledger.makeDeposit(deposit('dep-2'));
  assert.equal([o.status, o.status === 'accepted' && o.duplicate], ['accepted', false]);
  await ledger.close();
  // Written through the wrapper, the checkpoint is signed: the next open is from it.
  const again = await testLedger(wrapped, { indexCheckpoint: everyClose });
  assert.equal(again.opened, { from: 'checkpoint', eventsRead: 0 });
  await again.close();
  await store.close();
}));

test.run();
