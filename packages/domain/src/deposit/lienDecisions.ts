import { mapGet } from '../shared/persistentMap.ts';
import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { notBefore } from '../shared/guards.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { DepositEvent } from './events.ts';
import { eventIdFor } from '../shared/ids.ts';
import {
  liensHeldMinor, type CallGuarantee, type PlaceLien, type ReleaseLien,
} from './liens.ts';
import type { DepositState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<DepositEvent>>;
type Open = Exclude<DepositState, { status: 'none' }>;

// An open savings account named by the command: liens are held on savings only.
const savings = (
  s: DepositState, c: { accountId: string; on: BusinessDate }, operation: string,
): E.Either<Rejection, Open> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'deposit', id: c.accountId });
  }
  if (s.accountId !== c.accountId) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'deposit', expected: s.accountId,
      got: c.accountId });
  }
  if (s.status === 'closed') {
    return E.left({ type: 'account_closed', accountId: s.accountId, status: s.status });
  }
  if (s.kind !== 'savings') {
    return E.left({ type: 'operation_not_allowed', kind: s.kind, operation, status: s.status });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

const minimumOf = (ps: ProductCatalogue, s: Open): E.Either<Rejection, bigint> => {
  const p = productOf(ps, s.productId, 'savings');
  return E.isLeft(p) ? p : E.right(minorOf(p.right.minimumBalance));
};

/**
 * A lien for a loan, when the account keeps its minimum balance beside every lien it would
 * hold: the balance, less the minimum balance and the liens held, covers it.
 */
export const placeLien = (
  ps: ProductCatalogue, c: PlaceLien['data'], state: DepositState,
): Result => {
  const a = savings(state, c, 'place_lien');
  if (E.isLeft(a)) return a;
  const s = a.right;
  const held = Object.hasOwn(s.liens, c.loanId) ? s.liens[c.loanId] : undefined;
  if (held !== undefined) {
    return E.left({ type: 'lien_already_held', loanId: c.loanId, amount: moneyString(held) });
  }
  const min = minimumOf(ps, s);
  if (E.isLeft(min)) return min;
  const free = s.balance - min.right - liensHeldMinor(s);
  if (minorOf(c.amount) > free) {
    return E.left({ type: 'lien_exceeds_free_balance', free: moneyString(free < 0n ? 0n : free),
      requested: c.amount });
  }
  return E.right([{ type: 'LienPlaced', data: { accountId: s.accountId, memberId: s.memberId,
    loanId: c.loanId, on: c.on, amount: c.amount } }]);
};

/** The release of the lien held for a loan; `no_lien` when none is held for it. */
export const releaseLien = (c: ReleaseLien['data'], state: DepositState): Result => {
  const a = savings(state, c, 'release_lien');
  if (E.isLeft(a)) return a;
  const s = a.right;
  const held = Object.hasOwn(s.liens, c.loanId) ? s.liens[c.loanId] : undefined;
  if (held === undefined) return E.left({ type: 'no_lien', loanId: c.loanId });
  return E.right([{ type: 'LienReleased', data: { accountId: s.accountId, memberId: s.memberId,
    loanId: c.loanId, on: c.on, amount: moneyString(held) } }]);
};

/**
 * A withdrawal or closing already decided on its own rules, refused as `lien_held` when it
 * would leave less than the liens plus the minimum balance: a guarantor's pledge holds.
 * `requested` is what would be paid out (for a closing, the whole balance).
 */
export const keepsLiens = (
  ps: ProductCatalogue, state: DepositState, requested: MoneyString | 'all', decided: Result,
): Result => {
  if (E.isLeft(decided) || state.status === 'none') return decided;
  const liens = liensHeldMinor(state);
  if (liens === 0n) return decided;
  const min = minimumOf(ps, state);
  if (E.isLeft(min)) return min;
  const out = requested === 'all' ? state.balance : minorOf(requested);
  // A closing pays everything out: the minimum balance goes with it, the liens may not.
  const keep = requested === 'all' ? liens : liens + min.right;
  if (state.balance - out >= keep) return decided;
  const free = state.balance - keep;
  return E.left({ type: 'lien_held', liens: moneyString(liens),
    minimumBalance: moneyString(min.right), free: moneyString(free < 0n ? 0n : free),
    requested: moneyString(out) });
};

/**
 * A reversal already decided, refused as `lien_held` when undoing the event (a deposit, an
 * interest posting) would leave less than the liens plus the minimum balance: a correction
 * may not take away money a guarantor has pledged. Reversing a withdrawal adds money: no check.
 */
export const reversalKeepsLiens = (
  ps: ProductCatalogue, state: DepositState, eventId: string, decided: Result,
): Result => {
  if (E.isLeft(decided) || state.status === 'none') return decided;
  const p = mapGet(state.postings, eventId);
  if (p === undefined || p.balanceDelta <= 0n) return decided;
  return keepsLiens(ps, state, moneyString(p.balanceDelta), decided);
};

/**
 * A guarantee called on a written-off loan: up to the lien held for it is withdrawn from her
 * savings (`Withdrawn`, so every balance and interest figure sees an ordinary withdrawal) and
 * the lien reduced by as much (`GuaranteeCalled`). Whether the loan takes the recovery is the
 * loan's own decision, the next step of recoverFromGuarantor.
 */
export const callGuarantee = (c: CallGuarantee['data'], state: DepositState): Result => {
  const a = savings(state, c, 'call_guarantee');
  if (E.isLeft(a)) return a;
  const s = a.right;
  const held = Object.hasOwn(s.liens, c.loanId) ? s.liens[c.loanId] : undefined;
  if (held === undefined) return E.left({ type: 'no_lien', loanId: c.loanId });
  const amount = minorOf(c.amount);
  if (amount > held) {
    return E.left({ type: 'recovery_exceeds_lien', loanId: c.loanId, lien: moneyString(held),
      requested: c.amount });
  }
  // Unreachable while liens hold (a lien is placed on, and kept within, the balance).
  if (amount > s.balance) {
    return E.left({ type: 'insufficient_balance', balance: moneyString(s.balance),
      requested: c.amount });
  }
  const withdrawnEventId = eventIdFor(c.commandId, 0);
  return E.right([
    { type: 'Withdrawn', data: { eventId: withdrawnEventId, accountId: s.accountId,
      memberId: s.memberId, on: c.on, amount: c.amount,
      balanceAfter: moneyString(s.balance - amount) } },
    { type: 'GuaranteeCalled', data: { accountId: s.accountId, memberId: s.memberId,
      loanId: c.loanId, on: c.on, amount: c.amount, withdrawnEventId,
      lienAfter: moneyString(held - amount) } },
  ]);
};
