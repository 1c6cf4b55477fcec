import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  importEventLog, inMemoryEventStore, ledgerEventSchema, openFileEventStore,
  type LedgerEvent, type RecordedEvent,
} from '@usha/ledger';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-export-cmd-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const trail = await auditTrail(dir);

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const lastHashOf = async (file: string) =>
  (await usha('verify', file)).out.split('\n')[1]?.replace(/^.*last hash ([0-9a-f]{64})\.$/, '$1');

// The audit trail's events written again with two-event appends where two events in a row
// are of one stream (SB-1 opened and paid into, the loan applied for and approved, ...):
// 13 events in 9 appends.
const batchedLog = async (): Promise<string> => {
  const source = await openFileEventStore({ file: trail.file, schema: ledgerEventSchema,
    mode: 'read-only' });
  const events: RecordedEvent<LedgerEvent>[] = [];
  for await (const e of source.readAll()) events.push(e);
  await source.close();
  const file = join(dir, 'batched.ndjson');
  const store = await openFileEventStore({ file, schema: ledgerEventSchema,
    now: () => new Date('2025-06-05T12:00:00.000Z') });
  for (let i = 0; i < events.length;) {
    const [a, b] = [events[i], events[i + 1]];
    if (a === undefined) break;
    const pair = b !== undefined && b.stream === a.stream ? [a, b] : [a];
    await store.appendToStream(a.stream, pair.map((e) => ({ type: e.type, data: e.data,
      metadata: e.metadata, eventId: e.eventId }) as LedgerEvent & { eventId: string }));
    i += pair.length;
  }
  await store.close();
  return file;
};

test('export keeps each append whole: the same bytes, hashes and last hash; an anchor '
  + 'recorded on the original holds on the copy', async () => {
  const file = await batchedLog();
  const into = inMemoryEventStore({ schema: ledgerEventSchema });
  assert.equal(await importEventLog({ file, store: into, schema: ledgerEventSchema }),
    { events: 13, appends: 9 });
  const anchor = await lastHashOf(file);
  const copy = join(dir, 'batched-copy.ndjson');
  const r = await usha('export', file, '--to', copy);
  assert.equal(r, { code: 0, out: `${copy}: 13 events written; last hash ${anchor}.`, err: '' });
  assert.ok((await readFile(copy)).equals(await readFile(file)), 'the copy has other bytes');
  const copied = inMemoryEventStore({ schema: ledgerEventSchema });
  assert.equal(await importEventLog({ file: copy, store: copied, schema: ledgerEventSchema }),
    { events: 13, appends: 9 });
  const v = await usha('verify', copy, '--anchor', anchor ?? '');
  assert.is(v.code, 0);
  assert.match(v.out.split('\n').at(-1) ?? '', `Anchor ${anchor} is line 13, at `);
  assert.match(v.out, '; 0 event(s) added since.');
  // The batches are in the hashes: the same events appended one by one are another history.
  assert.is((await usha('verify', copy, '--anchor', trail.auditHash)).code, 1);
  // An anchor from the day of the audit holds on a copy made later.
  const plain = join(dir, 'plain-copy.ndjson');
  assert.is((await usha('export', trail.file, '--to', plain)).code, 0);
  assert.match((await usha('verify', plain, '--anchor', trail.auditHash)).out,
    `Anchor ${trail.auditHash} is line 11, at ${trail.auditPosition}: the history up to it `
    + 'is unchanged; 2 event(s) added since.');
});

test('export refuses what it cannot copy in one line naming the file, '
  + 'never its temporary file', async () => {
  const missing = join(dir, 'missing.ndjson');
  assert.equal(await usha('export', missing, '--to', join(dir, 'x.ndjson')),
    { code: 1, out: '', err: `usha: ${missing}: no such file` });
  const nowhere = join(dir, 'no-such-folder', 'copy.ndjson');
  assert.equal(await usha('export', trail.file, '--to', nowhere),
    { code: 1, out: '', err: `usha: ${join(dir, 'no-such-folder')}: no such directory to `
      + 'export into' });
  assert.equal(await usha('export', dir, '--to', join(dir, 'y.ndjson')),
    { code: 1, out: '', err: `usha: ${dir}: is a directory, not a log file` });
  const empty = join(dir, 'empty.ndjson');
  await writeFile(empty, '');
  assert.equal(await usha('export', empty, '--to', join(dir, 'z.ndjson')),
    { code: 1, out: '', err: `usha: ${empty} holds no event: nothing to export` });
  const members = join(dir, 'members.json');
  await writeFile(members, '{"M-1":{"name":"A"}}\n');
  assert.equal(await usha('export', members, '--to', join(dir, 'w.ndjson')),
    { code: 1, out: '', err: `usha: ${members}: not an event log (its first line is not a `
      + 'log line)' });
  assert.not.ok((await readdir(dir)).some((f) => f.includes('.export-')), 'a temporary file');
  assert.not.ok((await readdir(dir)).some((f) => /^[xyzw]\.ndjson$/.test(f)), 'a refused copy');
});

test('export and keygen show the names they were given, escapes and all, never obey them',
  async () => {
    const hostile = 'out\u001b]0;TITLE\u0007\u202e';
    const shown = 'out\\x1b]0;TITLE\\x07\\u202e';
    const copy = join(dir, `${hostile}.ndjson`);
    const r = await usha('export', trail.file, '--to', copy);
    assert.is(r.code, 0);
    assert.is(r.out.split(':')[0], join(dir, `${shown}.ndjson`));
    assert.not.match(r.out, /[\u0000-\u001f\u202e]/);
    const keys = join(dir, hostile);
    await mkdir(keys);
    const made = await usha('keygen', '--out', keys);
    assert.is(made.code, 0);
    assert.not.match(made.out.replace(/\n/g, ' '), /[\u0000-\u001f\u202e]/);
    assert.match(made.out, `${join(dir, shown)}/usha-signing.key`);
  });

test.run();
