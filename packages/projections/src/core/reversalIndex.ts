import { fromEpochDay, type BusinessDate } from '@usha/domain';
import { epochDayOf } from './epochDayOf.ts';
import { hashA, hashB, hashPair, pair } from './eventIdHash.ts';
import { minor } from './minor.ts';
import type { ProjectedEvent, ReversedPosting, ReversibleType } from './projectedEvent.ts';

const types: ReadonlyArray<ReversibleType> = [
  'SharesPurchased', 'SharesRedeemed', 'DividendCredited', 'Deposited', 'Withdrawn',
  'InterestPosted', 'RepaymentReceived', 'PenaltyCharged', 'FeeCharged', 'InterestWaived',
  'RecoveryReceived',
];
const sources = ['cash', 'transfer', 'dividend', 'interest_transfer'] as const;
const REVERSED = 0x80;

/**
 * What reversals need of every money event, kept in columns of typed arrays (outside the JS
 * heap): a 64-bit hash of the event id, the type, one small integer (shares, the deposit source
 * or the interest period's first day) and the amount; a repayment also keeps its split. About
 * 30 bytes a money event, the one part of a replay's memory that grows with events.
 */
export interface ReversalIndex {
  size: number;
  keysA: Uint32Array;
  keysB: Uint32Array;
  slots: Int32Array; // record + 1; 0 is empty
  code: Uint8Array;
  aux: Int32Array;
  day: Int32Array; // the reversible event's business date, as an epoch day
  amount: BigInt64Array;
  splits: BigInt64Array; // penalties, fees, interest of each repayment
  splitCount: number;
  /** Reversals whose event the index did not hold. */
  unresolved: number;
}

/** An empty index. */
export const emptyReversalIndex = (capacity = 1024): ReversalIndex => ({
  size: 0, keysA: new Uint32Array(capacity * 2), keysB: new Uint32Array(capacity * 2),
  slots: new Int32Array(capacity * 2), code: new Uint8Array(capacity),
  aux: new Int32Array(capacity), day: new Int32Array(capacity),
  amount: new BigInt64Array(capacity),
  splits: new BigInt64Array(48), splitCount: 0, unresolved: 0,
});

/** Two event ids with the same 64-bit key: never seen in practice; refuses to guess. */
export class EventIdHashCollisionError extends Error {
  override readonly name = 'EventIdHashCollisionError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already indexed: a duplicate id, or the same 64-bit key as `
      + 'another id (the reversal index would not tell them apart)');
  }
}

const size = (have: number, want: number) => Math.max(want, have * 2);
const growU8 = (a: Uint8Array, n: number): Uint8Array => {
  if (n <= a.length) return a;
  const b = new Uint8Array(size(a.length, n));
  b.set(a);
  return b;
};
const growI32 = (a: Int32Array, n: number): Int32Array => {
  if (n <= a.length) return a;
  const b = new Int32Array(size(a.length, n));
  b.set(a);
  return b;
};
const growB64 = (a: BigInt64Array, n: number): BigInt64Array => {
  if (n <= a.length) return a;
  const b = new BigInt64Array(size(a.length, n));
  b.set(a);
  return b;
};

const findSlot = (ix: ReversalIndex, a: number, b: number): number => {
  const mask = ix.slots.length - 1;
  let i = a & mask;
  for (;;) {
    const s = ix.slots[i] ?? 0;
    if (s === 0 || (ix.keysA[i] === a && ix.keysB[i] === b)) return i;
    i = (i + 1) & mask;
  }
};

const rehash = (ix: ReversalIndex): void => {
  const { keysA, keysB, slots } = ix;
  ix.keysA = new Uint32Array(slots.length * 2);
  ix.keysB = new Uint32Array(slots.length * 2);
  ix.slots = new Int32Array(slots.length * 2);
  for (let i = 0; i < slots.length; i += 1) {
    const s = slots[i] ?? 0;
    if (s === 0) continue;
    const a = keysA[i] ?? 0;
    const b = keysB[i] ?? 0;
    const j = findSlot(ix, a, b);
    ix.keysA[j] = a;
    ix.keysB[j] = b;
    ix.slots[j] = s;
  }
};

const insert = (
  ix: ReversalIndex, id: string, code: number, aux: number, amount: bigint, on: BusinessDate,
) => {
  if ((ix.size + 1) * 4 > ix.slots.length * 3) rehash(ix);
  hashPair(id);
  const a = pair[0] ?? 0;
  const b = pair[1] ?? 0;
  const i = findSlot(ix, a, b);
  if (ix.slots[i] !== 0) throw new EventIdHashCollisionError(id);
  const r = ix.size;
  ix.code = growU8(ix.code, r + 1);
  ix.aux = growI32(ix.aux, r + 1);
  ix.day = growI32(ix.day, r + 1);
  ix.amount = growB64(ix.amount, r + 1);
  ix.keysA[i] = a;
  ix.keysB[i] = b;
  ix.slots[i] = r + 1;
  ix.code[r] = code;
  ix.aux[r] = aux;
  ix.day[r] = epochDayOf(on);
  ix.amount[r] = amount;
  ix.size = r + 1;
};

const split = (ix: ReversalIndex, penalties: bigint, fees: bigint, interest: bigint): number => {
  const k = ix.splitCount;
  ix.splits = growB64(ix.splits, (k + 1) * 3);
  ix.splits[k * 3] = penalties;
  ix.splits[k * 3 + 1] = fees;
  ix.splits[k * 3 + 2] = interest;
  ix.splitCount = k + 1;
  return k;
};

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
    default: return undefined;
  }
};

/**
 * The posting an `EventReversed` names, marked as reversed so that it resolves once; null when
 * the index does not hold it (counted in `unresolved`).
 */
export const takeReversed = (ix: ReversalIndex, eventId: string): ReversedPosting | null => {
  const i = findSlot(ix, hashA(eventId), hashB(eventId));
  const s = ix.slots[i] ?? 0;
  const r = s - 1;
  const code = ix.code[r] ?? REVERSED;
  if (s === 0 || (code & REVERSED) !== 0) {
    ix.unresolved += 1;
    return null;
  }
  ix.code[r] = code | REVERSED;
  const type = types[code - 1] ?? 'Deposited';
  const aux = ix.aux[r] ?? 0;
  const amount = ix.amount[r] ?? 0n;
  const sp = (j: number) => (code === 7 ? ix.splits[aux * 3 + j] ?? 0n : 0n);
  const [penalties, fees, interest] = [sp(0), sp(1), sp(2)];
  return {
    type, on: fromEpochDay(ix.day[r] ?? 0), amount,
    shares: code === 1 || code === 2 ? aux : 0,
    source: code === 4 ? sources[aux & 3] ?? 'cash' : null,
    instalment: code === 4 && (aux & 4) !== 0,
    periodFrom: code === 6 ? fromEpochDay(aux) : null,
    penalties, fees, interest,
    principal: code === 7 ? amount - penalties - fees - interest : 0n,
  };
};

/** The JSON form of an index: its records in order (the hash table is rebuilt on load). */
export interface ReversalIndexJson {
  readonly keysA: ReadonlyArray<number>;
  readonly keysB: ReadonlyArray<number>;
  readonly code: ReadonlyArray<number>;
  readonly aux: ReadonlyArray<number>;
  readonly day: ReadonlyArray<number>;
  readonly amount: ReadonlyArray<string>;
  readonly splits: ReadonlyArray<string>;
  readonly unresolved: number;
}

/** An index as JSON. */
export const reversalIndexToJson = (ix: ReversalIndex): ReversalIndexJson => {
  const keysA: number[] = new Array<number>(ix.size).fill(0);
  const keysB: number[] = new Array<number>(ix.size).fill(0);
  for (let i = 0; i < ix.slots.length; i += 1) {
    const s = ix.slots[i] ?? 0;
    if (s === 0) continue;
    keysA[s - 1] = ix.keysA[i] ?? 0;
    keysB[s - 1] = ix.keysB[i] ?? 0;
  }
  return {
    keysA, keysB, code: [...ix.code.subarray(0, ix.size)],
    aux: [...ix.aux.subarray(0, ix.size)], day: [...ix.day.subarray(0, ix.size)],
    amount: [...ix.amount.subarray(0, ix.size)].map(String),
    splits: [...ix.splits.subarray(0, ix.splitCount * 3)].map(String),
    unresolved: ix.unresolved,
  };
};

/** An index from its JSON form. */
export const reversalIndexFromJson = (j: ReversalIndexJson): ReversalIndex => {
  let capacity = 1024;
  while (capacity * 3 < j.code.length * 4 + 4) capacity *= 2;
  const ix = emptyReversalIndex(capacity);
  for (let r = 0; r < j.code.length; r += 1) {
    const a = j.keysA[r] ?? 0;
    const b = j.keysB[r] ?? 0;
    const i = findSlot(ix, a, b);
    ix.keysA[i] = a;
    ix.keysB[i] = b;
    ix.slots[i] = r + 1;
    ix.code[r] = j.code[r] ?? 0;
    ix.aux[r] = j.aux[r] ?? 0;
    ix.day[r] = j.day[r] ?? 0;
    ix.amount[r] = BigInt(j.amount[r] ?? '0');
  }
  ix.size = j.code.length;
  ix.splits = new BigInt64Array(Math.max(48, j.splits.length));
  j.splits.forEach((s, k) => { ix.splits[k] = BigInt(s); });
  ix.splitCount = j.splits.length / 3;
  ix.unresolved = j.unresolved;
  return ix;
};
