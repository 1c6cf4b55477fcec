import type { BusinessDate } from '../dates/businessDate.ts';
import { financialYearOf } from '../dates/financialYear.ts';
import { moneyString } from '../shared/codecs.ts';
import type { AccountId, MemberId } from '../shared/ids.ts';
import { tdsDue } from '../tds/tdsDue.ts';
import type { TdsDeducted } from '../tds/tdsDeducted.ts';
import type { DepositInterestFacts } from './facts.ts';

/**
 * The TdsDeducted that follows a credit of `interestMinor` paise on `on`, if tax is due: a
 * separate event, so the posting keeps its own amount and the deduction its own line.
 */
export const tdsOn = (
  f: DepositInterestFacts, a: { accountId: AccountId; memberId: MemberId },
  on: BusinessDate, interestMinor: bigint,
): ReadonlyArray<TdsDeducted> => {
  if (f.tds === undefined) return [];
  const amount = tdsDue(f.tds, interestMinor);
  if (amount === 0n) return [];
  return [{ type: 'TdsDeducted', data: {
    accountId: a.accountId, memberId: a.memberId, on,
    financialYear: financialYearOf(on).label, interest: moneyString(interestMinor),
    rate: f.tds.settings.ratePercent, amount: moneyString(amount),
  } }];
};
