import type * as t from 'io-ts';
import { AccountId, EventId, MemberId } from '../shared/ids.ts';
import { DateString, MoneyString } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { ChargeRuleRef } from './chargeRuleRef.ts';

/**
 * A charge the account's product rule gave for `rule.period`, taken from the balance for the
 * society's charge income. `amount` is the rule's, or less when the balance held less (a
 * charge never takes a deposit below zero). Waived by reversing it (reason charge_waived).
 */
export const DepositChargeApplied = eventCodec('DepositChargeApplied', {
  eventId: EventId, accountId: AccountId, memberId: MemberId, on: DateString,
  rule: ChargeRuleRef, amount: MoneyString, balanceAfter: MoneyString,
});
export type DepositChargeApplied = t.TypeOf<typeof DepositChargeApplied>;
