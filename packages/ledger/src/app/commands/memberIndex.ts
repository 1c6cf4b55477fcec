import {
  AccountId, LoanId, MemberId, type AccountId as AccountIdT, type DepositKind,
  type LoanId as LoanIdT, type MemberId as MemberIdT,
} from '@usha/domain';
import { f64Column, i32Column, pushF64, pushI32 } from '../../offHeap/columns.ts';
import { addRow, findRow, hashRows } from '../../offHeap/hashRows.ts';
import { keyOf as key64, type KeyOf } from '../../offHeap/keyHash.ts';
import {
  SnapshotShapeError, type SnapshotReader, type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import { addString, stringArena, stringAt, stringIs } from '../../offHeap/stringArena.ts';
import {
  arena, changedI32, grownF64, grownI32, hashTable, readParts, requireRows, writeParts,
  type Snapshots,
} from '../ledger/indexParts.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** What streams belong to a member: opaque ids only, from the log. */
export interface MemberStreams {
  readonly memberId: MemberIdT;
  readonly admitted: boolean;
  readonly hasShares: boolean;
  /** Deposit accounts in the order they were opened, with their kind. */
  readonly deposits: ReadonlyArray<{ readonly accountId: AccountIdT; readonly kind: DepositKind }>;
  readonly loans: ReadonlyArray<LoanIdT>;
}

type Relevant = 'MemberAdmitted' | 'SharesPurchased' | 'SavingsAccountOpened'
  | 'RecurringDepositOpened' | 'FixedDepositOpened' | 'LoanApplied';

/** What the member index reads of an event (a LedgerEvent is one). */
export type MemberEvent =
  | { readonly type: 'MemberAdmitted' | 'SharesPurchased';
      readonly data: { readonly memberId: MemberIdT } }
  | { readonly type: 'SavingsAccountOpened' | 'RecurringDepositOpened' | 'FixedDepositOpened';
      readonly data: { readonly memberId: MemberIdT; readonly accountId: AccountIdT } }
  | { readonly type: 'LoanApplied';
      readonly data: { readonly memberId: MemberIdT; readonly loanId: LoanIdT } }
  | { readonly type: Exclude<LedgerEvent['type'], Relevant> };

/** The member's streams, found from the log, for the facts a command needs from them. */
export interface MemberIndex {
  readonly get: (memberId: string) => MemberStreams | undefined;
  /** Every member known when called, in order of first appearance; built one at a time. */
  readonly members: () => Iterable<MemberStreams>;
  readonly observe: (e: MemberEvent) => void;
}

// An item is an account or loan of a member, in a list per member linked through `next`.
const kinds: ReadonlyArray<DepositKind | 'loan'> = ['savings', 'recurring', 'fixed', 'loan'];
const admittedFlag = 1;
const sharesFlag = 2;

const checked = <T>(is: (u: unknown) => u is T, s: string): T => {
  if (!is(s)) throw new Error(`unreachable: an id from a decoded event fails its codec: ${s}`);
  return s;
};

/**
 * The index of each member's streams. A member's loans and accounts never change owner, so an
 * index built from the log (the scan at open, then every event the Ledger reads or writes)
 * names them all. Kept off the JS heap (a member by a 64-bit key of her id, confirmed against
 * the id itself; ids as UTF-8 in an arena; flags and lists in columns), so that a log of a
 * quarter of a million members opens in a small heap: about 120 bytes a member with two accounts.
 */
export const memberIndex = (keyOf: KeyOf = key64): MemberIndex & Snapshots =>
  indexOver(keyOf, {
    keys: hashRows(), strings: stringArena(), memberAt: f64Column(), flags: i32Column(),
    head: i32Column(), tail: i32Column(), itemAt: f64Column(), itemKind: i32Column(),
    itemNext: i32Column(),
  });

// The parts, in the order a checkpoint holds them: per member where her id is, her flags and
// the first and last of her items; per item (account or loan) where its id is, its kind and
// the next item of the same member. Flags and links change in place: copied when written.
const shape = {
  keys: hashTable, strings: arena, memberAt: grownF64, flags: changedI32, head: changedI32,
  tail: changedI32, itemAt: grownF64, itemKind: grownI32, itemNext: changedI32,
};
type Parts = { -readonly [K in keyof typeof shape]: ReturnType<(typeof shape)[K]['read']> };

/**
 * The index a checkpoint holds (written by its `snapshot`), read back as it was, its parts
 * views on the checkpoint's bytes. SnapshotShapeError if the parts do not fit together.
 */
export const restoreMemberIndex = (
  r: SnapshotReader, keyOf: KeyOf = key64,
): MemberIndex & Snapshots => {
  const parts = readParts(shape, r);
  const { memberAt, flags, head, tail, itemAt, itemKind, itemNext } = parts;
  requireRows(memberAt.length, { flags, head, tail });
  requireRows(itemAt.length, { itemKind, itemNext });
  if (parts.keys.count !== memberAt.length) {
    throw new SnapshotShapeError(`${parts.keys.count} member keys for ${memberAt.length} members`);
  }
  // A link out of range would read past the columns when a member's items are listed, and one
  // back to an earlier item would loop: an item's next was always pushed after it.
  const link = (v: number, after: number) => {
    if (v !== -1 && (v <= after || v >= itemAt.length)) {
      throw new SnapshotShapeError(`an item link of ${v}`);
    }
  };
  for (let i = 0; i < memberAt.length; i++) {
    link(head.data[i] ?? -1, -1);
    link(tail.data[i] ?? -1, -1);
  }
  for (let i = 0; i < itemAt.length; i++) link(itemNext.data[i] ?? -1, i);
  return indexOver(keyOf, parts);
};

const indexOver = (keyOf: KeyOf, parts: Parts): MemberIndex & Snapshots => {
  const { keys, strings, memberAt, flags, head, tail, itemAt, itemKind, itemNext } = parts;
  const rowOf = (memberId: string): number =>
    findRow(keys, keyOf(memberId), (r) => stringIs(strings, memberAt.data[r] ?? 0, memberId));
  const rowOrAdd = (memberId: string): number => {
    const found = rowOf(memberId);
    if (found >= 0) return found;
    const row = pushF64(memberAt, addString(strings, memberId));
    pushI32(flags, 0);
    pushI32(head, -1);
    pushI32(tail, -1);
    addRow(keys, keyOf(memberId), row);
    return row;
  };
  const items = function* (row: number): Generator<{ id: string; kind: number }> {
    for (let i = head.data[row] ?? -1; i >= 0; i = itemNext.data[i] ?? -1) {
      yield { id: stringAt(strings, itemAt.data[i] ?? 0), kind: itemKind.data[i] ?? 0 };
    }
  };
  const addItem = (memberId: string, id: string, kind: number): void => {
    const row = rowOrAdd(memberId);
    const isLoan = kind === 3;
    for (const item of items(row)) if ((item.kind === 3) === isLoan && item.id === id) return;
    const i = pushF64(itemAt, addString(strings, id));
    pushI32(itemKind, kind);
    pushI32(itemNext, -1);
    const last = tail.data[row] ?? -1;
    if (last < 0) head.data[row] = i;
    else itemNext.data[last] = i;
    tail.data[row] = i;
  };
  const flag = (memberId: string, f: number): void => {
    const row = rowOrAdd(memberId);
    flags.data[row] = (flags.data[row] ?? 0) | f;
  };
  const streamsOf = (row: number): MemberStreams => {
    const deposits: Array<{ accountId: AccountIdT; kind: DepositKind }> = [];
    const loans: LoanIdT[] = [];
    for (const { id, kind } of items(row)) {
      const k = kinds[kind] ?? 'loan';
      if (k === 'loan') loans.push(checked(LoanId.is, id));
      else deposits.push({ accountId: checked(AccountId.is, id), kind: k });
    }
    const f = flags.data[row] ?? 0;
    return {
      memberId: checked(MemberId.is, stringAt(strings, memberAt.data[row] ?? 0)),
      admitted: (f & admittedFlag) !== 0, hasShares: (f & sharesFlag) !== 0, deposits, loans,
    };
  };
  const observe = (e: MemberEvent): void => {
    switch (e.type) {
      case 'MemberAdmitted': flag(e.data.memberId, admittedFlag); break;
      case 'SharesPurchased': flag(e.data.memberId, sharesFlag); break;
      case 'SavingsAccountOpened': addItem(e.data.memberId, e.data.accountId, 0); break;
      case 'RecurringDepositOpened': addItem(e.data.memberId, e.data.accountId, 1); break;
      case 'FixedDepositOpened': addItem(e.data.memberId, e.data.accountId, 2); break;
      case 'LoanApplied': addItem(e.data.memberId, e.data.loanId, 3); break;
      default: break;
    }
  };
  const get = (memberId: string): MemberStreams | undefined => {
    const row = rowOf(memberId);
    return row < 0 ? undefined : streamsOf(row);
  };
  // The members known now: one appearing while the caller iterates is not included, as a
  // list taken at the call would not include it.
  const members = (): Iterable<MemberStreams> => {
    const known = memberAt.length;
    return { *[Symbol.iterator]() { for (let r = 0; r < known; r++) yield streamsOf(r); } };
  };
  return {
    get, members, observe, snapshot: (w: SnapshotWriter) => writeParts(shape, w, parts),
  };
};
