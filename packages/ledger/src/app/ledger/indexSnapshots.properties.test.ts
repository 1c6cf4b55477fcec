// The off-heap indexes read back from a snapshot answer as their plain twins (Maps) fed the same
// events up to the snapshot, however the snapshotted index changed after it, and go on as the
// twins do when fed the rest. Under a weak key too, so that the hash tables read back have
// collisions and long probe runs.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AccountId, LoanId, MemberId } from '@usha/domain';
import { keyOf, type KeyOf } from '../../offHeap/keyHash.ts';
import {
  snapshotReader, snapshotWriter, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import { weakKey } from '../../offHeap/weakKey.fixture.ts';
import {
  commandIndex, restoreCommandIndex, type CommandEvent,
} from '../commands/commandIndex.ts';
import { memberIndex, restoreMemberIndex, type MemberEvent } from '../commands/memberIndex.ts';
import { plainCommandIndex } from '../commands/plainCommandIndex.ts';
import { plainMemberIndex } from '../commands/plainMemberIndex.ts';

// The bytes as a file read back holds them: one buffer, 8-byte aligned, so parts are views.
const readerOf = (w: SnapshotWriter): SnapshotReader => {
  const b = Buffer.from(new ArrayBuffer(w.bytes));
  let at = 0;
  for (const p of w.parts) { b.set(p, at); at += p.byteLength; }
  return snapshotReader(b);
};

const commandIds = ['c1', 'c2', 'd1', 'd22', 'ç', 'retry-1'];
const streams = ['deposit-SB1', 'deposit-SB2', 'loan-L1'];
const commandOp = fc.oneof(
  fc.record({
    commandId: fc.constantFrom(...commandIds), stream: fc.constantFrom(...streams),
    events: fc.integer({ min: 1, max: 3 }), type: fc.constantFrom('MakeDeposit', 'Withdraw'),
  }),
  fc.record({ revisit: fc.nat() }),
);

// The events of a run of operations, revisits included (a stream read again).
type CommandOp = (typeof commandOp) extends fc.Arbitrary<infer O> ? O : never;
const commandEvents = (ops: ReadonlyArray<CommandOp>): CommandEvent[] => {
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
      const metadata = { commandId: o.commandId, commandType: o.type,
        commandHash: `h-${o.type}` };
      const e = { stream: o.stream, revision, metadata };
      seen.push(e);
      out.push(e);
    }
  }
  return out;
};

const commandCheck = (keyFn: KeyOf) => fc.property(
  fc.array(commandOp, { maxLength: 60 }), fc.nat(), (ops, cut) => {
    const events = commandEvents(ops);
    const k = cut % (events.length + 1);
    const index = commandIndex(keyFn);
    const model = plainCommandIndex();
    for (const e of events.slice(0, k)) { index.observe(e); model.observe(e); }
    const w = snapshotWriter();
    index.snapshot(w);
    for (const e of events.slice(k)) index.observe(e); // after the snapshot: not in it
    const restored = restoreCommandIndex(readerOf(w), keyFn);
    const same = () => {
      assert.is(restored.size(), model.size());
      for (const id of [...commandIds, 'absent']) assert.equal(restored.get(id), model.get(id));
    };
    same();
    for (const e of events.slice(k)) { restored.observe(e); model.observe(e); }
    same();
  });

test('a command index read back from its snapshot answers as the index did then, and goes on '
  + 'as it would (colliding keys)', () => { fc.assert(commandCheck(weakKey)); });

test('a command index read back from its snapshot answers as the index did then, and goes on '
  + 'as it would (64-bit key)', () => { fc.assert(commandCheck(keyOf)); });

const idOf = <T>(is: (u: unknown) => u is T) => (s: string): T => {
  if (!is(s)) throw new Error(`not an id: ${s}`);
  return s;
};
const members = ['M1', 'M2', 'N1', 'N22', 'M3'].map(idOf(MemberId.is));
const accounts = ['SB-1', 'SB-2', 'RD-1', 'FD-1'].map(idOf(AccountId.is));
const loans = ['L1', 'L2', 'K1'].map(idOf(LoanId.is));
const memberEvent: fc.Arbitrary<MemberEvent> = fc.oneof(
  fc.record({
    type: fc.constantFrom('MemberAdmitted' as const, 'SharesPurchased' as const),
    data: fc.record({ memberId: fc.constantFrom(...members) }),
  }),
  fc.record({
    type: fc.constantFrom('SavingsAccountOpened' as const, 'RecurringDepositOpened' as const,
      'FixedDepositOpened' as const),
    data: fc.record({
      memberId: fc.constantFrom(...members), accountId: fc.constantFrom(...accounts),
    }),
  }),
  fc.record({
    type: fc.constant('LoanApplied' as const),
    data: fc.record({ memberId: fc.constantFrom(...members), loanId: fc.constantFrom(...loans) }),
  }),
);

const memberCheck = (keyFn: KeyOf) => fc.property(
  fc.array(memberEvent, { maxLength: 80 }), fc.nat(), (events, cut) => {
    const k = cut % (events.length + 1);
    const index = memberIndex(keyFn);
    const model = plainMemberIndex();
    for (const e of events.slice(0, k)) { index.observe(e); model.observe(e); }
    const w = snapshotWriter();
    index.snapshot(w);
    for (const e of events.slice(k)) index.observe(e);
    const restored = restoreMemberIndex(readerOf(w), keyFn);
    const same = () => {
      for (const id of [...members, 'absent']) assert.equal(restored.get(id), model.get(id));
      assert.equal([...restored.members()], [...model.members()]);
    };
    same();
    for (const e of events.slice(k)) { restored.observe(e); model.observe(e); }
    same();
  });

test('a member index read back from its snapshot answers as the index did then, and goes on '
  + 'as it would (colliding keys)', () => { fc.assert(memberCheck(weakKey)); });

test('a member index read back from its snapshot answers as the index did then, and goes on '
  + 'as it would (64-bit key)', () => { fc.assert(memberCheck(keyOf)); });

test.run();
