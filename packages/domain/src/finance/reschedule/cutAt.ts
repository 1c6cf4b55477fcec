import * as E from 'fp-ts/lib/Either.js';
import { parseBusinessDate, type BusinessDate } from '../../dates/businessDate.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { Installment, LoanSchedule, Terms } from '../loan/types.ts';

/** Where a reschedule cuts a schedule: the installments kept and the first one changed. */
export interface Cut {
  readonly from: BusinessDate;
  readonly kept: ReadonlyArray<Installment>;
  /** Installments from `from` on, which the reschedule replaces. */
  readonly replaced: number;
  /** Repayment periods among the kept (a down payment is not one). */
  readonly keptPeriods: number;
}

const isDownPayment = (t: Terms, i: Installment): boolean =>
  i.n === 1 && i.days === 0 && i.dueOn === t.disbursedOn && t.downPaymentPercent.gt(0);

// The installments the amounts paid so far cover, in order: paid ones must stay as they are.
const paidCount = (s: LoanSchedule, principalPaid: bigint, interestPaid: bigint): number => {
  let principal = 0n;
  let interest = 0n;
  let paid = 0;
  for (const i of s.installments) {
    principal += i.principal.minor;
    interest += i.interest.minor;
    if (principal > principalPaid || interest > interestPaid) break;
    paid++;
  }
  return paid;
};

const amountPaid = (field: string, v: unknown): bigint => {
  if (typeof v !== 'bigint' || v < 0n) {
    throw new InvalidTermsError(field, `must be a bigint of paise, 0 or more, got ${String(v)}`);
  }
  return v;
};

// A reschedule amortises anew the principal still owed; with none owed it has nothing to
// change (Fineract reschedules only an active loan, and a repaid one is closed). Checked before
// `from`, so that a repaid loan is refused for what it is, even when trailing installments
// with nothing due (a progressive schedule repaid early) would still match `from`.
const checkOutstanding = (t: Terms, s: LoanSchedule, principalPaid: bigint): void => {
  const principal = s.installments.reduce((a, i) => a + i.principal.minor, 0n);
  if (principalPaid >= principal) {
    throw new InvalidTermsError('principalPaid', `${principalPaid} paise repays the whole ` +
      `principal ${t.principal.toFixed(t.digits)}: nothing is outstanding to reschedule`);
  }
};

/**
 * Fineract's rule for rescheduleFromDate: it is the due date of a repayment installment that
 * is not paid yet; the installments due before it are kept exactly as they were.
 */
export const cutAt = (
  t: Terms,
  s: LoanSchedule,
  paid: { readonly principal: unknown; readonly interest: unknown },
  fromInput: string,
): Cut => {
  const parsed = parseBusinessDate(fromInput);
  if (E.isLeft(parsed)) throw new InvalidTermsError('from', parsed.left.message);
  const from = parsed.right;
  const principalPaid = amountPaid('principalPaid', paid.principal);
  const interestPaid = amountPaid('interestPaid', paid.interest);
  checkOutstanding(t, s, principalPaid);
  const at = s.installments.findIndex((i) => i.dueOn === from && !isDownPayment(t, i));
  if (at < 0) {
    throw new InvalidTermsError('from', `${from} is not the due date of a repayment installment`);
  }
  const covered = paidCount(s, principalPaid, interestPaid);
  if (covered > at) {
    throw new InvalidTermsError('from', `installment ${at + 1}, due ${from}, is paid; a ` +
      'reschedule starts after the paid installments');
  }
  const kept = s.installments.slice(0, at);
  const keptPeriods = kept.filter((i) => !isDownPayment(t, i)).length;
  return { from, kept, replaced: s.installments.length - at, keptPeriods };
};
