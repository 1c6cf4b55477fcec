import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { addMonths } from '../dates/businessDate.ts';
import type { Decider, WithFacts } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { notBefore } from '../shared/guards.ts';
import { reversiblePosting, type ReverseEvent } from '../shared/correction.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { ShareProduct } from '../products/shareProduct.ts';
import type {
  CreditDividend, PayDividendInCash, PurchaseShares, RecordDividendPayableInCash,
  RedeemShares, RedirectDividendToCash, ShareCommand,
} from './commands.ts';
import type { ShareEvent } from './events.ts';
import { loansOutstandingMinor } from '../member/facts.ts';
import type {
  DividendSavingsFact, RedeemSharesFacts, RedirectDividendFacts, ShareFacts, ShareReversalFacts,
} from './facts.ts';
import {
  evolveShares, initialShareState, standingCredit, standingCredits, type SharePosting,
  type ShareState,
} from './state.ts';
import type { WithPeriod } from '../periodFact.ts';
import { creditsAwaiting } from './dividendDeposits.ts';
import type { WithBranchDay } from '../branch/branchDayFact.ts';
import { inOpenBooks } from '../branch/openBooks.ts';
import { admittedMember, type MembershipFacts } from '../member/membership.ts';
import { nominate, type NominateNominee } from '../nominee/nominee.ts';

type Result = E.Either<Rejection, ReadonlyArray<ShareEvent>>;
type Open = Exclude<ShareState, { status: 'none' }>;

/**
 * A share account's command with the facts it is decided on. A correction (ReverseEvent, shared
 * by every account) carries facts only when it reverses a dividend credit (ShareReversalFacts).
 */
export type ShareDecision = (WithFacts<ShareCommand, ShareFacts>
  | (ReverseEvent & { readonly facts?: ShareReversalFacts })) & WithPeriod & WithBranchDay;

/** The open account a command is for, or why the command cannot touch it. */
const openAccount = (
  s: ShareState, c: { accountId: string; memberId: string; on: BusinessDate },
): E.Either<Rejection, Open> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'shares', id: c.accountId });
  }
  if (s.accountId !== c.accountId || s.memberId !== c.memberId) {
    const [expected, got] = s.accountId !== c.accountId
      ? [s.accountId, c.accountId] : [s.memberId, c.memberId];
    return E.left({ type: 'wrong_aggregate', aggregate: 'shares', expected, got });
  }
  if (s.status === 'closed') {
    return E.left({ type: 'account_closed', accountId: s.accountId, status: s.status });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

const holdingBounds = (p: ShareProduct, sharesAfter: number): E.Either<Rejection, true> => {
  if (sharesAfter > p.maximumShares) {
    return E.left({ type: 'above_maximum_shares', maximumShares: p.maximumShares, sharesAfter });
  }
  if (sharesAfter < p.minimumShares) {
    return E.left({ type: 'below_minimum_shares', minimumShares: p.minimumShares, sharesAfter });
  }
  return E.right(true);
};

const purchase = (
  products: ProductCatalogue, c: PurchaseShares['data'], m: MembershipFacts, s: ShareState,
): Result => {
  let held = 0;
  if (s.status !== 'none') {
    const open = openAccount(s, c);
    if (E.isLeft(open)) return open;
    if (open.right.productId !== c.productId) {
      return E.left({
        type: 'wrong_product', productId: c.productId, expected: open.right.productId,
        got: c.productId,
      });
    }
    held = open.right.shares;
  }
  const member = admittedMember(c.memberId, m, c.on);
  if (E.isLeft(member)) return member;
  const p = productOf(products, c.productId, 'share');
  if (E.isLeft(p)) return p;
  const bounds = holdingBounds(p.right, held + c.shares);
  if (E.isLeft(bounds)) return bounds;
  const faceValue = minorOf(p.right.faceValue);
  return E.right([{ type: 'SharesPurchased', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: c.accountId, memberId: c.memberId,
    branchId: member.right.branchId, productId: c.productId, on: c.on, shares: c.shares,
    faceValue: p.right.faceValue,
    amount: moneyString(faceValue * BigInt(c.shares)), sharesAfter: held + c.shares,
  } }]);
};

const redemptionRule = (
  p: ShareProduct, s: Open, c: RedeemShares['data'], f: RedeemSharesFacts,
): E.Either<Rejection, true> => {
  const sharesAfter = s.shares - c.shares;
  if (c.shares > s.shares) {
    return E.left({ type: 'insufficient_shares', sharesHeld: s.shares, sharesRequested: c.shares });
  }
  if (c.forExit && sharesAfter !== 0) {
    return E.left({
      type: 'exit_must_redeem_all', sharesHeld: s.shares, sharesRequested: c.shares,
    });
  }
  if (c.shares === 0 && !c.forExit) {
    return E.left({ type: 'nothing_to_redeem', sharesHeld: s.shares });
  }
  // The lock-in keeps capital in: an account a correction emptied has none to keep.
  const lockedUntil = addMonths(s.firstPurchasedOn, p.lockInMonths);
  if (c.shares > 0 && c.on < lockedUntil) return E.left({ type: 'shares_locked_in', lockedUntil });
  const required = p.minimumSharesWhileBorrowing;
  const outstanding = loansOutstandingMinor(f.loans);
  if (outstanding > 0n && sharesAfter < required) {
    return E.left({
      type: 'shares_pledged_to_loan', outstandingPrincipal: moneyString(outstanding),
      sharesRequiredWhileBorrowing: required, sharesAfter,
    });
  }
  if (!c.forExit && sharesAfter < p.minimumShares) {
    return E.left({ type: 'below_minimum_shares', minimumShares: p.minimumShares, sharesAfter });
  }
  return E.right(true);
};

const redeem = (
  products: ProductCatalogue, c: RedeemShares['data'], f: RedeemSharesFacts, state: ShareState,
): Result => {
  const open = openAccount(state, c);
  if (E.isLeft(open)) return open;
  const s = open.right;
  const p = productOf(products, s.productId, 'share');
  if (E.isLeft(p)) return p;
  const rule = redemptionRule(p.right, s, c, f);
  if (E.isLeft(rule)) return rule;
  const closed: ShareEvent = { type: 'ShareAccountClosed', data: {
    accountId: s.accountId, memberId: s.memberId, on: c.on,
  } };
  // An account a correction emptied is closed with no redemption: no share, no money moves.
  if (c.shares === 0) return E.right([closed]);
  const redeemed: ShareEvent = { type: 'SharesRedeemed', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    productId: s.productId, on: c.on, shares: c.shares, faceValue: p.right.faceValue,
    amount: moneyString(minorOf(p.right.faceValue) * BigInt(c.shares)),
    sharesAfter: s.shares - c.shares, forExit: c.forExit,
  } };
  return E.right(c.forExit ? [redeemed, closed] : [redeemed]);
};

const creditDividend = (c: CreditDividend['data'], state: ShareState): Result => {
  const open = openAccount(state, c);
  if (E.isLeft(open)) return open;
  const s = open.right;
  const decided = yearUndecided(s, c.financialYear);
  if (E.isLeft(decided)) return decided;
  return E.right([{ type: 'DividendCredited', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    on: c.on, financialYear: c.financialYear, amount: c.amount,
    savingsAccountId: c.savingsAccountId,
  } }]);
};

// A year's dividend is decided once: credited to savings, or recorded payable in cash.
const yearUndecided = (s: Open, financialYear: string): E.Either<Rejection, true> =>
  s.dividendYears.includes(financialYear) || Object.hasOwn(s.cashDividends, financialYear)
    ? E.left({ type: 'dividend_already_credited', financialYear }) : E.right(true);

/** The account, open or closed: a member who has left is still owed her dividend. */
const anyAccount = (
  s: ShareState, c: { accountId: string; memberId: string; on: BusinessDate },
): E.Either<Rejection, Open> =>
  s.status === 'closed' ? openAccount({ ...s, status: 'open' }, c) : openAccount(s, c);

const cashDividendEvent = (
  type: 'DividendPayableInCash' | 'DividendPaidInCash', s: Open,
  c: RecordDividendPayableInCash['data'] | PayDividendInCash['data'],
): ShareEvent => ({ type, data: {
  eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
  on: c.on, financialYear: c.financialYear, amount: c.amount,
} });

const recordPayableInCash = (c: RecordDividendPayableInCash['data'], state: ShareState): Result => {
  const open = anyAccount(state, c);
  if (E.isLeft(open)) return open;
  const decided = yearUndecided(open.right, c.financialYear);
  if (E.isLeft(decided)) return decided;
  return E.right([cashDividendEvent('DividendPayableInCash', open.right, c)]);
};

const payInCash = (c: PayDividendInCash['data'], state: ShareState): Result => {
  const open = anyAccount(state, c);
  if (E.isLeft(open)) return open;
  const s = open.right;
  const financialYear = c.financialYear;
  // A part credited to savings is paid in cash only once redirected there (it is then owed).
  const owed = Object.hasOwn(s.cashDividends, financialYear)
    ? s.cashDividends[financialYear] : undefined;
  if (owed === undefined) {
    return E.left(s.dividendYears.includes(financialYear)
      ? { type: 'dividend_already_credited', financialYear }
      : { type: 'dividend_not_payable_in_cash', financialYear });
  }
  if (owed.paid) return E.left({ type: 'dividend_already_paid', financialYear });
  // Both amounts are canonical decimal strings: equal strings are equal amounts.
  if (owed.amount !== c.amount) {
    return E.left({ type: 'dividend_amount_differs', financialYear, expected: owed.amount,
      got: c.amount });
  }
  return E.right([cashDividendEvent('DividendPaidInCash', s, c)]);
};

/**
 * Whether her credit of `financialYear` to the savings account of `f` still awaits its deposit
 * there: standing, not redirected, and no deposit there brought it (creditsAwaiting matches
 * each deposit to the credit of its year).
 */
export const creditAwaitsDeposit = (
  s: ShareState, f: DividendSavingsFact, financialYear: string | null,
): boolean => creditsAwaiting(standingCredits(s, f.accountId), f.deposits)
  .some((c) => c.financialYear === financialYear);

/**
 * A part credited to savings, made payable in cash: her savings account closed before it was
 * deposited. Refused unless the year's credit stands (not reversed, not redirected already),
 * for this amount, to the account the facts were read from, that account is not open (an open
 * one takes the deposit), and no deposit there brought this year's part (one deposited before
 * the account closed was hers in savings, and left with its balance).
 */
const redirect = (
  c: RedirectDividendToCash['data'], f: RedirectDividendFacts, state: ShareState,
): Result => {
  const open = anyAccount(state, c);
  if (E.isLeft(open)) return open;
  const s = open.right;
  const financialYear = c.financialYear;
  const record = standingCredit(s, financialYear);
  if (record === undefined) {
    return E.left({ type: 'dividend_not_credited', financialYear });
  }
  if (record.redirected) return E.left({ type: 'dividend_already_credited', financialYear });
  if (record.amount !== c.amount) {
    return E.left({ type: 'dividend_amount_differs', financialYear, expected: record.amount,
      got: c.amount });
  }
  const savingsAccountId = record.savingsAccountId;
  const savings = f.savings;
  if (savings === undefined) return notRead(savingsAccountId);
  if (savings.accountId !== savingsAccountId) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'deposit', expected: savingsAccountId,
      got: savings.accountId });
  }
  if (savings.open) {
    return E.left({ type: 'dividend_savings_open', financialYear, savingsAccountId });
  }
  if (!creditAwaitsDeposit(s, savings, financialYear)) {
    return E.left({ type: 'dividend_already_deposited', financialYear, savingsAccountId });
  }
  return E.right([{ type: 'DividendRedirectedToCash', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    on: c.on, financialYear, amount: record.amount, savingsAccountId,
    creditedEventId: record.eventId,
  } }]);
};

// A dividend credit is reversed only while its part awaits deposit: once in her savings, the
// deposit is reversed first. One redirected to cash is settled in cash, not reversed.
const creditReversible = (
  s: Open, c: ReverseEvent['data'], p: SharePosting, facts: ShareReversalFacts | undefined,
): E.Either<Rejection, true> => {
  const record = p.credit;
  if (record === undefined) return E.right(true);
  const refused = (why: string): E.Either<Rejection, true> =>
    E.left({ type: 'not_reversible', eventId: c.eventId, eventType: p.eventType, why });
  if (record.redirected) return refused('the dividend was redirected to cash');
  if (facts === undefined || facts.savings.accountId !== record.savingsAccountId) {
    return notRead(record.savingsAccountId);
  }
  return creditAwaitsDeposit(s, facts.savings, p.financialYear) ? E.right(true)
    : refused('the dividend was deposited in savings: reverse the deposit first');
};

// A decision on a dividend credit made without the savings account it names.
const notRead = (savingsAccountId: string): E.Either<Rejection, never> =>
  E.left({ type: 'cannot_compute', field: 'facts.savings',
    reason: `the savings account ${savingsAccountId} the credit names was not read` });

const reverse = (
  products: ProductCatalogue, c: ReverseEvent['data'], state: ShareState,
  facts: ShareReversalFacts | undefined,
): Result => {
  if (c.aggregate !== 'shares') {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'shares', expected: 'shares', got: c.aggregate,
    });
  }
  // A share correction names the member: her share stream is `shares-<memberId>`.
  const accountId = state.status === 'none' ? c.aggregateId : state.accountId;
  const open = openAccount(state, { accountId, memberId: c.aggregateId, on: c.on });
  if (E.isLeft(open)) return open;
  const s = open.right;
  const p = reversiblePosting(s.postings, c.eventId);
  if (E.isLeft(p)) return p;
  const credit = creditReversible(s, c, p.right, facts);
  if (E.isLeft(credit)) return credit;
  if (s.shares - p.right.sharesDelta < 0) {
    return E.left({
      type: 'not_reversible', eventId: c.eventId, eventType: p.right.eventType,
      why: 'the shares bought have since been redeemed',
    });
  }
  // Undoing a redemption gives the shares back; the holding must still fit the product.
  const after = s.shares - p.right.sharesDelta;
  if (s.productId !== undefined && p.right.sharesDelta < 0) {
    const product = productOf(products, s.productId, 'share');
    if (E.isLeft(product)) return product;
    const { maximumShares } = product.right;
    if (after > maximumShares) {
      return E.left({ type: 'above_maximum_shares', maximumShares, sharesAfter: after });
    }
  }
  return E.right([reversal(s, c, p.right.eventType)]);
};

const reversal = (
  s: Open, c: ReverseEvent['data'], eventType: string,
): ShareEvent => ({ type: 'EventReversed', data: {
  aggregate: 'shares', aggregateId: s.memberId, memberId: s.memberId, on: c.on,
  reversedEventId: c.eventId, reversedEventType: eventType, reason: c.reason,
} });

// A nominee on the member's share account (routed to her share stream by `memberId`).
const nominateOnShares = (c: NominateNominee['data'], state: ShareState): Result => {
  const open = openAccount(state, c);
  return E.isLeft(open) ? open : nominate(c, open.right);
};

/** The share account decider: purchases, redemptions, dividends credited or paid in cash. */
export const createShareDecider = (config: { readonly products: ProductCatalogue }):
  Decider<ShareDecision, ShareEvent, ShareState> => ({
  initialState: initialShareState,
  evolve: evolveShares,
  decide: (command, state) => {
    // Closed books take nothing new, whatever the stream's state: a closed year (PeriodFact),
    // a closed day of her branch (BranchDayFact).
    const open = inOpenBooks(command);
    if (E.isLeft(open)) return open;
    switch (command.type) {
      case 'PurchaseShares':
        return purchase(config.products, command.data, command.facts, state);
      case 'RedeemShares':
        return redeem(config.products, command.data, command.facts, state);
      case 'CreditDividend': return creditDividend(command.data, state);
      case 'RecordDividendPayableInCash': return recordPayableInCash(command.data, state);
      case 'RedirectDividendToCash': return redirect(command.data, command.facts, state);
      case 'PayDividendInCash': return payInCash(command.data, state);
      case 'ReverseEvent': return reverse(config.products, command.data, state,
        'facts' in command ? command.facts : undefined);
      case 'NominateNominee': return nominateOnShares(command.data, state);
    }
  },
});
