import crypto from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore, type FileEventStoreOptions } from './fileEventStore.ts';
import { checkpointFileOf, writeIndexCheckpoint } from './fileIndexCheckpoint.ts';
import { snapshotWriter, writeBytes } from '../offHeap/snapshot.ts';
import { everyClose, idOf, note, noteSchema, type Note } from './noteSchema.fixture.ts';
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
  const store = await openFileEventStore({
    file, schema: noteSchema, signingKey, verifyKey, ...everyClose,
  });
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
  const old = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  await old.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await old.close();
  const before = old.lastHash();
  const unsignedCheckpoint = "not signed by the writer's key";
  assert.equal(await outcome(file), [2, notSignedYet]);
  assert.equal(await outcome(file, { signedAfter: before }),
    { from: 'scan', linesRead: 2, reason: unsignedCheckpoint });
  const store = await openFileEventStore({
    file, schema: noteSchema, verifyKey, signedAfter: before, signingKey, ...everyClose,
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

// What SHA-256 hashes (node:crypto's createHash, watched) are given while `run` runs: the bytes
// in all, and the most given to one `update`.
const sha256During = async (run: () => Promise<void>) => {
  const real = crypto.createHash;
  const seen = { bytes: 0, largestUpdate: 0 };
  const watched = (algorithm: string, options?: crypto.HashOptions): crypto.Hash => {
    const hash = real(algorithm, options);
    const update = hash.update.bind(hash);
    if (algorithm === 'sha256') {
      hash.update = (data: crypto.BinaryLike, encoding?: crypto.Encoding) => {
        const n = typeof data === 'string' ? Buffer.byteLength(data, encoding) : data.byteLength;
        seen.bytes += n;
        seen.largestUpdate = Math.max(seen.largestUpdate, n);
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
  return seen;
};

// The bytes of a checkpoint file after its 56-byte header: what its own SHA-256 covers.
const checkpointBody = async (file: string): Promise<number> =>
  (await stat(checkpointFileOf(file))).size - 56;

test('an unsigned checkpoint is hashed once, as its file is written', async () => {
  const file = join(dir, 'hashed-once.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema, ...everyClose });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  const { bytes } = await sha256During(() => store.close());
  assert.is(bytes, await checkpointBody(file));
});

test('a signed checkpoint is hashed again for its signature: every part before its own',
  async () => {
    const file = join(dir, 'hashed-twice.ndjson');
    const store = await openFileEventStore({
      file, schema: noteSchema, signingKey, ...everyClose,
    });
    await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
    const { bytes } = await sha256During(() => store.close());
    assert.is(bytes, 2 * await checkpointBody(file) - (8 + 128)); // the signature's part
  });

test('a signed checkpoint\'s parts are hashed at most 4 MiB at a time, and the writer kept',
  async () => {
    const file = join(dir, 'large.ndjson.index');
    const w = snapshotWriter();
    writeBytes(w, new Uint8Array(9 << 20));
    const { bytes, largestUpdate } = await sha256During(() =>
      writeIndexCheckpoint(file, w, strangerKeys().privateKey));
    assert.is(largestUpdate, 4 << 20);
    // The parts for the signature, then the file's body: the same parts and the signature's.
    assert.is(bytes, w.bytes + w.bytes + 8 + 128);
    assert.is(w.parts.length, 3); // the length, the bytes, no padding: no signature added to it
    assert.is((await stat(file)).size, 56 + w.bytes + 8 + 128); // header, parts, signature
  });

test.run();
