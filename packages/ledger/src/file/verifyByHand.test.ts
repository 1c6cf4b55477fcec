import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { appendForgedLine, strangerKeys } from './signedLog.fixture.ts';
import { generateSigningKeys } from './signingKeys.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

// Runs the shell script printed in docs/concepts/audit-log.md, so the page stays true.
const doc = await readFile(
  new URL('../../../../docs/concepts/audit-log.md', import.meta.url),
  'utf8',
);
const script = /<!-- verify-script:start -->\n```bash\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const signatureScript =
  /<!-- signature-script:start -->\n```bash\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const dir = await mkdtemp(join(tmpdir(), 'usha-by-hand-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const haveTools = (() => {
  try {
    const tools = 'sha256sum sed cut openssl xxd';
    execFileSync('bash', ['-c', `for t in ${tools}; do command -v $t; done`], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
})();

const runScript = (text: string, name: string, args: string[]): string => {
  const path = join(dir, name);
  execFileSync('bash', ['-c', 'cat > "$0"', path], { input: text });
  try {
    return execFileSync('bash', [path, ...args], { encoding: 'utf8' }).trim();
  } catch (e) {
    return String(Reflect.get(Object(e), 'stdout')).trim();
  }
};
const keys = await generateSigningKeys({ dir });

test('the documented script verifies a log and names the first bad line', async () => {
  assert.match(script, /sha256sum/);
  if (!haveTools) return console.log('  (a tool the scripts use is missing: not run)');
  const file = join(dir, 'log.ndjson');
  // Unsigned appends first (as a log begun before signing), then signed ones.
  const old = await openFileEventStore({ file, schema: noteSchema });
  await old.appendToStream('loan-9', [note(idOf(20))]);
  await old.close();
  const store = await openFileEventStore({ file, schema: noteSchema,
    signingKey: { file: keys.privateKeyFile } });
  const texts = ['plain', 'दरबार "quoted" \\ back', 'tab\tand\u0001ctl', '\ud800 lone'];
  for (const [i, text] of texts.entries())
    await store.appendToStream(`loan-${i}`, [note(idOf(i + 1), text)]);
  await store.appendToStream('loan-0', [note(idOf(9)), note(idOf(10))]);
  const run = () => runScript(script, 'verify-log.sh', [file]);
  // Open, the file ends in the space set aside ahead of the log: zeros, which are no line.
  const open = await readFile(file);
  assert.equal([open.length > store.appendedBytes(), open.at(-1)], [true, 0]);
  assert.is(run(), `7 lines ok; last hash ${store.lastHash()}`);
  await store.close();
  assert.is(run(), `7 lines ok; last hash ${store.lastHash()}`);
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines[2] = (lines[2] ?? '').replace('quoted', 'Quoted');
  await writeFile(file, lines.join('\n'));
  assert.is(run(), 'line 3: hash does not match content');
});

test('the documented signature script checks every append and names a forged one', async () => {
  assert.match(signatureScript, /openssl pkeyutl -verify/);
  if (!haveTools) return;
  const file = join(dir, 'signed.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema,
    signingKey: { file: keys.privateKeyFile } });
  await store.appendToStream('loan-1', [note(idOf(1)), note(idOf(2), 'दरबार')]);
  await store.appendToStream('loan-2', [note(idOf(3))]);
  await store.close();
  const check = () => runScript(signatureScript, 'sigs.sh', [file, keys.publicKeyFile]);
  assert.is(check(), '2 appends signed by the key');
  const prev = await appendForgedLine(file, { prev: store.lastHash(), eventId: idOf(4),
    key: strangerKeys().privateKey });
  assert.is(check(), 'line 4: signature does not verify with the key');
  await appendForgedLine(file, { prev, eventId: idOf(5) });
  const unsigned = join(dir, 'unsigned.ndjson');
  await writeFile(unsigned, (await readFile(file, 'utf8')).split('\n').slice(4).join('\n'));
  assert.is(runScript(signatureScript, 'sigs.sh', [unsigned, keys.publicKeyFile]),
    'line 1: append not signed');
});

test.run();
