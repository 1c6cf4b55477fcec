import * as t from 'io-ts';
import { oneOf } from '../shared/codecs.ts';
import { closed } from '../shared/shape.ts';

/** The charge rules a product can carry, by the name a charge event records. */
export const ChargeRuleName = oneOf('ChargeRuleName', [
  'late_payment', 'below_minimum_balance', 'missed_instalment', 'admission_fee',
] as const);
export type ChargeRuleName = t.TypeOf<typeof ChargeRuleName>;

const periodShape = /^[a-z0-9-]{1,32}$/;
/** What a rule charges once: an instalment ("instalment-3") or a month ("2025-06"). */
export const ChargePeriod = new t.Type<string, string, unknown>(
  'ChargePeriod',
  (u): u is string => typeof u === 'string' && periodShape.test(u),
  (u, c) => typeof u === 'string' && periodShape.test(u) ? t.success(u)
    : t.failure(u, c, 'expected a period such as "instalment-3" or "2025-06"'),
  t.identity,
);

/**
 * The rule that computed a charge and the period it is for: a rule charges an account once per
 * period, so the pair is the charge's identity. Null on a charge typed in by hand.
 */
export const ChargeRuleRef = closed({ rule: ChargeRuleName, period: ChargePeriod },
  'ChargeRuleRef');
export type ChargeRuleRef = t.TypeOf<typeof ChargeRuleRef>;

/** The key a charge is recorded once under, for one account. */
export const chargeKey = (r: ChargeRuleRef): string => `${r.rule}/${r.period}`;
