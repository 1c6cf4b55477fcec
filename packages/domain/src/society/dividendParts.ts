import * as E from 'fp-ts/lib/Either.js';
import { moneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import { shareDividends } from '../finance/shareDividends.ts';
import { InvalidDepositTermsError } from '../finance/invalidDepositTerms.ts';
import type { DeclareDividend } from './commands.ts';
import type { DeclareDividendFacts } from './facts.ts';
import type { DividendPart } from './events.ts';
import { byMemberId } from './allocation.ts';
import { financialYearDates } from './financialYearDates.ts';

/** What a dividend is computed from: the year, the rate, the face value, every holding. */
export type DividendTermsOfYear =
  Pick<DeclareDividend['data'], 'financialYear' | 'ratePercent'> & DeclareDividendFacts;

/**
 * A dividend's total and each member's part (shareDividends: by share-days, largest remainder),
 * parts in member id order. Holdings shareDividends cannot use (a member listed twice, more
 * redeemed than held) are `invalid_terms`: the decider stays total.
 */
export const dividendParts = (
  c: DividendTermsOfYear,
): E.Either<Rejection, { total: bigint; parts: ReadonlyArray<DividendPart> }> => {
  const { start, end } = financialYearDates(c.financialYear);
  try {
    const r = shareDividends({
      ratePercent: c.ratePercent, faceValue: c.faceValue, holdings: c.holdings,
      from: start, to: end, currencyDigits: 2,
    });
    // shareDividends keeps the holdings' order; the holdings hold the checked member ids.
    const parts = c.holdings.flatMap((h, i): DividendPart[] => {
      const p = r.parts[i];
      return p === undefined ? [] : [{
        memberId: h.memberId, shareDays: Number(p.shareDays), amount: moneyString(p.amount.minor),
      }];
    });
    return E.right({ total: r.total.minor, parts: parts.sort(byMemberId) });
  } catch (e) {
    if (e instanceof InvalidDepositTermsError) {
      return E.left({ type: 'invalid_terms', field: e.field, reason: e.reason });
    }
    throw e;
  }
};
