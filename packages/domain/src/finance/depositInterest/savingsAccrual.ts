import type { BusinessDate } from '../../dates/businessDate.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';
import type { NormalAccount } from './savingsAccount.ts';
import { earnedBefore, pieceCuts } from './savingsEngine.ts';
import type { NormalProduct } from './savingsProduct.ts';
import { dayOf } from './termChecks.ts';

/** The days whose end-of-day balances earn interest: from <= day < to. */
export interface AccrualWindow {
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
}

/**
 * Unrounded interest earned on the days of `window` as numerator / denominator in currency
 * units; checks window.from, then window.to. Additive: [a, b) plus [b, c) is exactly [a, c).
 */
export const savingsAccrual = (
  p: NormalProduct, account: NormalAccount, window: AccrualWindow,
): { numerator: bigint; denominator: bigint } => {
  const a = dayOf(window.from, 'window.from');
  const b = dayOf(window.to, 'window.to');
  if (a < account.fromDay) throw new InvalidDepositTermsError('window.from', 'is before from');
  if (b < a) throw new InvalidDepositTermsError('window.to', 'must not be before window.from');
  const [before = 0n, after = 0n] =
    earnedBefore(p, account, [a, b], pieceCuts(p, account.fromDay, b));
  return { numerator: after - before, denominator: p.den * 10n ** BigInt(p.digits) };
};
