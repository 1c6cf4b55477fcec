import type { AccountId, LoanId, MemberId, SocietyId } from './ids.ts';

/** The aggregates of the domain, and the prefix of their streams. */
export type AggregateKind = 'member' | 'shares' | 'deposit' | 'loan' | 'society';

/** `member-<memberId>`: admission and exit. */
export const memberStream = (id: MemberId): string => `member-${id}`;
/** `shares-<memberId>`: a member's one share account. */
export const sharesStream = (id: MemberId): string => `shares-${id}`;
/** `deposit-<accountId>`: one savings, recurring or fixed deposit account. */
export const depositStream = (id: AccountId): string => `deposit-${id}`;
/** `loan-<loanId>`: one loan, from application to closure. */
export const loanStream = (id: LoanId): string => `loan-${id}`;
/** `society-<societyId>`: configuration, year closes, dividends. */
export const societyStream = (id: SocietyId): string => `society-${id}`;

/** The stream names, by aggregate. @example streamNameFor.loan(loanId) === 'loan-L1' */
export const streamNameFor = {
  member: memberStream,
  shares: sharesStream,
  deposit: depositStream,
  loan: loanStream,
  society: societyStream,
} as const;

/** The aggregate a stream name belongs to, or undefined. */
export const aggregateOfStream = (stream: string): AggregateKind | undefined => {
  const prefix = stream.slice(0, stream.indexOf('-'));
  return prefix === 'member' || prefix === 'shares' || prefix === 'deposit' ||
    prefix === 'loan' || prefix === 'society' ? prefix : undefined;
};
