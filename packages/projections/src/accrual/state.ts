import type { DepositKind } from '../balances/state.ts';

/**
 * Every account's balance changes in shared columns outside the JS heap (16 bytes a change):
 * day (epoch day), amount in paise, and the next change of the same account (-1: none).
 */
export interface MoveStore {
  days: Int32Array;
  amounts: BigInt64Array;
  next: Int32Array;
  size: number;
}

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
  through: string | null;
}

/** Accrual before any event. */
export const emptyAccrual = (): AccrualState => ({
  accounts: new Map(), through: null,
  moves: { days: new Int32Array(1024), amounts: new BigInt64Array(1024),
    next: new Int32Array(1024), size: 0 },
});

/** Adds a balance change of an account on a day (an epoch day). */
export const move = (st: MoveStore, a: AccrualAccount, day: number, amount: bigint): void => {
  const i = st.size;
  if (i === st.days.length) {
    const days = new Int32Array(i * 2);
    const amounts = new BigInt64Array(i * 2);
    const next = new Int32Array(i * 2);
    days.set(st.days);
    amounts.set(st.amounts);
    next.set(st.next);
    st.days = days;
    st.amounts = amounts;
    st.next = next;
  }
  st.days[i] = day;
  st.amounts[i] = amount;
  st.next[i] = -1;
  if (a.tail >= 0) st.next[a.tail] = i;
  else a.head = i;
  a.tail = i;
  a.count += 1;
  st.size = i + 1;
};

/** An account's balance changes, in the order they were applied. */
export const movesOf = (
  st: MoveStore, a: AccrualAccount,
): { days: number[]; amounts: bigint[] } => {
  const days: number[] = [];
  const amounts: bigint[] = [];
  for (let i = a.head; i >= 0; i = st.next[i] ?? -1) {
    days.push(st.days[i] ?? 0);
    amounts.push(st.amounts[i] ?? 0n);
  }
  return { days, amounts };
};
