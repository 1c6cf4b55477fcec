import * as t from 'io-ts';
import type { DepositKind } from '../balances/state.ts';
import type { PostingRole } from '../books/chartOfAccounts.ts';
import { journalFor, type JournalSink } from '../books/journal.ts';
import { decodeJson } from '../core/decodeJson.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import type { Projection } from '../projection.ts';

/** The accounts whose money a receipts and payments account counts: cash in hand and at bank. */
export const fundRoles: ReadonlyArray<PostingRole> = ['cash', 'bank'];

/** Which side of the cash book a head is on. */
export type CashSide = 'receipt' | 'payment';

/**
 * Cash received and paid by business date and head. A head is the account on the other side
 * of the cash lines of a journal entry (share capital, savings deposits, loans, interest...)
 * and the side it was on; a reversal counts against the head of the entry it reverses.
 * Mutable: `apply` updates it in place. Grows with days of activity times heads.
 */
export interface CashBookState {
  readonly days: Map<string, Map<string, bigint>>;
  readonly kinds: Map<string, DepositKind>;
}

/** A head's key in the state: its side and the posting role of the account. */
export const headKey = (side: CashSide, role: PostingRole): string => `${side}:${role}`;

interface Line { readonly role: PostingRole; readonly amount: bigint; readonly on: string }

const isFund = (role: PostingRole): boolean => fundRoles.includes(role);

// The entry of one event, as the books post it (the same mapping, so the two agree).
const linesOf = (s: CashBookState, e: ResolvedEvent): Line[] => {
  const lines: Line[] = [];
  const sink: JournalSink = {
    post: (role, amount, on) => {
      if (amount !== 0n) lines.push({ role, amount, on: on ?? e.metadata.effectiveOn });
    },
    closeYear: () => undefined, // income into surplus: no cash moves
  };
  journalFor(sink, e, { depositKind: (id) => s.kinds.get(id) ?? 'savings' });
  return lines;
};

const add = (s: CashBookState, on: string, key: string, amount: bigint): void => {
  let day = s.days.get(on);
  if (day === undefined) {
    day = new Map();
    s.days.set(on, day);
  }
  day.set(key, (day.get(key) ?? 0n) + amount);
};

const applyCash = (s: CashBookState, e: ResolvedEvent): CashBookState => {
  switch (e.type) {
    case 'SavingsAccountOpened': s.kinds.set(e.data.accountId, 'savings'); break;
    case 'RecurringDepositOpened': s.kinds.set(e.data.accountId, 'recurring'); break;
    case 'FixedDepositOpened': s.kinds.set(e.data.accountId, 'fixed'); break;
    default: break;
  }
  const lines = linesOf(s, e);
  if (!lines.some((l) => isFund(l.role))) return s;
  // A reversal's lines are the opposite of the entry it reverses: the side is that entry's,
  // so a corrected deposit lowers the deposits received rather than adding a payment.
  const sign = e.type === 'EventReversed' ? -1n : 1n;
  for (const l of lines) {
    if (isFund(l.role)) continue;
    // The other side of a receipt is a credit (negative); of a payment, a debit.
    const side: CashSide = l.amount * sign < 0n ? 'receipt' : 'payment';
    add(s, l.on, headKey(side, l.role), side === 'receipt' ? -l.amount : l.amount);
  }
  return s;
};

const Kind = t.union([t.literal('savings'), t.literal('recurring'), t.literal('fixed')]);
const CashJson = t.type({
  days: t.array(t.tuple([t.string, t.array(t.tuple([t.string, t.string]))])),
  kinds: t.array(t.tuple([t.string, Kind])),
});

/**
 * The cash book: every receipt into and payment out of cash and bank, by date and head, from
 * the journal entries the books post (what the receipts and payments account reads).
 */
export const cashBookProjection = (): Projection<CashBookState> => ({
  name: 'cashBook',
  version: 1,
  initialState: () => ({ days: new Map(), kinds: new Map() }),
  apply: applyCash,
  serialize: (s) => ({
    days: [...s.days].map(([d, m]) => [d, [...m].map(([k, a]) => [k, String(a)])]),
    kinds: [...s.kinds],
  }),
  deserialize: (json) => {
    const j = decodeJson('cashBook', CashJson, json);
    return {
      days: new Map(j.days.map(([d, m]) => [d, new Map(m.map(([k, a]) => [k, BigInt(a)]))])),
      kinds: new Map(j.kinds),
    };
  },
});
