import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { Rejection } from './rejection.ts';

/** Right when `on` is not before the last event's date: a stream's dates never go back. */
export const notBefore = (on: BusinessDate, lastOn: BusinessDate): E.Either<Rejection, true> =>
  on < lastOn ? E.left({ type: 'date_before_last_event', on, lastOn }) : E.right(true);

/** The smaller of two bigints. */
export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
/** The larger of two bigints. */
export const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);
