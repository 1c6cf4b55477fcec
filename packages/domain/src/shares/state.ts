import type { BusinessDate } from '../dates/businessDate.ts';
import type { AccountId, EventId, MemberId, ProductId } from '../shared/ids.ts';
import type { MoneyString } from '../shared/codecs.ts';
import type { StandingCredit } from './dividendDeposits.ts';
import { markReversed, type PostingRecord } from '../shared/correction.ts';
import {
  emptyPersistentMap, mapGet, mapSet, mapValues, type PersistentMap,
} from '../shared/persistentMap.ts';
import type { ShareEvent } from './events.ts';
import type { NomineeRef } from '../nominee/nomineeRef.ts';

/** What the share account remembers of a reversible event. */
export interface SharePosting extends PostingRecord {
  readonly sharesDelta: number;
  readonly financialYear: string | null;
  /** A dividend credit's part and where it went (none for a share movement). */
  readonly credit?: DividendCreditRecord;
}

/** A dividend credited to savings: the account, the amount, and whether it went to cash. */
export interface DividendCreditRecord {
  /** The DividendCredited event's id (the posting's key). */
  readonly eventId: EventId;
  /** The day it was credited. */
  readonly on: BusinessDate;
  readonly savingsAccountId: AccountId;
  readonly amount: MoneyString;
  /** Redirected to cash (DividendRedirectedToCash): the account closed before the deposit. */
  readonly redirected: boolean;
}

/** A member's share account. */
export type ShareState =
  | { readonly status: 'none' }
  | {
    readonly status: 'open' | 'closed';
    readonly accountId: AccountId;
    readonly memberId: MemberId;
    readonly productId: ProductId;
    readonly shares: number;
    readonly firstPurchasedOn: BusinessDate;
    readonly lastOn: BusinessDate;
    readonly dividendYears: ReadonlyArray<string>;
    /** Dividends payable in cash, by financial year: the amount and whether it was paid. */
    readonly cashDividends: Readonly<Record<string, CashDividend>>;
    readonly postings: PersistentMap<SharePosting>;
    /** The nominee named last (nominee/), if any: a directory reference, never a name. */
    readonly nominee?: NomineeRef;
  };

/** A dividend payable in cash: the declared amount, and whether it was paid. */
export interface CashDividend {
  readonly amount: MoneyString;
  readonly paid: boolean;
}

/**
 * Her dividend credits to savings account `savingsAccountId` that stand: neither reversed nor
 * redirected to cash. Which of them still await deposit: creditsAwaiting, with the account's
 * deposits.
 */
export const standingCredits = (
  state: ShareState, savingsAccountId: string,
): StandingCredit[] => {
  if (state.status === 'none') return [];
  const out: StandingCredit[] = [];
  for (const p of mapValues(state.postings)) {
    const c = p.credit;
    if (c === undefined || p.reversed || c.redirected || p.financialYear === null) continue;
    if (c.savingsAccountId === savingsAccountId) {
      out.push({ financialYear: p.financialYear, amount: c.amount, on: c.on });
    }
  }
  return out;
};

/** The savings account the dividend credit `eventId` names, if the event is one. */
export const creditedSavingsOf = (state: ShareState, eventId: string): AccountId | undefined => {
  if (state.status === 'none') return undefined;
  return mapGet(state.postings, eventId)?.credit?.savingsAccountId;
};

/** The year's dividend credit standing (not reversed), if any: what a redirect corrects. */
export const standingCredit = (
  state: ShareState, financialYear: string,
): DividendCreditRecord | undefined => {
  if (state.status === 'none') return undefined;
  for (const p of mapValues(state.postings)) {
    if (p.credit !== undefined && !p.reversed && p.financialYear === financialYear) {
      return p.credit;
    }
  }
  return undefined;
};

/** Before the first purchase. */
export const initialShareState: ShareState = { status: 'none' };

const posting = (eventType: string, sharesDelta: number, financialYear: string | null) =>
  ({ eventType, reversed: false, sharesDelta, financialYear });

/** Applies one share event. */
export const evolveShares = (state: ShareState, event: ShareEvent): ShareState => {
  if (state.status === 'none') {
    if (event.type !== 'SharesPurchased') return state;
    const d = event.data;
    return {
      status: 'open', accountId: d.accountId, memberId: d.memberId, productId: d.productId,
      shares: d.shares, firstPurchasedOn: d.on, lastOn: d.on, dividendYears: [],
      cashDividends: {},
      postings: mapSet(emptyPersistentMap<SharePosting>(), d.eventId,
        posting(event.type, d.shares, null)),
    };
  }
  switch (event.type) {
    case 'SharesPurchased':
    case 'SharesRedeemed': {
      const d = event.data;
      const delta = event.type === 'SharesPurchased' ? d.shares : -d.shares;
      return {
        ...state, shares: state.shares + delta, lastOn: d.on,
        postings: mapSet(state.postings, d.eventId, posting(event.type, delta, null)),
      };
    }
    case 'ShareAccountClosed':
      return { ...state, status: 'closed', lastOn: event.data.on };
    case 'DividendCredited': {
      const d = event.data;
      const credit = { eventId: d.eventId, on: d.on, savingsAccountId: d.savingsAccountId,
        amount: d.amount, redirected: false };
      return {
        ...state, lastOn: d.on, dividendYears: [...state.dividendYears, d.financialYear],
        postings: mapSet(state.postings, d.eventId,
          { ...posting(event.type, 0, d.financialYear), credit }),
      };
    }
    // The credit stands, marked redirected; the year's part is payable in cash, as recorded so.
    case 'DividendRedirectedToCash': {
      const d = event.data;
      const id = d.creditedEventId;
      const p = mapGet(state.postings, id);
      return {
        ...state, lastOn: d.on,
        cashDividends: { ...state.cashDividends,
          [d.financialYear]: { amount: d.amount, paid: false } },
        postings: p?.credit === undefined ? state.postings
          : mapSet(state.postings, id, { ...p, credit: { ...p.credit, redirected: true } }),
      };
    }
    // Recorded on a closed account too: a member who left is still owed her dividend.
    case 'DividendPayableInCash': case 'DividendPaidInCash': {
      const d = event.data;
      return {
        ...state, lastOn: d.on,
        cashDividends: { ...state.cashDividends, [d.financialYear]: {
          amount: d.amount, paid: event.type === 'DividendPaidInCash' } },
      };
    }
    case 'NomineeNominated':
      return { ...state, lastOn: event.data.on, nominee: event.data.nomineeRef };
    case 'EventReversed': {
      const id = event.data.reversedEventId;
      const p = mapGet(state.postings, id);
      if (p === undefined) return state;
      return {
        ...state, lastOn: event.data.on, shares: state.shares - p.sharesDelta,
        dividendYears: state.dividendYears.filter((y) => y !== p.financialYear),
        postings: markReversed(state.postings, id),
      };
    }
  }
};
