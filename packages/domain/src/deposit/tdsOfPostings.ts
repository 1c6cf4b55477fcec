import { minorOf, type MoneyString } from '../shared/codecs.ts';
import { mapGet, mapSet, type PersistentMap } from '../shared/persistentMap.ts';
import type { TdsDeducted } from '../tds/tdsDeducted.ts';
import type { TdsReversed } from '../tds/tdsReversed.ts';

/** The tax deducted from one interest posting: what reversing the posting gives back. */
export interface PostingTds {
  readonly financialYear: TdsDeducted['data']['financialYear'];
  readonly interest: MoneyString;
  readonly rate: TdsDeducted['data']['rate'];
  readonly amount: MoneyString;
}

type Posting = { readonly eventType: string; readonly balanceDelta: bigint;
  readonly tds?: PostingTds };

/**
 * The postings with a deduction noted on the interest posting it was taken from. The decider
 * appends a TdsDeducted right after its InterestPosted, so that posting is the last one
 * recorded; a deduction from a maturity or a closing (no reversible posting) is noted nowhere.
 */
export const tdsNoted = <P extends Posting>(
  postings: PersistentMap<P>, d: TdsDeducted['data'],
): PersistentMap<P> => {
  const id = postings.lastKey;
  const p = id === undefined ? undefined : mapGet(postings, id);
  if (id === undefined || p === undefined || p.eventType !== 'InterestPosted'
    || p.tds !== undefined || p.balanceDelta !== minorOf(d.interest)) return postings;
  const tds: PostingTds = { financialYear: d.financialYear, interest: d.interest, rate: d.rate,
    amount: d.amount };
  return mapSet(postings, id, { ...p, tds });
};

/** The TdsReversed that gives back the deduction of posting `eventId`, if one was taken. */
export const tdsReversedWith = (
  p: Posting, a: { accountId: TdsReversed['data']['accountId'];
    memberId: TdsReversed['data']['memberId'] },
  on: TdsReversed['data']['on'], eventId: TdsReversed['data']['reversedEventId'],
): ReadonlyArray<TdsReversed> => p.tds === undefined ? [] : [{ type: 'TdsReversed', data: {
  accountId: a.accountId, memberId: a.memberId, on, reversedEventId: eventId, ...p.tds,
} }];
