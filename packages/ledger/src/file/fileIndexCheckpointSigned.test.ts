import crypto from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore, type FileEventStoreOptions } from './fileEventStore.ts';
import { checkpointFileOf } from './fileIndexCheckpoint.ts';
import { idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';
import { appendForgedLine, strangerKeys } from './signedLog.fixture.ts';
import { notSignedYet } from './signatureRequirement.ts';
import { generateSigningKeys } from './signingKeys.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-checkpoint-signed-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const keys = await generateSigningKeys({ dir });
const verifyKey = { file: keys.publicKeyFile };
const signingKey = { file: keys.privateKeyFile };

// Three appends (2, 1 and 2 events) signed by the writer, closed: a signed checkpoint.
const signedLog = async (name: string): Promise<{ file: string; lastHash: string }> => {
  const file = join(dir, name);
  const store = await openFileEventStore({ file, schema: noteSchema, signingKey, verifyKey });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await store.appendToStream('loan-2', [note(idOf(3))]);
  await store.appendToStream('loan-1', [note(idOf(4)), note(idOf(5))]);
  await store.close();
  return { file, lastHash: store.lastHash() };
};

type Options = Partial<FileEventStoreOptions<Note>>;
const outcome = async (file: string, o: Options = {}) => {
  try {
    const store = await openFileEventStore({
      file, schema: noteSchema, verifyKey, mode: 'read-only', ...o,
    });
    await store.close();
    return store.opened;
  } catch (e) {
    if (e instanceof StoreCorruptError) return [e.where.line, e.reason];
    throw e;
  }
};

test('a signed log opens from its signed checkpoint with the verify key', async () => {
  const { file } = await signedLog('signed.ndjson');
  assert.equal(await outcome(file), { from: 'checkpoint', linesRead: 0 });
});

test('appends forged after the checkpoint are refused by the walk of the tail', async () => {
  const { file, lastHash } = await signedLog('forged.ndjson');
  const prev = await appendForgedLine(file,
    { prev: lastHash, eventId: idOf(90), key: strangerKeys().privateKey });
  assert.equal(await outcome(file), [6, 'signature does not verify with the key']);
  await appendForgedLine(file, { prev, eventId: idOf(91) });
  assert.equal(await outcome(file), [7, 'append not signed']);
});

test('a checkpoint the key did not sign is not used; the scan then decides', async () => {
  const file = join(dir, 'old.ndjson');
  const old = await openFileEventStore({ file, schema: noteSchema });
  await old.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await old.close();
  const before = old.lastHash();
  const unsignedCheckpoint = "not signed by the writer's key";
  assert.equal(await outcome(file), [2, notSignedYet]);
  assert.equal(await outcome(file, { signedAfter: before }),
    { from: 'scan', linesRead: 2, reason: unsignedCheckpoint });
  const store = await openFileEventStore({
    file, schema: noteSchema, verifyKey, signedAfter: before, signingKey,
  });
  await store.appendToStream('loan-1', [note(idOf(3))]);
  await store.close();
  // Signed now, covering an unsigned append: with signedAfter at its end, it is used.
  assert.equal(await outcome(file, { signedAfter: before }), { from: 'checkpoint', linesRead: 0 });
  assert.equal(await outcome(file, { signedAfter: undefined, verify: 'full' }),
    [2, notSignedYet]);
  // The checkpoint cannot vouch for an unsigned append without signedAfter: the scan refuses.
  assert.equal(await outcome(file, {}), [2, notSignedYet]);
  const elsewhere = 'ab'.repeat(32);
  assert.equal(await outcome(file, { signedAfter: elsewhere }),
    [0, `signedAfter ${elsewhere} is the hash of no append's last line`]);
  assert.equal(await outcome(file, { verifyKey: undefined }),
    { from: 'checkpoint', linesRead: 0 });
});

// The bytes given to SHA-256 hashes (node:crypto's createHash, watched) while `run` runs.
const sha256BytesDuring = async (run: () => Promise<void>): Promise<number> => {
  const real = crypto.createHash;
  let bytes = 0;
  const watched = (algorithm: string, options?: crypto.HashOptions): crypto.Hash => {
    const hash = real(algorithm, options);
    const update = hash.update.bind(hash);
    if (algorithm === 'sha256') {
      hash.update = (data: crypto.BinaryLike, encoding?: crypto.Encoding) => {
        bytes += typeof data === 'string' ? Buffer.byteLength(data, encoding) : data.byteLength;
        return encoding === undefined || typeof data !== 'string'
          ? update(data) : update(data, encoding);
      };
    }
    return hash;
  };
  crypto.createHash = watched as typeof crypto.createHash;
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    crypto.createHash = real;
    syncBuiltinESMExports();
  }
  return bytes;
};

// The bytes of a checkpoint file after its 56-byte header: what its own SHA-256 covers.
const checkpointBody = async (file: string): Promise<number> =>
  (await stat(checkpointFileOf(file))).size - 56;

test('a checkpoint is hashed once, as its file is written; a signed one again for its signature',
  async () => {
    const unsigned = join(dir, 'hashed-once.ndjson');
    const plain = await openFileEventStore({ file: unsigned, schema: noteSchema });
    await plain.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
    assert.is(await sha256BytesDuring(() => plain.close()), await checkpointBody(unsigned));
    const signed = join(dir, 'hashed-twice.ndjson');
    const store = await openFileEventStore({ file: signed, schema: noteSchema, signingKey });
    await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
    // The signature signs the SHA-256 of every part before its own (8 + 128 bytes).
    const hashed = await sha256BytesDuring(() => store.close());
    assert.is(hashed, 2 * await checkpointBody(signed) - 136);
  });

test.run();
