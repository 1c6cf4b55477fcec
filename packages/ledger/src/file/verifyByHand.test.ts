import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from './fileEventStore.ts';
import { idOf, note, noteSchema } from './noteSchema.fixture.ts';

// Runs the shell script printed in docs/concepts/audit-log.md, so the page stays true.
const doc = await readFile(
  new URL('../../../../docs/concepts/audit-log.md', import.meta.url),
  'utf8',
);
const script = /<!-- verify-script:start -->\n```bash\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const dir = await mkdtemp(join(tmpdir(), 'usha-by-hand-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const haveTools = (() => {
  try {
    execFileSync('bash', ['-c', 'command -v sha256sum && command -v sed && command -v cut'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
})();

test('the documented script verifies a log and names the first bad line', async () => {
  assert.match(script, /sha256sum/);
  if (!haveTools) return console.log('  (bash, sed or sha256sum missing: script not run)');
  const file = join(dir, 'log.ndjson');
  const store = await openFileEventStore({ file, schema: noteSchema });
  const texts = ['plain', 'दरबार "quoted" \\ back', 'tab\tand\u0001ctl', '\ud800 lone'];
  for (const [i, text] of texts.entries())
    await store.appendToStream(`loan-${i}`, [note(idOf(i + 1), text)]);
  await store.appendToStream('loan-0', [note(idOf(9)), note(idOf(10))]);
  await store.close();
  const path = join(dir, 'verify-log.sh');
  await writeFile(path, script);
  const run = () => {
    try {
      return execFileSync('bash', [path, file], { encoding: 'utf8' }).trim();
    } catch (e) {
      return String(Reflect.get(Object(e), 'stdout')).trim();
    }
  };
  assert.is(run(), `6 lines ok; last hash ${store.lastHash()}`);
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines[1] = (lines[1] ?? '').replace('quoted', 'Quoted');
  await writeFile(file, lines.join('\n'));
  assert.is(run(), 'line 2: hash does not match content');
});

test.run();
