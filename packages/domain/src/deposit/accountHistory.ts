import { addDays, type BusinessDate } from '../dates/businessDate.ts';
import { minorOf } from '../shared/codecs.ts';
import type { DepositEvent } from './events.ts';

/** What the interest engines need of a deposit account, from its stream. */
export interface AccountHistory {
  /** The rate the account was opened at (the product's then). */
  readonly rateAnnualPercent: string;
  /** Money in (+) and out (-) in paise, by business date; reversed entries left out. */
  readonly transactions: ReadonlyArray<{ readonly on: BusinessDate; readonly minor: bigint }>;
  /** Interest credited so far (not reversed), in paise. */
  readonly interestPostedMinor: bigint;
  /**
   * Tax deducted at source (-) and given back (+), in paise, dated the day after the event's:
   * like the interest it comes with, it moves the balance from the next day (Fineract's
   * withholding-tax debit changes the running balance, not its own day's end-of-day balance).
   * Apart from `transactions`, so a term deposit's principal and instalments stay what was
   * paid in. Left out by histories made before TDS: none.
   */
  readonly taxMoves?: ReadonlyArray<{ readonly on: BusinessDate; readonly minor: bigint }>;
}

type Move = { on: BusinessDate; minor: bigint; interest: boolean };

/**
 * Folds a deposit account's events, in stream order, into what the interest engines take.
 * @example accountHistory([opened, deposited]).transactions // [{ on, minor: 100000n }]
 */
export const accountHistory = (events: Iterable<DepositEvent>): AccountHistory => {
  let rate = '0';
  const moves = new Map<string, Move>();
  const reversed = new Set<string>();
  // A deduction is not reversible itself: its give-back is a separate event, a move of its own.
  const taxMoves: Array<{ on: BusinessDate; minor: bigint }> = [];
  const charges = new Map<string, { on: BusinessDate; minor: bigint }>();
  for (const e of events) {
    switch (e.type) {
      case 'SavingsAccountOpened': case 'RecurringDepositOpened':
        rate = e.data.rateAnnualPercent; break;
      case 'FixedDepositOpened':
        rate = e.data.rateAnnualPercent;
        moves.set('principal',
          { on: e.data.on, minor: minorOf(e.data.principal), interest: false });
        break;
      case 'Deposited': case 'Withdrawn': {
        const sign = e.type === 'Withdrawn' ? -1n : 1n;
        moves.set(e.data.eventId,
          { on: e.data.on, minor: sign * minorOf(e.data.amount), interest: false });
        break;
      }
      case 'InterestPosted':
        moves.set(e.data.eventId,
          { on: e.data.on, minor: minorOf(e.data.amount), interest: true });
        break;
      case 'EventReversed': reversed.add(e.data.reversedEventId); break;
      case 'TdsDeducted': case 'TdsReversed': {
        const x = minorOf(e.data.amount);
        taxMoves.push({ on: addDays(e.data.on, 1), minor: e.type === 'TdsDeducted' ? -x : x });
        break;
      }
      // A charge by rule leaves the balance interest is earned on from its own day, like a
      // withdrawal, but stays apart from `transactions`: an instalment stays what was paid.
      case 'DepositChargeApplied':
        charges.set(e.data.eventId, { on: e.data.on, minor: -minorOf(e.data.amount) });
        break;
      default: break;
    }
  }
  const kept = [...moves.entries()].filter(([id]) => !reversed.has(id)).map(([, m]) => m);
  return {
    rateAnnualPercent: rate,
    transactions: kept.filter((m) => !m.interest).map(({ on, minor }) => ({ on, minor })),
    interestPostedMinor: kept.filter((m) => m.interest).reduce((a, m) => a + m.minor, 0n),
    taxMoves: [...taxMoves,
      ...[...charges.entries()].filter(([id]) => !reversed.has(id)).map(([, m]) => m)],
  };
};
