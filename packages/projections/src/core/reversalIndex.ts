import { fromEpochDay, type BusinessDate } from '@usha/domain';
import type * as t from 'io-ts';
import { epochDayOf } from './epochDayOf.ts';
import { hashA, hashB, hashPair, pair } from './eventIdHash.ts';
import type { ReversalIndexJsonCodec } from './jsonCodecs.ts';
import { minor } from './minor.ts';
import type { ProjectedEvent, ReversedPosting, ReversibleType } from './projectedEvent.ts';
import {
  amountOf, appendRow, appendSplit, chunkOf, columnOf, emptyRows, offsetOf, splitPart,
  type ReversalRows,
} from './reversalRows.ts';

const types: ReadonlyArray<ReversibleType> = [
  'SharesPurchased', 'SharesRedeemed', 'DividendCredited', 'Deposited', 'Withdrawn',
  'InterestPosted', 'RepaymentReceived', 'PenaltyCharged', 'FeeCharged', 'InterestWaived',
  'RecoveryReceived', 'DepositChargeApplied', 'AdmissionFeeCharged',
];
const sources = ['cash', 'transfer', 'dividend', 'interest_transfer'] as const;
const REVERSED = 0x80;

/**
 * What reversals need of every money event, one row a money event (reversalRows.ts: 21 bytes,
 * in chunks outside the JS heap): a 64-bit hash of the event id, the type, one small integer
 * (shares, the deposit source or the interest period's first day), the business date and the
 * amount; a repayment also keeps its split. An open-addressing table of row numbers (4 bytes a
 * slot, half to three quarters full) finds a row by its event id; beside each slot, a byte of
 * its row's key (a tag), so that a probe passes other keys without reading their rows (a row
 * read is a cache miss). The one part of a replay's memory that grows with events: any money
 * event can be reversed later, however old.
 */
export interface ReversalIndex {
  readonly rows: ReversalRows;
  slots: Int32Array; // row + 1; 0 is empty
  tags: Uint8Array; // by slot: the low byte of its row's key's second half
  /** Reversals whose event the index did not hold. */
  unresolved: number;
}

/** An empty index. */
export const emptyReversalIndex = (slotCount = 2048): ReversalIndex =>
  ({ rows: emptyRows(), slots: new Int32Array(slotCount), tags: new Uint8Array(slotCount),
    unresolved: 0 });

/** Two event ids with the same 64-bit key: never seen in practice; refuses to guess. */
export class EventIdHashCollisionError extends Error {
  override readonly name = 'EventIdHashCollisionError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already indexed: a duplicate id, or the same 64-bit key as `
      + 'another id (the reversal index would not tell them apart)');
  }
}

// The slot holding the row keyed (a, b), or the empty slot where it would go. The table's size
// is any number (it grows by half, not double, to keep its slack small), so a key's home slot
// is its place scaled to the table: a / 2^32 of the way along.
const findSlot = (ix: ReversalIndex, a: number, b: number): number => {
  const { slots, tags, rows } = ix;
  const n = slots.length;
  const tag = b & 0xff;
  let i = Math.floor((a / 4294967296) * n);
  for (;;) {
    const s = slots[i] ?? 0;
    if (s === 0) return i;
    if (tags[i] === tag) {
      const c = chunkOf(rows, s - 1);
      const o = offsetOf(s - 1);
      if (c !== undefined && c.keysA[o] === a && c.keysB[o] === b) return i;
    }
    i = i + 1 === n ? 0 : i + 1;
  }
};

// Puts row r (key second half b) in empty slot i.
const fill = (ix: ReversalIndex, i: number, r: number, b: number): void => {
  ix.slots[i] = r + 1;
  ix.tags[i] = b & 0xff;
};

// At most three quarters full, so a probe stays short.
const tooFull = (rows: number, slotCount: number) => rows * 4 > slotCount * 3;
const grown = (slotCount: number) => slotCount + (slotCount >> 1);

// Rows never move: a bigger table is refilled from the rows' keys.
const refill = (ix: ReversalIndex, slotCount: number): void => {
  ix.slots = new Int32Array(slotCount);
  ix.tags = new Uint8Array(slotCount);
  const { rows } = ix;
  for (let r = 0; r < rows.size; r += 1) {
    const c = chunkOf(rows, r);
    const o = offsetOf(r);
    const b = c?.keysB[o] ?? 0;
    if (c !== undefined) fill(ix, findSlot(ix, c.keysA[o] ?? 0, b), r, b);
  }
};

const insert = (
  ix: ReversalIndex, id: string, code: number, aux: number, amount: bigint, on: BusinessDate,
) => {
  if (tooFull(ix.rows.size + 1, ix.slots.length)) refill(ix, grown(ix.slots.length));
  hashPair(id);
  const a = pair[0] ?? 0;
  const b = pair[1] ?? 0;
  const i = findSlot(ix, a, b);
  if (ix.slots[i] !== 0) throw new EventIdHashCollisionError(id);
  fill(ix, i, appendRow(ix.rows, a, b, code, aux, epochDayOf(on), amount), b);
};

const split = (ix: ReversalIndex, penalties: bigint, fees: bigint, interest: bigint): number =>
  appendSplit(ix.rows, penalties, fees, interest);

/** Records a money event (other events are left alone). */
export const recordReversible = (ix: ReversalIndex, e: ProjectedEvent): void => {
  switch (e.type) {
    case 'SharesPurchased': case 'SharesRedeemed':
      return insert(ix, e.data.eventId, e.type === 'SharesPurchased' ? 1 : 2, e.data.shares,
        minor(e.data.amount), e.data.on);
    case 'DividendCredited':
      return insert(ix, e.data.eventId, 3, 0, minor(e.data.amount), e.data.on);
    case 'Deposited':
      return insert(ix, e.data.eventId, 4, sources.indexOf(e.data.source)
        | (e.data.instalmentNumber === null ? 0 : 4), minor(e.data.amount), e.data.on);
    case 'Withdrawn': return insert(ix, e.data.eventId, 5, 0, minor(e.data.amount), e.data.on);
    case 'InterestPosted':
      return insert(ix, e.data.eventId, 6, epochDayOf(e.data.periodFrom), minor(e.data.amount),
        e.data.on);
    case 'RepaymentReceived': {
      const a = e.data.allocation;
      const k = split(ix, minor(a.penalties), minor(a.fees), minor(a.interest));
      return insert(ix, e.data.eventId, 7, k, minor(e.data.amount), e.data.on);
    }
    case 'PenaltyCharged':
      return insert(ix, e.data.eventId, 8, 0, minor(e.data.amount), e.data.on);
    case 'FeeCharged':
      return insert(ix, e.data.eventId, 9, 0, minor(e.data.amount), e.data.on);
    case 'InterestWaived':
      return insert(ix, e.data.eventId, 10, 0, minor(e.data.amount), e.data.on);
    case 'RecoveryReceived':
      return insert(ix, e.data.eventId, 11, 0, minor(e.data.amount), e.data.on);
    case 'DepositChargeApplied':
      return insert(ix, e.data.eventId, 12, 0, minor(e.data.amount), e.data.on);
    case 'AdmissionFeeCharged':
      return insert(ix, e.data.eventId, 13, 0, minor(e.data.amount), e.data.on);
    default: return undefined;
  }
};

/**
 * The posting an `EventReversed` names, marked as reversed so that it resolves once; null when
 * the index does not hold it (counted in `unresolved`).
 */
export const takeReversed = (ix: ReversalIndex, eventId: string): ReversedPosting | null => {
  const s = ix.slots[findSlot(ix, hashA(eventId), hashB(eventId))] ?? 0;
  const c = s === 0 ? undefined : chunkOf(ix.rows, s - 1);
  const o = offsetOf(s - 1);
  const code = c?.code[o] ?? REVERSED;
  if (c === undefined || (code & REVERSED) !== 0) {
    ix.unresolved += 1;
    return null;
  }
  c.code[o] = code | REVERSED;
  const type = types[code - 1] ?? 'Deposited';
  const aux = c.aux[o] ?? 0;
  const amount = amountOf(ix.rows, s - 1);
  const sp = (j: number) => (code === 7 ? splitPart(ix.rows, aux, j) : 0n);
  const [penalties, fees, interest] = [sp(0), sp(1), sp(2)];
  return {
    type, on: fromEpochDay(c.day[o] ?? 0), amount,
    shares: code === 1 || code === 2 ? aux : 0,
    source: code === 4 ? sources[aux & 3] ?? 'cash' : null,
    instalment: code === 4 && (aux & 4) !== 0,
    periodFrom: code === 6 ? fromEpochDay(aux) : null,
    penalties, fees, interest,
    principal: code === 7 ? amount - penalties - fees - interest : 0n,
  };
};

/** The JSON form of an index: its records in order (the hash table is rebuilt on load). */
export type ReversalIndexJson = t.TypeOf<typeof ReversalIndexJsonCodec>;

/** An index as JSON. */
export const reversalIndexToJson = (ix: ReversalIndex): ReversalIndexJson => {
  const { rows } = ix;
  const splits: string[] = [];
  for (let k = 0; k < rows.splitCount; k += 1) {
    for (let j = 0; j < 3; j += 1) splits.push(String(splitPart(rows, k, j)));
  }
  return {
    keysA: columnOf(rows, (c, o) => c.keysA[o] ?? 0),
    keysB: columnOf(rows, (c, o) => c.keysB[o] ?? 0),
    code: columnOf(rows, (c, o) => c.code[o] ?? 0),
    aux: columnOf(rows, (c, o) => c.aux[o] ?? 0),
    day: columnOf(rows, (c, o) => c.day[o] ?? 0),
    amount: Array.from({ length: rows.size }, (_, r) => String(amountOf(rows, r))),
    splits, unresolved: ix.unresolved,
  };
};

/** An index from its JSON form. */
export const reversalIndexFromJson = (j: ReversalIndexJson): ReversalIndex => {
  let slotCount = 2048;
  while (tooFull(j.code.length + 1, slotCount)) slotCount = grown(slotCount);
  const ix = emptyReversalIndex(slotCount);
  for (let r = 0; r < j.code.length; r += 1) {
    appendRow(ix.rows, j.keysA[r] ?? 0, j.keysB[r] ?? 0, j.code[r] ?? 0, j.aux[r] ?? 0,
      j.day[r] ?? 0, BigInt(j.amount[r] ?? '0'));
  }
  refill(ix, slotCount);
  for (let k = 0; k + 2 < j.splits.length; k += 3) {
    appendSplit(ix.rows, BigInt(j.splits[k] ?? '0'), BigInt(j.splits[k + 1] ?? '0'),
      BigInt(j.splits[k + 2] ?? '0'));
  }
  ix.unresolved = j.unresolved;
  return ix;
};
