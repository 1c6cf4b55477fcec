import * as E from 'fp-ts/lib/Either.js';
import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { AccountId } from '../shared/ids.ts';
import type { SavingsProduct } from '../products/depositProducts.ts';
import type { DepositEvent } from './events.ts';

// Dormancy is derived, not recorded: it is a function of the last member-initiated money move,
// the product's setting and the date a command carries. An AccountMarkedDormant event would
// need a process run for every date, and between the day an account falls dormant and that
// run the log would say "active" when the rule says "dormant"; a replay decides the same either
// way. What is recorded is what a person did: a deposit, a withdrawal, a manager's
// reactivation (AccountReactivated), each dated.

/** What dormancy reads of an account: when it opened and its last member activity. */
export interface ActivityOf {
  readonly accountId: AccountId;
  readonly openedOn: BusinessDate;
  /** The last deposit of her own, withdrawal or reactivation; absent: none since the opening. */
  readonly lastActivityOn?: BusinessDate;
}

/**
 * Whether an event is the member's own doing: cash or a transfer paid in, money taken out, or
 * a manager's reactivation at her request. Interest, tax, dividends and liens are not.
 */
export const isMemberActivity = (e: DepositEvent): boolean =>
  e.type === 'Withdrawn' || e.type === 'AccountReactivated'
  || (e.type === 'Deposited' && (e.data.source === 'cash' || e.data.source === 'transfer'));

/** The last day of member activity: the opening if there was none since. */
export const lastActivity = (a: ActivityOf): BusinessDate => a.lastActivityOn ?? a.openedOn;

/**
 * The day the account became dormant if it is dormant on `on`, else null: `dormantAfterMonths`
 * after its last activity. A product without the setting has no dormant accounts.
 * @example dormantSince({ accountId: 'A1', openedOn: '2024-04-10' },
 *   { dormantAfterMonths: 24 }, '2026-04-10') // '2026-04-10'
 */
export const dormantSince = (
  a: ActivityOf, p: Pick<SavingsProduct, 'dormantAfterMonths'>, on: BusinessDate,
): BusinessDate | null => {
  if (p.dormantAfterMonths === undefined) return null;
  const from = addMonths(lastActivity(a), p.dormantAfterMonths);
  return from <= on ? from : null;
};

/**
 * A withdrawal's dormancy check: refused `account_dormant` on a dormant account, which a
 * branch manager reactivates first (ReactivateAccount) or the member does by a deposit.
 */
export const notDormant = (
  a: ActivityOf, p: Pick<SavingsProduct, 'dormantAfterMonths'>, on: BusinessDate,
): E.Either<Rejection, true> => {
  const since = dormantSince(a, p, on);
  return since === null ? E.right(true) : E.left({ type: 'account_dormant',
    accountId: a.accountId, lastActivityOn: lastActivity(a), dormantSince: since });
};
