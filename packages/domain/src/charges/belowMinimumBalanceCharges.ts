import {
  addMonths, dateParts, fromParts, type BusinessDate,
} from '../dates/businessDate.ts';
import { minorOf } from '../shared/codecs.ts';
import { chargeKey, type ChargeRuleRef } from './chargeRuleRef.ts';
import type { BelowMinimumBalanceRule } from './chargeRules.ts';
import type { ChargeDue } from './latePaymentPenalties.ts';

/** A savings balance after a transaction on a day, in paise; in the order they happened. */
export interface DatedBalance {
  readonly on: BusinessDate;
  readonly balance: bigint;
}

const monthOf = (d: BusinessDate): string => d.slice(0, 7);
const firstOfMonth = (d: BusinessDate): BusinessDate => fromParts({ ...dateParts(d), day: 1 });

/**
 * The below-minimum-balance charges due on `on`: for each calendar month that ended before
 * `on`, from the month of the first transaction, the rule's amount if the balance was below
 * `below` at any time in it (the balance it began with, or after any transaction in it),
 * unless that month was charged already. The month the account opened begins at its first
 * transaction, not at the zero before it.
 */
export const belowMinimumBalanceCharges = (
  rule: BelowMinimumBalanceRule, history: ReadonlyArray<DatedBalance>,
  charged: ReadonlySet<string>, on: BusinessDate,
): ReadonlyArray<ChargeDue> => {
  const first = history[0];
  if (first === undefined) return [];
  const below = minorOf(rule.below);
  const out: ChargeDue[] = [];
  let carried: bigint | undefined; // the balance a month begins with
  let i = 0;
  for (let m = firstOfMonth(first.on); addMonths(m, 1) <= on; m = addMonths(m, 1)) {
    let lowest = carried;
    for (; i < history.length && monthOf(history[i]?.on ?? m) === monthOf(m); i += 1) {
      const b = history[i]?.balance ?? 0n;
      lowest = lowest === undefined || b < lowest ? b : lowest;
      carried = b;
    }
    const ref: ChargeRuleRef = { rule: 'below_minimum_balance', period: monthOf(m) };
    if (lowest !== undefined && lowest < below && !charged.has(chargeKey(ref))) {
      out.push({ rule: ref, amount: minorOf(rule.amount) });
    }
  }
  return out;
};
