import type { BusinessDate } from '../dates/businessDate.ts';
import type { AccountId, MemberId, ProductId } from '../shared/ids.ts';
import type { MoneyString } from '../shared/codecs.ts';
import { markReversed, type PostingRecord } from '../shared/correction.ts';
import type { ShareEvent } from './events.ts';
import type { NomineeRef } from '../nominee/nomineeRef.ts';

/** What the share account remembers of a reversible event. */
export interface SharePosting extends PostingRecord {
  readonly sharesDelta: number;
  readonly financialYear: string | null;
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
    readonly postings: Readonly<Record<string, SharePosting>>;
    /** The nominee named last (nominee/), if any: a directory reference, never a name. */
    readonly nominee?: NomineeRef;
  };

/** A dividend payable in cash: the declared amount, and whether it was paid. */
export interface CashDividend {
  readonly amount: MoneyString;
  readonly paid: boolean;
}

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
      postings: { [d.eventId]: posting(event.type, d.shares, null) },
    };
  }
  switch (event.type) {
    case 'SharesPurchased':
    case 'SharesRedeemed': {
      const d = event.data;
      const delta = event.type === 'SharesPurchased' ? d.shares : -d.shares;
      return {
        ...state, shares: state.shares + delta, lastOn: d.on,
        postings: { ...state.postings, [d.eventId]: posting(event.type, delta, null) },
      };
    }
    case 'ShareAccountClosed':
      return { ...state, status: 'closed', lastOn: event.data.on };
    case 'DividendCredited': {
      const d = event.data;
      return {
        ...state, lastOn: d.on, dividendYears: [...state.dividendYears, d.financialYear],
        postings: { ...state.postings, [d.eventId]: posting(event.type, 0, d.financialYear) },
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
      const p = Object.hasOwn(state.postings, id) ? state.postings[id] : undefined;
      if (p === undefined) return state;
      return {
        ...state, lastOn: event.data.on, shares: state.shares - p.sharesDelta,
        dividendYears: state.dividendYears.filter((y) => y !== p.financialYear),
        postings: markReversed(state.postings, id),
      };
    }
  }
};
