import { addMonths, type BusinessDate } from '../dates/businessDate.ts';
import { minorOf } from '../shared/codecs.ts';
import { chargeKey, type ChargeRuleRef } from './chargeRuleRef.ts';
import type { MissedInstalmentRule } from './chargeRules.ts';
import type { ChargeDue } from './latePaymentPenalties.ts';

/** What the missed-instalment rule reads of a recurring deposit. */
export interface RecurringDepositDues {
  readonly openedOn: BusinessDate;
  readonly termMonths: number;
  /** The instalment numbers paid so far. */
  readonly paid: ReadonlySet<number>;
  /** The keys (chargeKey) of the charges already recorded on the account. */
  readonly charged: ReadonlySet<string>;
}

/**
 * The missed-instalment penalties due on `on`: the rule's amount for each instalment n (due on
 * openedOn + (n - 1) months) whose due day is before `on` and that is still unpaid, unless it
 * was charged already. Paid on its due day is paid on time.
 */
export const missedInstalmentPenalties = (
  rule: MissedInstalmentRule, rd: RecurringDepositDues, on: BusinessDate,
): ReadonlyArray<ChargeDue> => {
  const out: ChargeDue[] = [];
  for (let n = 1; n <= rd.termMonths; n += 1) {
    if (addMonths(rd.openedOn, n - 1) >= on) break;
    const ref: ChargeRuleRef = { rule: 'missed_instalment', period: `instalment-${n}` };
    if (!rd.paid.has(n) && !rd.charged.has(chargeKey(ref))) {
      out.push({ rule: ref, amount: minorOf(rule.amount) });
    }
  }
  return out;
};
