import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { eventIdFor } from '../shared/ids.ts';
import { moneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { DepositState } from '../deposit/state.ts';
import type { ApplyDepositCharges } from './commands.ts';
import type { DepositChargeApplied } from './depositChargeApplied.ts';
import type { DepositChargeFacts } from './datedBalances.ts';
import { belowMinimumBalanceCharges } from './belowMinimumBalanceCharges.ts';
import { missedInstalmentPenalties } from './missedInstalmentPenalties.ts';
import type { ChargeDue } from './latePaymentPenalties.ts';

type Open = Exclude<DepositState, { status: 'none' }>;

// The charges the account's product rule gives on `on` and not recorded yet; no rule: none.
const dues = (ps: ProductCatalogue, s: Open, f: DepositChargeFacts, on: BusinessDate):
  E.Either<Rejection, ReadonlyArray<ChargeDue>> => {
  const charged = new Set(Object.keys(s.chargedByRule ?? {}));
  if (s.kind === 'savings') {
    const p = productOf(ps, s.productId, 'savings');
    if (E.isLeft(p)) return p;
    const rule = p.right.belowMinimumBalanceCharge;
    return E.right(rule === undefined ? []
      : belowMinimumBalanceCharges(rule, f.balances, charged, on));
  }
  const p = productOf(ps, s.productId, 'recurring');
  if (E.isLeft(p)) return p;
  const rule = p.right.missedInstalmentPenalty;
  // Instalments are paid in turn (a deposit pays the next one), so 1..paid are the paid ones.
  const paid = new Set(Array.from({ length: s.instalmentsPaid }, (_, n) => n + 1));
  return E.right(rule === undefined ? [] : missedInstalmentPenalties(rule, {
    openedOn: s.openedOn, termMonths: s.termMonths ?? 0, paid, charged,
  }, on));
};

/**
 * The charges an open savings account or recurring deposit's product rule gives on `on`, one
 * DepositChargeApplied each, in period order, each taking at most what the balance still
 * holds; a charge that finds the balance empty is left due for a later run. When nothing is
 * recorded, `nothing_to_charge`, so a second run for the date records nothing.
 */
export const applyDepositCharges = (
  ps: ProductCatalogue, c: ApplyDepositCharges['data'], f: DepositChargeFacts, s: Open,
): E.Either<Rejection, ReadonlyArray<DepositChargeApplied>> => {
  const due = dues(ps, s, f, c.on);
  if (E.isLeft(due)) return due;
  const out: DepositChargeApplied[] = [];
  let balance = s.balance;
  for (const d of due.right) {
    const amount = d.amount < balance ? d.amount : balance;
    if (amount <= 0n) continue;
    balance -= amount;
    out.push({ type: 'DepositChargeApplied', data: {
      eventId: eventIdFor(c.commandId, out.length), accountId: s.accountId,
      memberId: s.memberId, on: c.on, rule: d.rule, amount: moneyString(amount),
      balanceAfter: moneyString(balance),
    } });
  }
  return out.length > 0 ? E.right(out)
    : E.left({ type: 'nothing_to_charge', aggregate: 'deposit', id: s.accountId, on: c.on });
};
