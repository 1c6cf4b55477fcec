import * as t from 'io-ts';
import { Count, minorOf, MoneyString, RatePercent } from '../shared/codecs.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { closed, withCheck } from '../shared/shape.ts';

/**
 * The loan late-payment penalty: charged once on each instalment still unpaid more than
 * `graceDays` days after it fell due; a flat `amount`, or `ratePercent` of what that
 * instalment still owes on the day the penalty is applied. One of the two, never both.
 */
export const LatePaymentPenaltyRule = withCheck(closedWithOptional(
  { graceDays: Count },
  { amount: MoneyString, ratePercent: RatePercent },
  'LatePaymentPenaltyRule',
), (r) => (r.amount === undefined) === (r.ratePercent === undefined)
  ? { field: 'amount', message: 'give amount (flat) or ratePercent, one of the two' }
  : r.amount !== undefined && minorOf(r.amount) <= 0n
    ? { field: 'amount', message: 'must be more than zero' } : undefined);
export type LatePaymentPenaltyRule = t.TypeOf<typeof LatePaymentPenaltyRule>;

const positive = (field: string) => (r: { readonly amount: MoneyString }) =>
  minorOf(r.amount) <= 0n ? { field, message: 'must be more than zero' } : undefined;

/** A savings charge: `amount` for each calendar month whose lowest balance was below `below`. */
export const BelowMinimumBalanceRule = withCheck(closed(
  { below: MoneyString, amount: MoneyString }, 'BelowMinimumBalanceRule',
), positive('amount'));
export type BelowMinimumBalanceRule = t.TypeOf<typeof BelowMinimumBalanceRule>;

/** A recurring-deposit penalty: `amount` for each monthly instalment not paid by its due day. */
export const MissedInstalmentRule = withCheck(closed(
  { amount: MoneyString }, 'MissedInstalmentRule',
), positive('amount'));
export type MissedInstalmentRule = t.TypeOf<typeof MissedInstalmentRule>;

/** The admission fee: `amount`, charged once, on the day a member is admitted. */
export const AdmissionFeeRule = withCheck(closed(
  { amount: MoneyString }, 'AdmissionFeeRule',
), positive('amount'));
export type AdmissionFeeRule = t.TypeOf<typeof AdmissionFeeRule>;
