import { addDays, type BusinessDate } from '../dates/businessDate.ts';
import type { AccountId, MemberId, ProductId } from '../shared/ids.ts';
import { minorOf } from '../shared/codecs.ts';
import { markReversed, type PostingRecord } from '../shared/correction.ts';
import {
  emptyPersistentMap, mapGet, mapSet, mapValues, type PersistentMap,
} from '../shared/persistentMap.ts';
import type { DepositEvent } from './events.ts';
import type { DividendSavingsFact } from '../shares/facts.ts';
import type { DividendDeposit } from '../shares/dividendDeposits.ts';
import type { NomineeRef } from '../nominee/nomineeRef.ts';
import type { DepositTerm } from '../finance/depositTerm.ts';
import { tdsNoted, type PostingTds } from './tdsOfPostings.ts';
import { isMemberActivity } from './dormancy.ts';
import { chargeKey } from '../charges/chargeRuleRef.ts';

/** What the account remembers of a reversible event: its effect on the balance. */
export interface DepositPosting extends PostingRecord {
  readonly balanceDelta: bigint;
  readonly instalment: boolean;
  readonly periodFrom: BusinessDate | null;
  /** For a withdrawal a guarantee call made: the loan it recovered (not reversible). */
  readonly calledFor?: string;
  /** For an interest posting taxed at source: the deduction, given back if it is reversed. */
  readonly tds?: PostingTds;
  /**
   * A deposit of a dividend credited on her share account (source `dividend`): its day, and the
   * year it brought (DividendDeposited), or null while none is named (an older log's deposit).
   */
  readonly dividend?: { readonly year: string | null; readonly on: BusinessDate };
}

/** Savings, recurring or fixed. */
export type DepositKind = 'savings' | 'recurring' | 'fixed';

/** A deposit account; amounts in paise. */
export type DepositState =
  | { readonly status: 'none' }
  | {
    readonly status: 'open' | 'matured' | 'closed';
    readonly kind: DepositKind;
    readonly accountId: AccountId;
    readonly memberId: MemberId;
    readonly productId: ProductId;
    readonly openedOn: BusinessDate;
    readonly lastOn: BusinessDate;
    readonly balance: bigint;
    readonly instalment: bigint | null;
    /** A recurring deposit's instalments (one a month); null for the others. */
    readonly termMonths: number | null;
    /** A recurring or fixed deposit's term; null for savings. */
    readonly term: DepositTerm | null;
    readonly maturesOn: BusinessDate | null;
    readonly instalmentsPaid: number;
    readonly instalmentsMissed: ReadonlyArray<number>;
    readonly interestPostedThrough: BusinessDate | null;
    readonly postings: PersistentMap<DepositPosting>;
    /** Liens held for loans this member guarantees, by loan id, in paise (liens.ts). */
    readonly liens: Readonly<Record<string, bigint>>;
    /** The nominee named last (nominee/), if any: a directory reference, never a name. */
    readonly nominee?: NomineeRef;
    /** The last member activity (dormancy.ts) after the opening; absent: none yet. */
    readonly lastActivityOn?: BusinessDate;
    /** Charges by rule recorded (charges/), by chargeKey: the event id; absent: none yet. */
    readonly chargedByRule?: Readonly<Record<string, string>>;
  };

/** The dividend deposits the account holds, not reversed, with the year each brought. */
export const dividendDeposits = (s: DepositState): DividendDeposit[] => {
  if (s.status === 'none') return [];
  const out: DividendDeposit[] = [];
  for (const p of mapValues(s.postings)) {
    if (p.dividend !== undefined && !p.reversed) {
      out.push({ financialYear: p.dividend.year, amount: p.balanceDelta, on: p.dividend.on });
    }
  }
  return out;
};

/** A savings account as a dividend credited to it is decided on (DividendSavingsFact). */
export const dividendSavingsFact = (accountId: AccountId, s: DepositState): DividendSavingsFact =>
  ({ accountId, open: s.status === 'open', deposits: dividendDeposits(s) });

/** Before the account is opened. */
export const initialDepositState: DepositState = { status: 'none' };

type Open = Exclude<DepositState, { status: 'none' }>;

const opened = (
  d: { accountId: AccountId; memberId: MemberId; productId: ProductId; on: BusinessDate },
  kind: DepositKind, more: Partial<Open>,
): DepositState => ({
  status: 'open', kind, accountId: d.accountId, memberId: d.memberId, productId: d.productId,
  openedOn: d.on, lastOn: d.on, balance: 0n, instalment: null, termMonths: null, term: null,
  maturesOn: null, instalmentsPaid: 0, instalmentsMissed: [], interestPostedThrough: null,
  postings: emptyPersistentMap(), liens: {}, ...more,
});

const posting = (
  eventType: string, balanceDelta: bigint, instalment: boolean, periodFrom: BusinessDate | null,
): DepositPosting => ({ eventType, reversed: false, balanceDelta, instalment, periodFrom });

const whenOpen = (s: DepositState, e: DepositEvent): DepositState => {
  if (s.status === 'none') return s;
  switch (e.type) {
    case 'SavingsAccountOpened':
    case 'RecurringDepositOpened':
    case 'FixedDepositOpened':
      return s;
    case 'Deposited':
    case 'Withdrawn':
    case 'InterestPosted': {
      const d = e.data;
      const delta = e.type === 'Withdrawn' ? -minorOf(d.amount) : minorOf(d.amount);
      const instalment = e.type === 'Deposited' && e.data.instalmentNumber !== null;
      const periodFrom = e.type === 'InterestPosted' ? e.data.periodFrom : null;
      // An interest posting dated its period's end may follow later events: the stream's
      // last date stays the latest one.
      const p = posting(e.type, delta, instalment, periodFrom);
      return {
        ...s, lastOn: d.on > s.lastOn ? d.on : s.lastOn, balance: s.balance + delta,
        ...(isMemberActivity(e) ? { lastActivityOn: d.on } : {}),
        instalmentsPaid: s.instalmentsPaid + (instalment ? 1 : 0),
        interestPostedThrough:
          e.type === 'InterestPosted' ? e.data.periodTo : s.interestPostedThrough,
        postings: mapSet(s.postings, d.eventId, e.type === 'Deposited'
          && e.data.source === 'dividend' ? { ...p, dividend: { year: null, on: d.on } } : p),
      };
    }
    case 'RecurringInstalmentMissed':
      return {
        ...s, lastOn: e.data.on,
        instalmentsMissed: [...s.instalmentsMissed, e.data.instalmentNumber],
      };
    case 'DepositMatured':
      return {
        ...s, status: 'matured', lastOn: e.data.on, balance: minorOf(e.data.maturityAmount),
      };
    case 'DepositClosedEarly':
    case 'DepositAccountClosed':
      return { ...s, status: 'closed', lastOn: e.data.on, balance: 0n };
    case 'EventReversed':
      return reversed(s, e.data.reversedEventId, e.data.on);
    case 'LienPlaced':
      return { ...s, lastOn: e.data.on,
        liens: { ...s.liens, [e.data.loanId]: minorOf(e.data.amount) } };
    case 'NomineeNominated':
      return { ...s, lastOn: e.data.on, nominee: e.data.nomineeRef };
    // The year the dividend deposit stored with it brought, on that deposit's posting.
    case 'DividendDeposited': {
      const id = e.data.depositedEventId;
      const p = mapGet(s.postings, id);
      return p?.dividend === undefined ? s : { ...s, postings: mapSet(s.postings, id,
        { ...p, dividend: { ...p.dividend, year: e.data.financialYear } }) };
    }
    case 'GuaranteeCalled': {
      const d = e.data;
      const { [d.loanId]: _called, ...others } = s.liens;
      const after = minorOf(d.lienAfter);
      const withdrawn = mapGet(s.postings, d.withdrawnEventId);
      return { ...s, lastOn: d.on, liens: after === 0n ? others : { ...others, [d.loanId]: after },
        postings: withdrawn === undefined ? s.postings
          : mapSet(s.postings, d.withdrawnEventId, { ...withdrawn, calledFor: d.loanId }) };
    }
    case 'TdsDeducted':
      return { ...s, lastOn: e.data.on > s.lastOn ? e.data.on : s.lastOn,
        balance: s.balance - minorOf(e.data.amount), postings: tdsNoted(s.postings, e.data) };
    case 'TdsReversed':
      return { ...s, lastOn: e.data.on > s.lastOn ? e.data.on : s.lastOn,
        balance: s.balance + minorOf(e.data.amount) };
    case 'AccountReactivated':
      return { ...s, lastOn: e.data.on, lastActivityOn: e.data.on };
    // A waiver reverses the posting but keeps the key: the rule never charges it again.
    case 'DepositChargeApplied': {
      const d = e.data;
      const delta = -minorOf(d.amount);
      return { ...s, lastOn: d.on, balance: s.balance + delta,
        postings: mapSet(s.postings, d.eventId, posting(e.type, delta, false, null)),
        chargedByRule: { ...s.chargedByRule, [chargeKey(d.rule)]: d.eventId } };
    }
    case 'LienReleased': {
      const { [e.data.loanId]: _released, ...liens } = s.liens;
      return { ...s, lastOn: e.data.on, liens };
    }
  }
};

// Reversing the last interest posting reopens its period, so the corrected amount can be posted.
const reversed = (s: Open, eventId: string, on: BusinessDate): DepositState => {
  const p = mapGet(s.postings, eventId);
  if (p === undefined) return s;
  const reopened = p.periodFrom === null ? s.interestPostedThrough : dayBefore(p.periodFrom, s);
  return {
    ...s, lastOn: on, balance: s.balance - p.balanceDelta,
    instalmentsPaid: s.instalmentsPaid - (p.instalment ? 1 : 0),
    interestPostedThrough: reopened,
    postings: markReversed(s.postings, eventId),
  };
};

const dayBefore = (d: BusinessDate, s: Open): BusinessDate | null =>
  d === s.openedOn ? null : addDays(d, -1);

/** Applies one deposit event. */
export const evolveDeposit = (state: DepositState, event: DepositEvent): DepositState => {
  switch (event.type) {
    case 'SavingsAccountOpened':
      return state.status === 'none' ? opened(event.data, 'savings', {}) : state;
    case 'RecurringDepositOpened': {
      const d = event.data;
      return state.status === 'none' ? opened(d, 'recurring', {
        instalment: minorOf(d.instalment), termMonths: d.termMonths, maturesOn: d.maturesOn,
        term: { length: d.termMonths, unit: 'months' },
      }) : state;
    }
    case 'FixedDepositOpened': {
      const d = event.data;
      return state.status === 'none' ? opened(d, 'fixed', {
        balance: minorOf(d.principal), maturesOn: d.maturesOn,
        term: { length: d.term, unit: d.termUnit },
      }) : state;
    }
    default:
      return whenOpen(state, event);
  }
};
