import type * as t from 'io-ts';
import { AccountId, EventId, MemberId } from '../shared/ids.ts';
import { DateString, FinancialYearLabel, MoneyString, RatePercent } from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';

/**
 * A deduction given back: the interest posting `reversedEventId` it was taken from was
 * reversed (EventReversed, written just before in the same append), so the tax on it is not
 * owed. `amount` returns to the balance from the society's TDS payable. `financialYear`,
 * `interest` and `rate` are the deduction's, so her statement of that year nets it out.
 */
export const TdsReversed = eventCodec('TdsReversed', {
  accountId: AccountId, memberId: MemberId, on: DateString, reversedEventId: EventId,
  financialYear: FinancialYearLabel, interest: MoneyString, rate: RatePercent,
  amount: MoneyString,
});
export type TdsReversed = t.TypeOf<typeof TdsReversed>;
