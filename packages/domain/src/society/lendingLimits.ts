import * as t from 'io-ts';
import { MoneyString, PositiveCount } from '../shared/codecs.ts';
import { closed } from '../shared/shape.ts';

/**
 * The society's own lending limits, over every loan product: the most a member may owe in
 * principal (outstanding and approved, the loan decided on included), and the most loans she
 * may hold at once. Null: no limit. A product's own limits apply too; the stricter wins.
 */
export const SocietyLendingLimits = closed({
  maxOutstandingPrincipal: t.union([MoneyString, t.null]),
  maxLoansAtOnce: t.union([PositiveCount, t.null]),
}, 'SocietyLendingLimits');
export type SocietyLendingLimits = t.TypeOf<typeof SocietyLendingLimits>;

/** No society-wide limit: the default, and what settings stored before there were any hold. */
export const noSocietyLendingLimits: SocietyLendingLimits = {
  maxOutstandingPrincipal: null, maxLoansAtOnce: null,
};
