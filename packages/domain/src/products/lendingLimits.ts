import { intBetween, MoneyString, PositiveCount } from '../shared/codecs.ts';

/** A whole multiple, 1 to 100: a loan's principal against the member's own money. */
export const SavingsMultiple = intBetween('SavingsMultiple', 1, 100);

/**
 * A loan product's lending limits. Each may be left out, and then there is no such limit
 * (a catalogue written before they existed decodes and lends as it did):
 * - `savingsMultiple`: the principal is at most this many times the member's basis, the
 *   value of her shares (held x face value) plus the balances of her open savings accounts;
 * - `maxLoansAtOnce`: at most this many loans of hers not yet closed (applied, approved,
 *   active or written off), the one decided on included;
 * - `guarantorsAbove`: a principal above this needs guarantors, `guarantorsRequired` of them
 *   (1 when left out).
 * Checked when a loan is applied for and again when it is approved, on the facts of that day.
 */
export const lendingLimitFields = {
  savingsMultiple: SavingsMultiple,
  maxLoansAtOnce: PositiveCount,
  guarantorsAbove: MoneyString,
  guarantorsRequired: PositiveCount,
};
