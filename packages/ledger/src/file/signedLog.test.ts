import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';
import { appendForgedLine, strangerKeys } from './signedLog.fixture.ts';
import { notSignedYet } from './signatureRequirement.ts';
import { generateSigningKeys, SigningKeyError, type KeyInput } from './signingKeys.ts';
import { verifyLog } from './verifyLog.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-signed-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const keys = await generateSigningKeys({ dir });
const publicKey = { file: keys.publicKeyFile };

// Three appends (2, 1 and 2 events) signed by the writer: five lines; the last hash.
const signedLog = async (name: string): Promise<{ file: string; lastHash: string }> => {
  const file = join(dir, name);
  const store = await openFileEventStore({
    file, schema: noteSchema, signingKey: { file: keys.privateKeyFile },
  });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await store.appendToStream('loan-2', [note(idOf(3))]);
  await store.appendToStream('loan-1', [note(idOf(4)), note(idOf(5))]);
  await store.close();
  return { file, lastHash: store.lastHash() };
};

const refusedAt = async (open: () => Promise<unknown>): Promise<[number, string]> => {
  try {
    await open();
  } catch (e) {
    if (e instanceof StoreCorruptError) return [e.where.line, e.reason];
    throw e;
  }
  return [0, 'opened'];
};

test('each append’s last line carries the writer’s signature of its hash, '
  + 'and only it', async () => {
  const { file } = await signedLog('signed.ndjson');
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  assert.equal(lines.map((l) => l.slice(75, 82) === '"sig":"'), [false, true, true, false, true]);
  const last = lines[4] ?? '';
  const hash = last.slice(9, 73);
  const key = createPublicKey(await readFile(keys.publicKeyFile, 'utf8'));
  const signature = Buffer.from(last.slice(82, 210), 'hex');
  assert.ok(verify(null, Buffer.from(hash), key, signature));
  const v = await verifyLog(file, { publicKey });
  assert.equal(v.ok ? [v.lines, v.signatures.signed, v.signatures.unsigned] : v, [5, 3, 0]);
});

test('a forged append with a correct prev and hash fails verify with the key, '
  + 'naming its line', async () => {
  const { file, lastHash } = await signedLog('forged.ndjson');
  await appendForgedLine(file, { prev: lastHash, eventId: idOf(90) });
  const plain = await verifyLog(file); // the chain alone cannot tell
  assert.equal(plain.ok ? [plain.lines, plain.signatures.unsigned] : plain, [6, 1]);
  const v = await verifyLog(file, { publicKey });
  assert.equal(v.ok ? v : [v.line, v.reason, v.signatures?.signed, v.signatures?.unsigned],
    [6, 'append not signed', 3, 1]);
});

test('an append signed with another key fails verify with the key', async () => {
  const { file, lastHash } = await signedLog('stranger.ndjson');
  const prev = await appendForgedLine(file, { prev: lastHash, eventId: idOf(90) });
  await appendForgedLine(file,
    { prev, eventId: idOf(91), key: strangerKeys().privateKey });
  const v = await verifyLog(file, { publicKey });
  assert.equal(v.ok ? v : [v.line, v.reason, v.signatures?.firstBadlySigned?.line],
    [6, 'append not signed', 7]);
  assert.equal(v.ok ? v : [v.signatures?.signed, v.signatures?.unsigned,
    v.signatures?.badlySigned], [3, 1, 1]);
});

test('the anchor check counts the events added since and says they are not all signed',
  async () => {
    const { file, lastHash } = await signedLog('anchored.ndjson');
    await appendForgedLine(file, { prev: lastHash, eventId: idOf(90) });
    const v = await verifyLog(file, { publicKey, anchor: lastHash });
    assert.equal(v.anchor?.eventsAfter, 1);
    const size = (await readFile(file)).length;
    const forgedAt = size - ((await readFile(file, 'utf8')).trimEnd().split('\n').at(-1) ?? '')
      .length - 1;
    assert.equal(v.ok ? v : [v.offset, v.signatures?.notSignedAfterAnchor,
      v.signatures?.firstNotSignedAfterAnchor], [forgedAt, 1, { line: 6, offset: forgedAt }]);
    const clean = await signedLog('clean.ndjson');
    const first = (await readFile(clean.file, 'utf8')).split('\n')[1]?.slice(9, 73) ?? '';
    const c = await verifyLog(clean.file, { publicKey, anchor: first });
    assert.equal(c.ok ? [c.anchor?.eventsAfter, c.signatures.notSignedAfterAnchor] : c, [3, 0]);
  });

test('an open with the verify key refuses a forged append, signed or not', async () => {
  const { file, lastHash } = await signedLog('open-forged.ndjson');
  const signingKey = { file: keys.privateKeyFile };
  const options = { file, schema: noteSchema, verifyKey: publicKey, signingKey };
  const ok = await openFileEventStore({ ...options, mode: 'read-only' });
  assert.is(ok.lastHash(), lastHash);
  await ok.close();
  const prev = await appendForgedLine(file,
    { prev: lastHash, eventId: idOf(90), key: strangerKeys().privateKey });
  assert.equal(await refusedAt(() => openFileEventStore(options)),
    [6, 'signature does not verify with the key']);
  await appendForgedLine(file, { prev, eventId: idOf(91) });
  assert.equal(await refusedAt(() => openFileEventStore(options)), [7, 'append not signed']);
  // Without the key the chain is intact and the store opens: the key is what tells.
  const unchecked = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only' });
  await unchecked.close();
});

test('an old unsigned log keeps opening; with signedAfter it takes signed appends', async () => {
  const file = join(dir, 'old.ndjson');
  const old = await openFileEventStore({ file, schema: noteSchema });
  await old.appendToStream('loan-1', [note(idOf(1)), note(idOf(2))]);
  await old.close();
  const before = old.lastHash();
  assert.equal(await refusedAt(() => openFileEventStore({
    file, schema: noteSchema, verifyKey: publicKey, mode: 'read-only',
  })), [2, notSignedYet]);
  const store = await openFileEventStore({
    file, schema: noteSchema, verifyKey: publicKey, signedAfter: before,
    signingKey: { file: keys.privateKeyFile },
  });
  await store.appendToStream('loan-1', [note(idOf(3))]);
  const v = await store.verify(); // signedAfter holds for verify() as for the open
  await store.close();
  assert.equal(v.ok ? [v.signatures.signed, v.signatures.unsigned] : v, [1, 1]);
  const strict = await verifyLog(file, { publicKey });
  assert.equal(strict.ok ? strict : [strict.line, strict.reason], [2, 'append not signed']);
  const a = await verifyLog(file, { publicKey, anchor: before });
  assert.equal(a.ok ? a : [a.anchor?.eventsAfter, a.signatures?.notSignedAfterAnchor,
    a.signatures?.signed, a.signatures?.unsigned], [1, 0, 1, 1]);
  assert.equal(await refusedAt(() => openFileEventStore({ file, schema: noteSchema,
    verifyKey: publicKey, signedAfter: 'ab'.repeat(32), mode: 'read-only' })),
  [0, `signedAfter ${'ab'.repeat(32)} is the hash of no append's last line`]);
  const reopened = await openFileEventStore({
    file, schema: noteSchema, verifyKey: publicKey, signedAfter: before, mode: 'read-only',
  });
  await reopened.close();
});

test('keys: a folder holding only a public key gets no private key of another pair, and one '
  + 'holding only a private key keeps it as it was', async () => {
  const only = await mkdtemp(join(tmpdir(), 'usha-keys-half-'));
  try {
    const pub = join(only, 'usha-signing.pub');
    await writeFile(pub, 'an auditor\'s copy');
    const e = await generateSigningKeys({ dir: only }).then(() => undefined, (x: unknown) => x);
    assert.is(Reflect.get(Object(e), 'code'), 'EEXIST');
    assert.equal(await readdir(only), ['usha-signing.pub']);
    assert.is(await readFile(pub, 'utf8'), 'an auditor\'s copy');
    await rm(pub);
    const key = join(only, 'usha-signing.key');
    await writeFile(key, 'the writer\'s key');
    const again = await generateSigningKeys({ dir: only }).then(() => undefined, (x: unknown) => x);
    assert.is(Reflect.get(Object(again), 'code'), 'EEXIST');
    assert.equal(await readdir(only), ['usha-signing.key']);
    assert.is(await readFile(key, 'utf8'), 'the writer\'s key');
  } finally {
    await rm(only, { recursive: true, force: true });
  }
});

test('keys: the private key file is 0600 and never written over; a wrong key is refused',
  async () => {
    assert.is((await stat(keys.privateKeyFile)).mode & 0o777, 0o600);
    try {
      await generateSigningKeys({ dir });
      assert.unreachable('keys written over');
    } catch (e) {
      assert.is(Reflect.get(Object(e), 'code'), 'EEXIST');
    }
    const file = join(dir, 'wrong-key.ndjson');
    const mismatched = [
      { verifyKey: publicKey },
      { verifyKey: publicKey, signingKey: strangerKeys().privateKey },
    ];
    for (const keyOptions of mismatched) {
      const refused = await openFileEventStore({ file, schema: noteSchema, ...keyOptions })
        .then(() => 'opened', (e: unknown) => e);
      assert.instance(refused, SigningKeyError);
    }
    for (const signingKey of [{ file: keys.publicKeyFile }, { pem: 'no key' }, { env: 'NO_KEY' }]) {
      try {
        await openFileEventStore({ file, schema: noteSchema, signingKey });
        assert.unreachable('opened with a wrong key');
      } catch (e) {
        assert.instance(e, SigningKeyError);
      }
    }
  });

test('a key input of any other JS value is a SigningKeyError, not a TypeError', async () => {
  const file = join(dir, 'any-key.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema });
  await store.close();
  const inputs: unknown[] = ['PEM text', null, 42, {}, { pem: 42 }, { file: 7 }, { env: null }];
  for (const input of inputs) {
    const why = (e: unknown) => (e instanceof SigningKeyError ? e.detail : e);
    const asVerify = await verifyLog(file, { publicKey: input as never }).catch(why);
    const asOpen = await openFileEventStore({ file, schema: noteSchema, mode: 'read-only',
      verifyKey: input as never }).catch(why);
    const expected = typeof input === 'object' && input !== null && Object.keys(input).length > 0
      ? `{ ${Object.keys(input)[0] ?? ''} } must be a string`
      : 'expected a KeyObject, { pem }, { file } or { env }';
    assert.equal([asVerify, asOpen], [expected, expected], String(input));
  }
});

test('a key that is not one is refused naming where it came from, not by an OpenSSL code',
  async () => {
    const file = join(dir, 'not-a-key.ndjson');
    const notAKey = join(dir, 'not-a-key.pem');
    await writeFile(notAKey, 'members.key, not a PEM key\n');
    process.env['USHA_TEST_NOT_A_KEY'] = 'no key here';
    const expected = ' not an Ed25519 key in PEM form (-----BEGIN ... KEY-----)';
    const cases: Array<[KeyInput, string]> = [[{ file: notAKey }, `${notAKey}:${expected}`],
      [{ pem: 'no key' }, `the { pem } given:${expected}`],
      [{ env: 'USHA_TEST_NOT_A_KEY' }, `$USHA_TEST_NOT_A_KEY:${expected}`]];
    for (const [input, detail] of cases) {
      const e = await verifyLog(file, { publicKey: input }).catch((x: unknown) => x);
      assert.ok(e instanceof SigningKeyError, String(e));
      assert.is(e.detail, detail);
      assert.ok(e.cause instanceof Error); // the system's own reason, kept
    }
    delete process.env['USHA_TEST_NOT_A_KEY'];
  });

test.run();
