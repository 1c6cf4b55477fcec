import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from './dates/businessDate.ts';
import type { Rejection } from './shared/rejection.ts';

/**
 * What a share, deposit or loan command needs from the society: the last day of the last
 * closed financial year (31 March), or null while no year is closed; while a year's close
 * runs (`closing`), that year's last day. Read from the society stream when the command is
 * handled (`closedThrough`, `closingThrough` of its state); the caller never sends it.
 */
export interface PeriodFact {
  readonly closedThrough: BusinessDate | null;
  /** The year ending `closedThrough` is being closed, not closed yet (YearCloseBegun). */
  readonly closing?: boolean;
}

/**
 * A command of a dated aggregate as its decider takes it: with the closed period beside it.
 * Optional in the type so a decider can be exercised alone (no period: no year is closed);
 * the Ledger fills it for every share, deposit and loan command it handles.
 */
export interface WithPeriod {
  readonly period?: PeriodFact;
}

/**
 * Right when `on` falls after the closed period: a closed year's books take no new entry, nor
 * do those of a year whose close has begun, but for its year-end interest (`yearEndInterest`:
 * interest posted to its 31 March, dated that day, which the close posts itself). A correction
 * of an event in a closed year is itself dated in the open year, so this holds for
 * ReverseEvent too (its own `on`, not the date of the event it names).
 * @example inOpenPeriod('2026-03-15', { closedThrough: '2026-03-31' })
 *   // Left({ type: 'period_closed', closedThrough: '2026-03-31', on: '2026-03-15' })
 */
export const inOpenPeriod = (
  on: BusinessDate, period: PeriodFact | undefined, yearEndInterest = false,
): E.Either<Rejection, true> => {
  const through = period?.closedThrough ?? null;
  if (through === null || on > through) return E.right(true);
  return period?.closing === true && yearEndInterest && on === through ? E.right(true)
    : E.left({ type: 'period_closed', closedThrough: through, on });
};
