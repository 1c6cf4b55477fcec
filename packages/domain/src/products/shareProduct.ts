import * as t from 'io-ts';
import { ProductId } from '../shared/ids.ts';
import { Count, intBetween, minorOf, MoneyString, PositiveCount } from '../shared/codecs.ts';
import { withCheck } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { AdmissionFeeRule } from '../charges/chargeRules.ts';

/** Share capital: face value, bounds on a member's holding, lock-in, the rule while borrowing. */
export const ShareProduct = withCheck(closedWithOptional({
  kind: t.literal('share'),
  id: ProductId,
  faceValue: MoneyString,
  minimumShares: PositiveCount,
  maximumShares: PositiveCount,
  lockInMonths: intBetween('Months', 0, 600),
  // With a loan outstanding, a redemption must leave at least this many shares.
  minimumSharesWhileBorrowing: Count,
}, {
  // Left out: no admission fee (AdmissionFeeCharged), as before the field existed.
  admissionFee: AdmissionFeeRule,
}, 'ShareProduct'), (p) =>
  minorOf(p.faceValue) <= 0n ? { field: 'faceValue', message: 'must be more than zero' }
  : p.maximumShares < p.minimumShares
    ? { field: 'maximumShares', message: 'must be at least minimumShares' }
  : p.minimumSharesWhileBorrowing > p.maximumShares
    ? { field: 'minimumSharesWhileBorrowing', message: 'must be at most maximumShares' }
  : undefined);
export type ShareProduct = t.TypeOf<typeof ShareProduct>;
