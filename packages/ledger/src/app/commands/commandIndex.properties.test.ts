import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyOf, type KeyOf } from '../../offHeap/keyHash.ts';
import {
  snapshotReader, snapshotWriter, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import { readSnapshotFile, writeSnapshotFile } from '../../offHeap/snapshotFile.ts';
import { weakKey } from '../../offHeap/weakKey.fixture.ts';
import { commandIndex, restoreCommandIndex, type CommandEvent } from './commandIndex.ts';
import { plainCommandIndex } from './plainCommandIndex.ts';

const ids = ['c1', 'c2', 'd1', 'd22', 'ç', 'retry-1'];
const streams = ['deposit-SB1', 'deposit-SB2', 'loan-L1', 'ß-1'];
// Hashes as the Ledger takes them (32 lowercase hex digits, kept as 16 bytes) and of other
// forms a log may hold (kept as text): both must be read back as stored.
const hashes = ['882a0f29ee5c19e6e9ab7a06e0bb3e77', '00000000000000000000000000000000',
  'ffffffffffffffffffffffffffffffff', '882A0F29EE5C19E6E9AB7A06E0BB3E77', 'h-Withdraw', '',
  '882a0f29ee5c19e6e9ab7a06e0bb3e7', 'é'];
const op = fc.oneof(
  fc.record({
    commandId: fc.constantFrom(...ids), stream: fc.constantFrom(...streams),
    events: fc.integer({ min: 1, max: 3 }),
    type: fc.constantFrom('MakeDeposit', 'Withdraw', 'Dépôt'),
    hash: fc.constantFrom(...hashes),
  }),
  fc.record({ revisit: fc.nat() }), // a stream read again: events already seen, seen again
);
type Op = (typeof op) extends fc.Arbitrary<infer O> ? O : never;

// The events of a run of operations, as a log and the reads after it present them.
const eventsOf = (ops: ReadonlyArray<Op>): CommandEvent[] => {
  const seen: CommandEvent[] = [];
  const out: CommandEvent[] = [];
  const next = new Map<string, bigint>();
  for (const o of ops) {
    if ('revisit' in o) {
      const e = seen[o.revisit % Math.max(1, seen.length)];
      if (e !== undefined) out.push(e);
      continue;
    }
    for (let i = 0; i < o.events; i++) {
      const revision = next.get(o.stream) ?? 0n;
      next.set(o.stream, revision + 1n);
      const metadata = { commandId: o.commandId, commandType: o.type, commandHash: o.hash };
      const e = { stream: o.stream, revision, metadata };
      seen.push(e);
      out.push(e);
    }
  }
  return out;
};

const check = (keyFn: KeyOf) => fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
  const index = commandIndex(keyFn);
  const model = plainCommandIndex();
  for (const e of eventsOf(ops)) { index.observe(e); model.observe(e); }
  assert.is(index.size(), model.size());
  for (const id of [...ids, 'absent']) assert.equal(index.get(id), model.get(id), id);
});

test('the off-heap command index answers as a Map does, under a key where ids collide', () => {
  fc.assert(check(weakKey));
});

test('the off-heap command index answers as a Map does, under the 64-bit key', () => {
  fc.assert(check(keyOf));
});

// The bytes as a file read back holds them: one buffer, 8-byte aligned, so parts are views.
const readerOf = (w: SnapshotWriter): SnapshotReader => {
  const b = Buffer.from(new ArrayBuffer(w.bytes));
  let at = 0;
  for (const p of w.parts) { b.set(p, at); at += p.byteLength; }
  return snapshotReader(b);
};

const restoredCheck = (keyFn: KeyOf) => fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
  const events = eventsOf(ops);
  const read = commandIndex(keyFn);
  for (const e of events) read.observe(e);
  const w = snapshotWriter();
  read.snapshot(w);
  const restored = restoreCommandIndex(readerOf(w), keyFn);
  assert.is(restored.size(), read.size());
  for (const id of [...ids, 'absent']) assert.equal(restored.get(id), read.get(id), id);
  // and takes note of the same events again (a stream read again) as the one that read them
  for (const e of events) { restored.observe(e); read.observe(e); }
  for (const id of ids) assert.equal(restored.get(id), read.get(id), id);
});

test('a command index restored from its checkpoint answers every command id as the one that '
  + 'read the log (colliding keys)', () => { fc.assert(restoredCheck(weakKey)); });

test('a command index restored from its checkpoint answers every command id as the one that '
  + 'read the log (64-bit key)', () => { fc.assert(restoredCheck(keyOf)); });

// A crash reopen: the index as its checkpoint held it, at any point of the log, then the
// events after that point as the catch-up reads them.
const cutCheck = (keyFn: KeyOf) => fc.property(fc.array(op, { maxLength: 60 }), fc.nat(),
  (ops, cut) => {
    const events = eventsOf(ops);
    const k = cut % (events.length + 1);
    const before = commandIndex(keyFn);
    for (const e of events.slice(0, k)) before.observe(e);
    const w = snapshotWriter();
    before.snapshot(w);
    const caughtUp = restoreCommandIndex(readerOf(w), keyFn);
    for (const e of events.slice(k)) caughtUp.observe(e);
    const model = plainCommandIndex();
    for (const e of events) model.observe(e);
    assert.is(caughtUp.size(), model.size());
    for (const id of [...ids, 'absent']) assert.equal(caughtUp.get(id), model.get(id), id);
  });

test('a command index restored from a checkpoint cut at any point, then shown the events after '
  + 'it, answers as a Map shown every event (colliding keys)', () => {
  fc.assert(cutCheck(weakKey));
});

test('a command index restored from a checkpoint cut at any point, then shown the events after '
  + 'it, answers as a Map shown every event (64-bit key)', () => { fc.assert(cutCheck(keyOf)); });

test('a command index restored from a checkpoint file answers with the hash, type and stream '
  + 'stored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'command-index-'));
  try {
    const index = commandIndex();
    const at = (stream: string, revision: bigint, commandId: string, commandHash: string) =>
      index.observe({ stream, revision,
        metadata: { commandId, commandType: 'MakeDeposit', commandHash } });
    at('deposit-SB1', 0n, 'dep-1-0', 'fcfe056a840779f181cf3a69b0b6e8e3');
    at('deposit-SB1', 1n, 'dep-1-0', 'fcfe056a840779f181cf3a69b0b6e8e3');
    at('deposit-SB1', 2n, 'dep-1-1', 'h-old');
    const w = snapshotWriter();
    index.snapshot(w);
    const file = join(dir, 'x.index');
    await writeSnapshotFile(file, w);
    const read = await readSnapshotFile(file, (r) => restoreCommandIndex(r));
    if (!read.found) throw new Error(read.reason);
    const restored = read.value;
    assert.equal(restored.get('dep-1-0'), { commandId: 'dep-1-0', commandType: 'MakeDeposit',
      commandHash: 'fcfe056a840779f181cf3a69b0b6e8e3', stream: 'deposit-SB1',
      firstRevision: 0n, count: 2 });
    assert.equal(restored.get('dep-1-1'), { commandId: 'dep-1-1', commandType: 'MakeDeposit',
      commandHash: 'h-old', stream: 'deposit-SB1', firstRevision: 2n, count: 1 });
    assert.is(restored.get('dep-1-2'), undefined);
    assert.is(restored.size(), 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// 'a', 'b', ..., 'z', 'ba', ...: a name with no digit, so each gives an id pattern of its own.
const letters = (n: number): string =>
  (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));

test('ids of patterns past the 4,096 kept are kept as text, and every id is answered exactly '
  + 'before and after a checkpoint', () => {
  const index = commandIndex();
  const hash = '882a0f29ee5c19e6e9ab7a06e0bb3e77';
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const metadata = { commandId: `${letters(i)}-${i}`, commandType: 'MakeDeposit',
      commandHash: hash };
    index.observe({ stream: `s-${i % 7}`, revision: BigInt(Math.floor(i / 7)), metadata });
  }
  const w = snapshotWriter();
  index.snapshot(w);
  const restored = restoreCommandIndex(readerOf(w));
  for (const x of [index, restored]) {
    assert.is(x.size(), n);
    for (const i of [0, 4095, 4096, 4999]) {
      assert.equal(x.get(`${letters(i)}-${i}`), { commandId: `${letters(i)}-${i}`,
        commandType: 'MakeDeposit', commandHash: hash, stream: `s-${i % 7}`,
        firstRevision: BigInt(Math.floor(i / 7)), count: 1 });
      assert.is(x.get(`${letters(i)}-${i + 1}`), undefined);
    }
  }
});

test.run();
