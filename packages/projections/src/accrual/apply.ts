import { businessDate, toEpochDay, withRateChange } from '@usha/domain';
import type { DepositKind } from '../balances/state.ts';
import { epochDayOf } from '../core/epochDayOf.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import { move, type AccrualAccount, type AccrualState } from './state.ts';

const open = (
  s: AccrualState, kind: DepositKind,
  d: { accountId: string; memberId: string; productId: string; on: string;
    rateAnnualPercent: string },
): AccrualAccount => {
  const a: AccrualAccount = {
    accountId: d.accountId, memberId: d.memberId, kind, productId: d.productId,
    rateAnnualPercent: d.rateAnnualPercent, openedOn: d.on, status: 'open', head: -1, tail: -1,
    count: 0, interestPosted: 0n,
  };
  s.accounts.set(d.accountId, a);
  return a;
};

const day = (on: string): number => toEpochDay(businessDate(on, 'reversed.on'));

/** Applies one event to interest accrual, in place. */
export const applyAccrual = (s: AccrualState, e: ResolvedEvent): AccrualState => {
  const on = e.metadata.effectiveOn;
  if (s.through === null || on > s.through) s.through = on;
  switch (e.type) {
    case 'SavingsAccountOpened': open(s, 'savings', e.data); break;
    case 'RecurringDepositOpened': open(s, 'recurring', e.data); break;
    case 'FixedDepositOpened':
      move(s.moves, open(s, 'fixed', e.data), epochDayOf(e.data.on), minor(e.data.principal));
      break;
    case 'Deposited': case 'Withdrawn': {
      const a = s.accounts.get(e.data.accountId);
      const x = minor(e.data.amount);
      if (a !== undefined) {
        move(s.moves, a, epochDayOf(e.data.on), e.type === 'Withdrawn' ? -x : x);
      }
      break;
    }
    case 'InterestPosted': {
      const a = s.accounts.get(e.data.accountId);
      if (a !== undefined) a.interestPosted += minor(e.data.amount);
      break;
    }
    case 'DepositMatured': case 'DepositClosedEarly': {
      const a = s.accounts.get(e.data.accountId);
      if (a === undefined) break;
      a.interestPosted += minor(e.data.interest);
      a.status = e.type === 'DepositMatured' ? 'matured' : 'closed';
      break;
    }
    case 'DepositAccountClosed': {
      const a = s.accounts.get(e.data.accountId);
      if (a !== undefined) a.status = 'closed';
      break;
    }
    case 'EventReversed': reverse(s, e); break;
    // Every savings account of the product earns the new rate from its day (rateSteps.ts).
    case 'ProductRateChanged': s.rateSteps = withRateChange(s.rateSteps, e.data); break;
    // A charge by rule leaves the balance from its own day, as in accountHistory.
    case 'DepositChargeApplied': {
      const a = s.accounts.get(e.data.accountId);
      if (a !== undefined) move(s.moves, a, day(e.data.on), -minor(e.data.amount));
      break;
    }
    // Tax at source leaves the balance interest is earned on, and a give-back comes back into
    // it, from the day after each, as the deposit decider's history has them (accountHistory).
    case 'TdsDeducted': case 'TdsReversed': {
      const a = s.accounts.get(e.data.accountId);
      const x = minor(e.data.amount);
      if (a !== undefined) {
        move(s.moves, a, epochDayOf(e.data.on) + 1, e.type === 'TdsDeducted' ? -x : x);
      }
      break;
    }
    default: break;
  }
  return s;
};

// The ledger computes interest from the account's history with reversed entries left out: a
// reversed deposit is cancelled on its own date, as if it had never been made.
const reverse = (s: AccrualState, e: Extract<ResolvedEvent, { type: 'EventReversed' }>) => {
  if (e.data.aggregate !== 'deposit') return;
  const p = e.reversed;
  if (p === undefined) throw new UnresolvedReversalError(e.data.reversedEventId);
  const a = s.accounts.get(e.data.aggregateId);
  if (p === null || a === undefined) return;
  if (p.type === 'Deposited') move(s.moves, a, day(p.on), -p.amount);
  else if (p.type === 'Withdrawn' || p.type === 'DepositChargeApplied') {
    move(s.moves, a, day(p.on), p.amount);
  }
  else if (p.type === 'InterestPosted') a.interestPosted -= p.amount;
};
