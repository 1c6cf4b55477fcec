import * as E from 'fp-ts/lib/Either.js';
import type { SocietyLendingLimits } from '../society/lendingLimits.ts';
import type { LoanId } from '../shared/ids.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { LoanStatus, LoanTotals } from './state.ts';

/** One loan of the member's, with what the society-wide limits count of it. */
export interface CountedLoan {
  readonly loanId: LoanId;
  readonly status: LoanStatus;
  /** What was approved, in paise (0 before approval). */
  readonly approvedPrincipal?: bigint;
  /** Its running totals, in paise (absent: nothing disbursed). */
  readonly totals?: Pick<LoanTotals, 'disbursed' | 'principalRepaid' | 'writtenOff'>;
}

type Check = E.Either<Rejection, void>;
const ok: Check = E.right(undefined);
const open: ReadonlySet<LoanStatus> = new Set(['applied', 'approved', 'active', 'written_off']);

/**
 * The principal a loan holds against the society's cap, in paise: an approved loan its
 * approved principal (the money is promised), a disbursed one what is outstanding (disbursed,
 * less repaid and written off); an application nothing yet (its approval is checked again).
 */
export const committedPrincipalMinor = (l: CountedLoan): bigint => {
  if (l.status === 'approved') return l.approvedPrincipal ?? 0n;
  if (l.status !== 'active' || l.totals === undefined) return 0n;
  const t = l.totals;
  return t.disbursed - t.principalRepaid - t.writtenOff;
};

/**
 * Right when the loan `loanId` of `principal` keeps within the society-wide limits, beside the
 * member's other loans; else `loan_limit_exceeded` naming the limit and the figures:
 * `society_loans_at_once` (the loan counted as one of hers), then
 * `society_outstanding_principal` (her committed principal plus this one).
 * @example withinSocietyLimits({ maxOutstandingPrincipal: '20000.00', maxLoansAtOnce: null },
 *   { loanId: 'L2', principal: '15000.00' }, [activeLoanOf10000])
 *   // Left({ limit: 'society_outstanding_principal', outstanding: '10000.00', ... })
 */
export const withinSocietyLimits = (
  limits: SocietyLendingLimits, r: { readonly loanId: LoanId; readonly principal: MoneyString },
  loans: ReadonlyArray<CountedLoan>,
): Check => {
  const others = loans.filter((l) => l.loanId !== r.loanId && open.has(l.status));
  const most = limits.maxLoansAtOnce;
  if (most !== null && others.length + 1 > most) {
    return E.left({ type: 'loan_limit_exceeded', limit: 'society_loans_at_once',
      maximum: most, open: others.length });
  }
  const cap = limits.maxOutstandingPrincipal;
  if (cap === null) return ok;
  const outstanding = others.reduce((sum, l) => sum + committedPrincipalMinor(l), 0n);
  return outstanding + minorOf(r.principal) > minorOf(cap)
    ? E.left({ type: 'loan_limit_exceeded', limit: 'society_outstanding_principal',
      maximum: moneyString(minorOf(cap)), outstanding: moneyString(outstanding),
      requested: r.principal })
    : ok;
};
