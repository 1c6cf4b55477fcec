import * as t from 'io-ts';
import { AccountId, EventId, MemberId, ProductId } from '../shared/ids.ts';
import {
  DateString, FinancialYearLabel, MoneyString, PositiveCount, Count,
} from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { EventReversed } from '../shared/correction.ts';
import { BranchAtOpening } from '../member/branchAtOpening.ts';
import { NomineeNominated } from '../nominee/nominee.ts';

// What a purchase and a redemption both say: how many shares moved, at what face value.
const shareMovement = {
  eventId: EventId,
  accountId: AccountId,
  memberId: MemberId,
  productId: ProductId,
  on: DateString,
  shares: PositiveCount,
  faceValue: MoneyString,
  amount: MoneyString,
  sharesAfter: Count,
};

/**
 * A member bought shares at face value; `amount` = shares x faceValue; `branchId` is her
 * branch on the day (see BranchAtOpening).
 */
export const SharesPurchased = eventCodec('SharesPurchased', {
  ...shareMovement, branchId: BranchAtOpening,
});
export type SharesPurchased = t.TypeOf<typeof SharesPurchased>;

/** The society bought back shares at face value; `forExit` when the member is leaving. */
export const SharesRedeemed = eventCodec('SharesRedeemed', {
  ...shareMovement,
  forExit: t.boolean,
});
export type SharesRedeemed = t.TypeOf<typeof SharesRedeemed>;

/** The share account closed after every share was redeemed on exit. */
export const ShareAccountClosed = eventCodec('ShareAccountClosed', {
  accountId: AccountId,
  memberId: MemberId,
  on: DateString,
});
export type ShareAccountClosed = t.TypeOf<typeof ShareAccountClosed>;

// What every dividend event of a member says: whose, which year, how much.
const memberDividend = {
  eventId: EventId,
  accountId: AccountId,
  memberId: MemberId,
  on: DateString,
  financialYear: FinancialYearLabel,
  amount: MoneyString,
};

/** A member's dividend for a year, credited to her savings account `savingsAccountId`. */
export const DividendCredited = eventCodec('DividendCredited', {
  ...memberDividend,
  savingsAccountId: AccountId,
});
export type DividendCredited = t.TypeOf<typeof DividendCredited>;

/**
 * A member's dividend for a year is payable in cash (she had no open savings account when it
 * was credited): it stays in dividends payable until paid. Moves no money.
 */
export const DividendPayableInCash = eventCodec('DividendPayableInCash', memberDividend);
export type DividendPayableInCash = t.TypeOf<typeof DividendPayableInCash>;

/**
 * A member's dividend credited to her savings account (`creditedEventId`, a DividendCredited)
 * could not be deposited there: the account `savingsAccountId` was closed first. The credit
 * stands corrected by this event, not reversed: the part leaves "awaiting deposit" and is
 * payable in cash, as if recorded so (DividendPayableInCash), until paid.
 */
export const DividendRedirectedToCash = eventCodec('DividendRedirectedToCash', {
  ...memberDividend,
  savingsAccountId: AccountId,
  creditedEventId: EventId,
});
export type DividendRedirectedToCash = t.TypeOf<typeof DividendRedirectedToCash>;

/** A member's dividend payable in cash was paid to her from the till. */
export const DividendPaidInCash = eventCodec('DividendPaidInCash', memberDividend);
export type DividendPaidInCash = t.TypeOf<typeof DividendPaidInCash>;

/** The share account's events, by type. */
export const shareEvents = {
  SharesPurchased, SharesRedeemed, ShareAccountClosed, DividendCredited, DividendPayableInCash,
  DividendRedirectedToCash, DividendPaidInCash, EventReversed, NomineeNominated,
} as const;
export type ShareEvent =
  | SharesPurchased | SharesRedeemed | ShareAccountClosed | DividendCredited
  | DividendPayableInCash | DividendRedirectedToCash | DividendPaidInCash | EventReversed
  | NomineeNominated;
