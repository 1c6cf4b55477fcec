import type * as t from 'io-ts';
import { AccountId, MemberId } from '../shared/ids.ts';
import { DateString, FinancialYearLabel, MoneyString, RatePercent } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';

/**
 * Tax deducted at source from interest just credited to the account: `amount` leaves the
 * balance for the society's TDS payable, to be paid to the government. `interest` is the
 * posting it was deducted from and `financialYear` the year it counts in.
 */
export const TdsDeducted = eventCodec('TdsDeducted', {
  accountId: AccountId, memberId: MemberId, on: DateString, financialYear: FinancialYearLabel,
  interest: MoneyString, rate: RatePercent, amount: MoneyString,
});
export type TdsDeducted = t.TypeOf<typeof TdsDeducted>;
