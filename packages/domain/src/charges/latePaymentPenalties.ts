import { addDays, type BusinessDate } from '../dates/businessDate.ts';
import { minorOf } from '../shared/codecs.ts';
import { maxBig, minBig } from '../shared/guards.ts';
import type { ChargeRuleRef } from './chargeRuleRef.ts';
import { chargeKey } from './chargeRuleRef.ts';
import type { LatePaymentPenaltyRule } from './chargeRules.ts';
import { percentOf } from './ratePercentOf.ts';

/** An instalment as the penalty rule reads it: when it fell due and what it asked, in paise. */
export interface InstalmentDue {
  readonly dueOn: BusinessDate;
  readonly principal: bigint;
  readonly interest: bigint;
}

/** A charge a rule gives: the rule and period it is recorded once under, and the amount. */
export interface ChargeDue {
  readonly rule: ChargeRuleRef;
  readonly amount: bigint;
}

/** What the penalty rule reads of a loan on the day it is applied. */
export interface LateLoan {
  readonly schedule: ReadonlyArray<InstalmentDue>;
  /** Principal and interest paid (and interest waived) so far, in paise: settled oldest first. */
  readonly settled: bigint;
  /** The keys (chargeKey) of the charges already recorded on the loan. */
  readonly charged: ReadonlySet<string>;
}

/**
 * The late-payment penalties due on `on`: one per instalment still owing more than
 * `graceDays` days after its due day (on the day dueOn + graceDays + 1, not before), unless
 * that instalment was charged already. Payments settle the oldest instalment first, so what
 * an instalment still owes is its total less what the payments left after the earlier ones.
 * A rate penalty is that remainder times the rate, rounded half-even to the paisa.
 */
export const latePaymentPenalties = (
  rule: LatePaymentPenaltyRule, loan: LateLoan, on: BusinessDate,
): ReadonlyArray<ChargeDue> => {
  const out: ChargeDue[] = [];
  let before = 0n; // what the instalments before this one asked
  loan.schedule.forEach((i, index) => {
    const total = i.principal + i.interest;
    const owing = minBig(total, maxBig(0n, before + total - loan.settled));
    before += total;
    const ref: ChargeRuleRef = { rule: 'late_payment', period: `instalment-${index + 1}` };
    const late = addDays(i.dueOn, rule.graceDays) < on;
    if (!late || owing === 0n || loan.charged.has(chargeKey(ref))) return;
    const amount = rule.amount !== undefined ? minorOf(rule.amount)
      : percentOf(owing, rule.ratePercent ?? '0', 'half-even');
    if (amount > 0n) out.push({ rule: ref, amount });
  });
  return out;
};
