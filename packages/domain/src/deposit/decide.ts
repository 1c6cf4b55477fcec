import { mapValues } from '../shared/persistentMap.ts';
import * as E from 'fp-ts/lib/Either.js';
import { addDays, addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { Decider, WithFacts } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';
import { MAX_MINOR_ABS } from '../money/money.ts';
import { notBefore } from '../shared/guards.ts';
import { reversiblePosting, type ReverseEvent } from '../shared/correction.ts';
import { InvalidDepositTermsError } from '../finance/invalidDepositTerms.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import {
  fixedDepositTermRange, type FixedDepositProduct,
} from '../products/depositProducts.ts';
import { termEnd, type DepositTerm } from '../finance/depositTerm.ts';
import type * as C from './commands.ts';
import type { DepositEvent } from './events.ts';
import type { DepositFacts, DepositInterestFacts, MakeDepositFacts } from './facts.ts';
import { interestAtMaturity, interestForPeriod, interestOnEarlyClosure } from './interest.ts';
import {
  dividendDeposits, evolveDeposit, initialDepositState, type DepositPosting,
  type DepositState,
} from './state.ts';
import { creditFor, creditsAwaiting, creditsTotal } from '../shares/dividendDeposits.ts';
import type { WithPeriod } from '../periodFact.ts';
import type { WithBranchDay } from '../branch/branchDayFact.ts';
import { inOpenBooks } from '../branch/openBooks.ts';
import { admittedMember, type MembershipFacts } from '../member/membership.ts';
import {
  callGuarantee, keepsLiens, placeLien, releaseLien, reversalKeepsLiens,
} from './lienDecisions.ts';
import { nominate, type NominateNominee } from '../nominee/nominee.ts';
import { tdsOn } from './tdsOn.ts';
import { tdsReversedWith } from './tdsOfPostings.ts';
import { notDormant } from './dormancy.ts';
import { reactivate, type ReactivateAccount } from './dormancyReactivation.ts';
import { applyDepositCharges } from '../charges/applyDepositCharges.ts';

type Result = E.Either<Rejection, ReadonlyArray<DepositEvent>>;
type Open = Exclude<DepositState, { status: 'none' }>;
type Products = ProductCatalogue;

/** A deposit account's command with the facts it is decided on. */
export type DepositDecision = WithFacts<C.DepositCommand, DepositFacts> & WithPeriod
  & WithBranchDay;

// The account's product, of the account's kind.
const productFor = (ps: Products, s: Open) => productOf(ps, s.productId, s.kind);

// An interest figure, or `cannot_compute` when an engine refuses the terms.
const interest = <T>(figure: () => T): E.Either<Rejection, T> => {
  try {
    return E.right(figure());
  } catch (e) {
    if (e instanceof InvalidDepositTermsError) {
      return E.left({ type: 'cannot_compute', field: e.field, reason: e.reason });
    }
    throw e;
  }
};

/** The account a command is for, unless it does not exist, is another or is closed. */
const account = (
  s: DepositState, c: { accountId: string; on: BusinessDate },
): E.Either<Rejection, Open> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'deposit', id: c.accountId });
  }
  if (s.accountId !== c.accountId) {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'deposit', expected: s.accountId, got: c.accountId,
    });
  }
  if (s.status === 'closed') {
    return E.left({ type: 'account_closed', accountId: s.accountId, status: s.status });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

/** The account if it is open and of one of the kinds an operation allows. */
const accountFor = (
  s: DepositState, c: { accountId: string; on: BusinessDate },
  operation: string, kinds: ReadonlyArray<Open['kind']>,
): E.Either<Rejection, Open> => {
  const a = account(s, c);
  if (E.isLeft(a)) return a;
  if (a.right.status !== 'open' || !kinds.includes(a.right.kind)) {
    return E.left({
      type: 'operation_not_allowed', kind: a.right.kind, operation, status: a.right.status,
    });
  }
  return a;
};

const fresh = (s: DepositState): E.Either<Rejection, true> =>
  s.status === 'none' ? E.right(true)
    : E.left({ type: 'already_exists', aggregate: 'deposit', id: s.accountId });

const termIn = (min: number, max: number, requested: number): E.Either<Rejection, true> =>
  requested < min || requested > max
    ? E.left({ type: 'term_out_of_range', minimum: min, maximum: max, requested })
    : E.right(true);

const atLeast = (minimum: MoneyString, requested: MoneyString): E.Either<Rejection, true> =>
  minorOf(requested) < minorOf(minimum)
    ? E.left({ type: 'amount_out_of_range', minimum, maximum: null, requested })
    : E.right(true);

// A new account of `memberId`'s, on a stream with none yet: her branch, or why not.
const opening = (s: DepositState, memberId: C.OpenSavingsAccount['data']['memberId'],
  facts: MembershipFacts, on: BusinessDate) => {
  const f = fresh(s);
  return E.isLeft(f) ? f : admittedMember(memberId, facts, on);
};

const openSavings = (
  ps: Products, c: C.OpenSavingsAccount['data'], m: MembershipFacts, s: DepositState,
): Result => {
  const f = opening(s, c.memberId, m, c.on);
  if (E.isLeft(f)) return f;
  const p = productOf(ps, c.productId, 'savings');
  if (E.isLeft(p)) return p;
  return E.right([{ type: 'SavingsAccountOpened', data: {
    accountId: c.accountId, memberId: c.memberId, branchId: f.right.branchId,
    productId: c.productId, on: c.on,
    rateAnnualPercent: p.right.rateAnnualPercent, minimumBalance: p.right.minimumBalance,
  } }]);
};

const openRecurring = (
  ps: Products, c: C.OpenRecurringDeposit['data'], m: MembershipFacts, s: DepositState,
): Result => {
  const f = opening(s, c.memberId, m, c.on);
  if (E.isLeft(f)) return f;
  const p = productOf(ps, c.productId, 'recurring');
  if (E.isLeft(p)) return p;
  const term = termIn(p.right.minTermMonths, p.right.maxTermMonths, c.termMonths);
  if (E.isLeft(term)) return term;
  const amount = atLeast(p.right.minimumInstalment, c.instalment);
  if (E.isLeft(amount)) return amount;
  return E.right([{ type: 'RecurringDepositOpened', data: {
    accountId: c.accountId, memberId: c.memberId, branchId: f.right.branchId,
    productId: c.productId, on: c.on,
    rateAnnualPercent: p.right.rateAnnualPercent, instalment: c.instalment,
    termMonths: c.termMonths, maturesOn: addMonths(c.on, c.termMonths),
  } }]);
};

// The term an opening asks for: `termMonths`, or `term` in `termUnit` (the codec allows one).
const fixedTermAsked = (c: C.OpenFixedDeposit['data']): DepositTerm =>
  c.termMonths !== undefined ? { length: c.termMonths, unit: 'months' }
    : { length: c.term ?? 0, unit: c.termUnit ?? 'months' };

// Within the product's range, counted in the product's unit: a term in another unit is
// refused rather than converted (a month is not a whole number of days or weeks).
const fixedTermIn = (p: FixedDepositProduct, asked: DepositTerm): E.Either<Rejection, true> => {
  const range = fixedDepositTermRange(p);
  if (range === undefined) {
    return E.left({ type: 'cannot_compute', field: 'termUnit',
      reason: 'the product has no term range' });
  }
  if (asked.unit !== range.unit) {
    return E.left({ type: 'invalid_terms', field: 'termUnit',
      reason: `the product counts terms in ${range.unit}` });
  }
  return termIn(range.min, range.max, asked.length);
};

const openFixed = (
  ps: Products, c: C.OpenFixedDeposit['data'], m: MembershipFacts, s: DepositState,
): Result => {
  const f = opening(s, c.memberId, m, c.on);
  if (E.isLeft(f)) return f;
  const p = productOf(ps, c.productId, 'fixed');
  if (E.isLeft(p)) return p;
  const asked = fixedTermAsked(c);
  const term = fixedTermIn(p.right, asked);
  if (E.isLeft(term)) return term;
  const amount = atLeast(p.right.minimumPrincipal, c.principal);
  if (E.isLeft(amount)) return amount;
  return E.right([{ type: 'FixedDepositOpened', data: {
    accountId: c.accountId, memberId: c.memberId, branchId: f.right.branchId,
    productId: c.productId, on: c.on,
    rateAnnualPercent: p.right.rateAnnualPercent, principal: c.principal,
    term: asked.length, termUnit: asked.unit, maturesOn: termEnd(c.on, asked),
  } }]);
};

/**
 * The year of the credit a dividend deposit brings (none for another source): one of her credits
 * to the account it has not taken yet, whole, of its amount (creditFor: the one credited on the
 * deposit's day, as the dividend run makes them, else the oldest).
 */
const dividendYearOf = (
  c: C.MakeDeposit['data'], m: MakeDepositFacts, s: DepositState,
): E.Either<Rejection, string | null> => {
  if (c.source !== 'dividend') return E.right(null);
  if (m.dividendCredits === undefined) {
    return E.left({ type: 'cannot_compute', field: 'facts.dividendCredits',
      reason: 'a dividend deposit is decided on her share account\'s credits, not read' });
  }
  const awaiting = creditsAwaiting(m.dividendCredits, dividendDeposits(s));
  const credit = creditFor(awaiting, minorOf(c.amount), c.on);
  return credit !== undefined ? E.right(credit.financialYear) : E.left({
    type: 'dividend_not_awaiting_deposit', requested: c.amount,
    awaitingDeposit: moneyString(creditsTotal(awaiting)) });
};

const deposit = (c: C.MakeDeposit['data'], m: MakeDepositFacts, state: DepositState): Result => {
  const a = accountFor(state, c, 'deposit', ['savings', 'recurring']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const member = admittedMember(s.memberId, m, c.on);
  if (E.isLeft(member)) return member;
  const dividendYear = dividendYearOf(c, m, s);
  if (E.isLeft(dividendYear)) return dividendYear;
  let instalmentNumber: number | null = null;
  if (s.kind === 'recurring') {
    const term = s.termMonths ?? 0;
    if (s.instalmentsPaid >= term) {
      return E.left({ type: 'all_instalments_paid', instalments: term });
    }
    const instalment = moneyString(s.instalment ?? 0n);
    if (instalment !== c.amount) {
      return E.left({ type: 'amount_not_instalment', instalment, requested: c.amount });
    }
    instalmentNumber = s.instalmentsPaid + 1;
  }
  const tooLarge = beyondRange(s.balance, c.amount);
  if (tooLarge !== undefined) return E.left(tooLarge);
  const deposited: DepositEvent = { type: 'Deposited', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    on: c.on, amount: c.amount, source: c.source, instalmentNumber,
    balanceAfter: moneyString(s.balance + minorOf(c.amount)),
  } };
  const financialYear = dividendYear.right;
  return E.right(financialYear === null ? [deposited] : [deposited, {
    type: 'DividendDeposited', data: { accountId: s.accountId, memberId: s.memberId,
      on: c.on, financialYear, depositedEventId: deposited.data.eventId } }]);
};

// A credit that would take the balance past the range every stored amount fits in is refused
// (no command amount does alone; about 10^5 credits at the command limit could).
const beyondRange = (balance: bigint, amount: MoneyString): Rejection | undefined =>
  balance + minorOf(amount) <= MAX_MINOR_ABS ? undefined : {
    type: 'amount_too_large', field: 'data.amount', limit: moneyString(MAX_MINOR_ABS - balance),
    requested: amount,
  };

const withdraw = (ps: Products, c: C.Withdraw['data'], state: DepositState): Result => {
  const a = accountFor(state, c, 'withdraw', ['savings']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const p = productOf(ps, s.productId, 'savings');
  if (E.isLeft(p)) return p;
  const after = s.balance - minorOf(c.amount);
  if (after < 0n) {
    return E.left({
      type: 'insufficient_balance', balance: moneyString(s.balance), requested: c.amount,
    });
  }
  if (after < minorOf(p.right.minimumBalance)) {
    return E.left({
      type: 'below_minimum_balance', minimumBalance: p.right.minimumBalance,
      balanceAfter: moneyString(after),
    });
  }
  const active = notDormant(s, p.right, c.on);
  if (E.isLeft(active)) return active;
  return E.right([{ type: 'Withdrawn', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    on: c.on, amount: c.amount, balanceAfter: moneyString(after),
  } }]);
};

// A posting dated its period's last day may be recorded after later events: its interest is
// computed from the money moves up to that day only, so what happened since does not change it
// (the year's close posts to 31 March, dated 31 March, whenever it runs).
const interestDate = (s: DepositState, c: C.PostInterest['data']): BusinessDate =>
  s.status !== 'none' && c.on === c.periodTo && c.on < s.lastOn ? s.lastOn : c.on;

const postInterest = (
  ps: Products, c: C.PostInterest['data'], f: DepositInterestFacts, state: DepositState,
): Result => {
  const a = accountFor(state, { ...c, on: interestDate(state, c) }, 'post_interest',
    ['savings', 'recurring', 'fixed']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  // Periods follow each other without gap or overlap: each starts where the last one ended.
  const periodFrom = s.interestPostedThrough === null ? s.openedOn
    : addDays(s.interestPostedThrough, 1);
  if (c.periodTo < periodFrom || c.periodTo > c.on) {
    return E.left({
      type: 'interest_period_invalid', expectedFrom: periodFrom, periodFrom,
      periodTo: c.periodTo,
    });
  }
  const p = productFor(ps, s);
  if (E.isLeft(p)) return p;
  const due = interest(() => interestForPeriod(s, p.right, f.history, c.periodTo,
    f.rateSteps));
  if (E.isLeft(due)) return due;
  const { minor, through } = due.right;
  // A posting of nothing is not stored: it would record a period as credited for no money.
  if (minor === 0n) {
    return E.left({ type: 'nothing_to_post', accountId: s.accountId, periodFrom,
      periodTo: c.periodTo });
  }
  const amount = moneyString(minor);
  const tooLarge = beyondRange(s.balance, amount);
  if (tooLarge !== undefined) return E.left(tooLarge);
  // The period stored is the one computed: up to the last posting period ended by `periodTo`.
  const periodTo = through !== null && through >= periodFrom ? through : c.periodTo;
  // `balanceAfter` is the balance when recorded plus the interest, also for a posting dated
  // before later events: a passbook line is the account's balance after the line.
  return E.right([{ type: 'InterestPosted', data: {
    eventId: eventIdFor(c.commandId, 0), accountId: s.accountId, memberId: s.memberId,
    on: c.on, periodFrom, periodTo, amount, balanceAfter: moneyString(s.balance + minor),
  } }, ...tdsOn(f, s, c.on, minor)]);
};

const missable = (s: Open, n: number, on: BusinessDate): E.Either<Rejection, BusinessDate> => {
  const dueOn = addMonths(s.openedOn, n - 1);
  const no = (why: 'beyond_term' | 'already_paid' | 'already_missed' | 'not_yet_due') =>
    E.left<Rejection, BusinessDate>({ type: 'instalment_not_missable', instalmentNumber: n, why });
  if (n > (s.termMonths ?? 0)) return no('beyond_term');
  if (n <= s.instalmentsPaid) return no('already_paid');
  if (s.instalmentsMissed.includes(n)) return no('already_missed');
  if (on <= dueOn) return no('not_yet_due');
  return E.right(dueOn);
};

const markMissed = (c: C.MarkInstalmentMissed['data'], state: DepositState): Result => {
  const a = accountFor(state, c, 'mark_instalment_missed', ['recurring']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const dueOn = missable(s, c.instalmentNumber, c.on);
  if (E.isLeft(dueOn)) return dueOn;
  return E.right([{ type: 'RecurringInstalmentMissed', data: {
    accountId: s.accountId, memberId: s.memberId, on: c.on,
    instalmentNumber: c.instalmentNumber, dueOn: dueOn.right,
  } }]);
};

const mature = (
  ps: Products, c: C.MatureDeposit['data'], f: DepositInterestFacts, state: DepositState,
): Result => {
  const a = accountFor(state, c, 'mature', ['recurring', 'fixed']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const maturesOn = s.maturesOn ?? s.openedOn;
  if (c.on < maturesOn) return E.left({ type: 'not_yet_mature', maturesOn });
  const p = productOf(ps, s.productId, s.kind === 'fixed' ? 'fixed' : 'recurring');
  if (E.isLeft(p)) return p;
  const credited = interest(() => moneyString(interestAtMaturity(s, p.right, f.history)));
  if (E.isLeft(credited)) return credited;
  return E.right([{ type: 'DepositMatured', data: {
    accountId: s.accountId, memberId: s.memberId, on: c.on, interest: credited.right,
    maturityAmount: moneyString(s.balance + minorOf(credited.right)),
  } }, ...tdsOn(f, s, c.on, minorOf(credited.right))]);
};

const closeEarly = (
  ps: Products, c: C.CloseDepositEarly['data'], f: DepositInterestFacts, state: DepositState,
): Result => {
  const a = accountFor(state, c, 'close_early', ['recurring', 'fixed']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const maturesOn = s.maturesOn ?? s.openedOn;
  if (c.on >= maturesOn) return E.left({ type: 'already_mature', maturesOn });
  const p = productOf(ps, s.productId, s.kind === 'fixed' ? 'fixed' : 'recurring');
  if (E.isLeft(p)) return p;
  const credited = interest(() => interestOnEarlyClosure(s, p.right, f.history, c.on));
  if (E.isLeft(credited)) return credited;
  // The closing pays the balance out in the same event, so the tax on its interest leaves the
  // balance first: `balance` is net of it, and `payout` is still `balance` + `interest`.
  const tds = tdsOn(f, s, c.on, credited.right);
  const balance = s.balance - tds.reduce((sum, d) => sum + minorOf(d.data.amount), 0n);
  return E.right([...tds, { type: 'DepositClosedEarly', data: {
    accountId: s.accountId, memberId: s.memberId, on: c.on, balance: moneyString(balance),
    interest: moneyString(credited.right),
    penaltyPercent: p.right.prematureClosurePenaltyPercent,
    payout: moneyString(balance + credited.right),
  } }]);
};

const close = (c: C.CloseDepositAccount['data'], state: DepositState): Result => {
  const a = account(state, c);
  if (E.isLeft(a)) return a;
  const s = a.right;
  if (s.kind !== 'savings' && s.status !== 'matured') {
    return E.left({ type: 'not_yet_mature', maturesOn: s.maturesOn ?? s.openedOn });
  }
  return E.right([{ type: 'DepositAccountClosed', data: {
    accountId: s.accountId, memberId: s.memberId, on: c.on, payout: moneyString(s.balance),
  } }]);
};

const reverse = (c: ReverseEvent['data'], state: DepositState): Result => {
  if (c.aggregate !== 'deposit') {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'deposit', expected: 'deposit', got: c.aggregate,
    });
  }
  const a = accountFor(state, { accountId: c.aggregateId, on: c.on }, 'reverse',
    ['savings', 'recurring', 'fixed']);
  if (E.isLeft(a)) return a;
  const s = a.right;
  const p = reversiblePosting(s.postings, c.eventId);
  if (E.isLeft(p)) return p;
  const why = reversalBlocked(s, p.right);
  if (why !== undefined) {
    return E.left({
      type: 'not_reversible', eventId: c.eventId, eventType: p.right.eventType, why,
    });
  }
  return E.right([{ type: 'EventReversed', data: {
    aggregate: 'deposit', aggregateId: s.accountId, memberId: s.memberId, on: c.on,
    reversedEventId: c.eventId, reversedEventType: p.right.eventType, reason: c.reason,
  } }, ...tdsReversedWith(p.right, s, c.on, c.eventId)]);
};

const reversalBlocked = (s: Open, p: DepositPosting): string | undefined => {
  if (p.calledFor !== undefined) return `it recovered loan ${p.calledFor} from a guarantee`;
  // A taxed posting's deduction comes back with it: the balance loses the posting net of it.
  const back = p.tds === undefined ? 0n : minorOf(p.tds.amount);
  if (s.balance - p.balanceDelta + back < 0n) return 'the money has since been paid out';
  const from = p.periodFrom;
  if (from === null) return undefined;
  const later = mapValues(s.postings)
    .some((q) => !q.reversed && q.periodFrom !== null && q.periodFrom > from);
  return later ? 'a later interest posting must be reversed first' : undefined;
};

// A savings account dormant on the command's date, reactivated by its product's rule.
const reactivateSavings = (ps: Products, c: ReactivateAccount['data'], state: DepositState):
  Result => {
  const a = accountFor(state, c, 'reactivate', ['savings']);
  if (E.isLeft(a)) return a;
  const p = productOf(ps, a.right.productId, 'savings');
  return E.isLeft(p) ? p : reactivate(a.right, p.right, c.on);
};

// A nominee on any deposit account not closed (a matured deposit awaits its payout).
const nominateOnDeposit = (c: NominateNominee['data'], state: DepositState): Result => {
  const a = account(state, c);
  return E.isLeft(a) ? a : nominate(c, a.right);
};

/** The deposit decider: savings, recurring and fixed deposit accounts. */
export const createDepositDecider = (config: { readonly products: ProductCatalogue }):
  Decider<DepositDecision, DepositEvent, DepositState> => ({
  initialState: initialDepositState,
  evolve: evolveDeposit,
  decide: (command, state) => {
    // Closed books take nothing new, whatever the stream's state: a closed year (PeriodFact),
    // a closed day of her branch (BranchDayFact).
    const open = inOpenBooks(command);
    if (E.isLeft(open)) return open;
    const ps = config.products;
    switch (command.type) {
      case 'OpenSavingsAccount': return openSavings(ps, command.data, command.facts, state);
      case 'OpenRecurringDeposit':
        return openRecurring(ps, command.data, command.facts, state);
      case 'OpenFixedDeposit': return openFixed(ps, command.data, command.facts, state);
      case 'MakeDeposit': return deposit(command.data, command.facts, state);
      case 'Withdraw': return keepsLiens(ps, state, command.data.amount,
        withdraw(ps, command.data, state));
      case 'PostInterest': return postInterest(ps, command.data, command.facts, state);
      case 'MarkInstalmentMissed': return markMissed(command.data, state);
      case 'MatureDeposit': return mature(ps, command.data, command.facts, state);
      case 'CloseDepositEarly': return closeEarly(ps, command.data, command.facts, state);
      case 'CloseDepositAccount': return keepsLiens(ps, state, 'all', close(command.data, state));
      case 'PlaceLien': return placeLien(ps, command.data, state);
      case 'ReleaseLien': return releaseLien(command.data, state);
      case 'ReverseEvent': return reversalKeepsLiens(ps, state, command.data.eventId,
        reverse(command.data, state));
      case 'CallGuarantee': return callGuarantee(command.data, state);
      case 'NominateNominee': return nominateOnDeposit(command.data, state);
      case 'ReactivateAccount': return reactivateSavings(ps, command.data, state);
      case 'ApplyDepositCharges': {
        const a = accountFor(state, command.data, 'apply_charges', ['savings', 'recurring']);
        return E.isLeft(a) ? a : applyDepositCharges(ps, command.data, command.facts, a.right);
      }
    }
  },
});
