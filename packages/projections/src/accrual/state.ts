import type { RateSteps } from '@usha/domain';
import type { DepositKind } from '../balances/state.ts';

/**
 * Every account's balance changes in shared columns outside the JS heap (12 bytes a change):
 * day (epoch day), amount in paise, and the next change of the same account (-1: none). The
 * columns come in fixed chunks, added and never reallocated, so a long replay never copies
 * them nor keeps a grown copy's slack. An amount is kept in 32 bits when it fits (up to
 * 21,474,836.47 in rupees); a wider one is marked WIDE and kept exactly in `wide`.
 */
export interface MoveStore {
  readonly chunks: MoveChunk[];
  readonly wide: Map<number, bigint>;
  size: number;
  /** The first row let go (`release`), to be used again before the columns grow; -1: none. */
  free: number;
}

/** One chunk of the move columns. */
export interface MoveChunk {
  readonly days: Int32Array;
  readonly amounts: Int32Array;
  readonly next: Int32Array;
}

const WIDE = -0x80000000;

const BITS = 14;
const MASK = (1 << BITS) - 1;
const newChunk = (): MoveChunk => ({ days: new Int32Array(MASK + 1),
  amounts: new Int32Array(MASK + 1), next: new Int32Array(MASK + 1) });

/**
 * What interest accrual keeps of a deposit account: its terms, its balance changes by business
 * date (a list through the move store; reversed entries cancelled on their own date) and the
 * interest credited.
 */
export interface AccrualAccount {
  readonly accountId: string;
  readonly memberId: string;
  readonly kind: DepositKind;
  readonly productId: string;
  readonly rateAnnualPercent: string;
  readonly openedOn: string;
  status: 'open' | 'matured' | 'closed';
  head: number;
  tail: number;
  count: number;
  interestPosted: bigint;
}

/** Interest accrual over every deposit account. Mutable: `apply` updates it in place. */
export interface AccrualState {
  readonly accounts: Map<string, AccrualAccount>;
  readonly moves: MoveStore;
  /** Savings products' rate changes (ProductRateChanged), in the order they take effect. */
  rateSteps: RateSteps;
  through: string | null;
}

/** Accrual before any event. */
export const emptyAccrual = (): AccrualState => ({
  accounts: new Map(), through: null, rateSteps: {},
  moves: { chunks: [], wide: new Map(), size: 0, free: -1 },
});

/** Adds a balance change of an account on a day (an epoch day). */
export const move = (st: MoveStore, a: AccrualAccount, day: number, amount: bigint): void => {
  const reused = st.free;
  const i = reused >= 0 ? reused : st.size;
  if (reused < 0 && (i & MASK) === 0) st.chunks.push(newChunk());
  const c = st.chunks[i >>> BITS] ?? newChunk();
  if (reused >= 0) st.free = c.next[i & MASK] ?? -1;
  c.days[i & MASK] = day;
  const narrow = amount > -0x80000000n && amount <= 0x7fffffffn;
  c.amounts[i & MASK] = narrow ? Number(amount) : WIDE;
  if (!narrow) st.wide.set(i, amount);
  c.next[i & MASK] = -1;
  const tail = st.chunks[a.tail >>> BITS];
  if (a.tail >= 0 && tail !== undefined) tail.next[a.tail & MASK] = i;
  else a.head = i;
  a.tail = i;
  a.count += 1;
  if (reused < 0) st.size = i + 1;
};

/**
 * Lets go of an account's balance changes: its rows join the free list, to hold the next
 * changes of any account, and it reads as having none. For a fold that never reads them again.
 */
export const release = (st: MoveStore, a: AccrualAccount): void => {
  if (a.head < 0) return;
  if (st.wide.size > 0) {
    for (let i = a.head; i >= 0; i = st.chunks[i >>> BITS]?.next[i & MASK] ?? -1) {
      st.wide.delete(i);
    }
  }
  const tail = st.chunks[a.tail >>> BITS];
  if (tail !== undefined) tail.next[a.tail & MASK] = st.free;
  st.free = a.head;
  a.head = -1;
  a.tail = -1;
  a.count = 0;
};

/** An account's balance changes, in the order they were applied. */
export const movesOf = (
  st: MoveStore, a: AccrualAccount,
): { days: number[]; amounts: bigint[] } => {
  const days: number[] = [];
  const amounts: bigint[] = [];
  for (let i = a.head; i >= 0;) {
    const c = st.chunks[i >>> BITS];
    if (c === undefined) break;
    days.push(c.days[i & MASK] ?? 0);
    const x = c.amounts[i & MASK] ?? 0;
    amounts.push(x === WIDE ? st.wide.get(i) ?? 0n : BigInt(x));
    i = c.next[i & MASK] ?? -1;
  }
  return { days, amounts };
};
