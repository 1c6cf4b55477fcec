import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { inOpenPeriod, type WithPeriod } from '../periodFact.ts';
import type { Rejection } from '../shared/rejection.ts';
import { inOpenBranchDay, type WithBranchDay } from './branchDayFact.ts';

/**
 * Right when a share, deposit or loan command's date falls in open books: after the closed
 * financial year (`period_closed`, checked first), then after the last closed day of the
 * member's branch (`branch_day_closed`). One helper, so each decider checks both in one order.
 * @example inOpenBooks({ data: { on: '2025-06-03' },
 *   branchDay: { branchId: 'SONAGACHI', closedThrough: '2025-06-02', tillMoved: false } })
 *   // Right(true)
 */
export const inOpenBooks = (
  c: {
    readonly type?: string;
    readonly data: { readonly on: BusinessDate; readonly periodTo?: BusinessDate };
  } & WithPeriod & WithBranchDay,
): E.Either<Rejection, true> => {
  // Interest posted to the day it is dated: the year-end interest of a close under way.
  const yearEnd = c.type === 'PostInterest' && c.data.periodTo === c.data.on;
  const period = inOpenPeriod(c.data.on, c.period, yearEnd);
  return E.isLeft(period) ? period : inOpenBranchDay(c.data.on, c.branchDay);
};
