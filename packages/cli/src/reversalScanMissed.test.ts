// The reports' scan for reversals' targets (reversedEventIds.ts) reads the bytes the store
// writes. A log whose reversal line is written otherwise (here a space after the key's colon,
// the chain re-hashed so the file is a valid log) hides the id from the scan: the report must
// still come out exact, read again keeping every money event, never short of the reversal.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { reversedEventIds } from './reversedEventIds.ts';
import { runReport as report } from './reportRun.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-scan-missed-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const trail = await auditTrail(dir);
const catalogue = join(dir, 'products.json');
await writeFile(catalogue, JSON.stringify(products));

// The log with each reversal's key written `"reversedEventId": "…"`, every line from it on
// chained again (a line's hash is the SHA-256 of its text without the hash field).
const rewritten = async (from: string, to: string): Promise<void> => {
  const lines = (await readFile(from, 'utf8')).split('\n').filter((l) => l !== '');
  let prev: string | undefined;
  const out = lines.map((l) => {
    let body = l.slice(75);
    if (prev !== undefined) body = body.replace(/"prev":"[0-9a-f]{64}"/, `"prev":"${prev}"`);
    body = body.replace('"reversedEventId":"', '"reversedEventId": "');
    const hash = createHash('sha256').update(`{${body}`).digest('hex');
    prev = hash;
    return `{"hash":"${hash}",${body}\n`;
  });
  await writeFile(to, out.join(''));
};

test('a reversal the scan cannot see is still applied: the report is read again keeping every '
  + 'money event', async () => {
  const odd = join(dir, 'odd.ndjson');
  await rewritten(trail.file, odd);
  const ids = async (f: string) => reversedEventIds(f, (await stat(f)).size);
  assert.ok((await ids(trail.file)).size > 0, 'the trail reverses a deposit');
  assert.is((await ids(odd)).size, 0, 'the scan misses it');
  for (const argv of [['trial-balance'], ['passbook', '--member', 'M-1'],
    ['share-register', '--year', '2025-26'], ['receipts-payments', '--year', '2025-26'],
    ['accrued-interest', '--products', catalogue]]) {
    const [kind = '', ...rest] = argv;
    const want = await report([kind, trail.file, ...rest]);
    const got = await report([kind, odd, ...rest]);
    assert.is(want.code, 0, want.err);
    assert.equal(got, want, kind);
  }
});

test.run();
