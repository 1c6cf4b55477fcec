import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { recalculatedSchedule } from '../finance/recalculation/index.ts';
import type { DisburseTranche } from './commands.ts';
import type { LoanEvent, LoanScheduleData } from './events.ts';
import {
  principalPaidSoFar, type DatedPaise, type LoanReschedule, type LoanState,
} from './state.ts';
import { loanIn, type KnownLoan } from './loanIn.ts';
import { computedSchedule, loanTermsOf } from './loanTerms.ts';

/**
 * Amounts paid out and principal repaid, dated, in paise, and the reschedules (the loan's
 * own when left out): what a recalculation reads.
 */
export interface RecalculationFlows {
  readonly disbursements: ReadonlyArray<DatedPaise>;
  readonly principalPaid: ReadonlyArray<DatedPaise>;
  readonly reschedules?: ReadonlyArray<LoanReschedule>;
}

/**
 * The loan's whole schedule recomputed over its tranches and, when its terms recalculate,
 * the principal repaid (Fineract: without recalculation, money paid early or late changes no
 * instalment), at the terms it was disbursed under, its reschedules replayed where they fell.
 */
export const scheduleOverTranches = (
  s: KnownLoan, flows: RecalculationFlows,
): E.Either<Rejection, LoanScheduleData> => {
  const first = flows.disbursements[0];
  const terms = s.terms;
  if (terms === null || first === undefined) {
    return E.left({ type: 'invalid_loan_status', status: s.status, allowed: ['active'] });
  }
  const recalculates = terms.interestRecalculation !== 'none';
  const dated = (x: DatedPaise) => ({ on: x.on, amount: moneyString(x.amount) });
  return computedSchedule(() => recalculatedSchedule({
    terms: loanTermsOf(terms, s.approvedPrincipal, first.on),
    disbursements: flows.disbursements.map(dated),
    principalPaid: recalculates ? flows.principalPaid.map(dated) : [],
    reschedules: flows.reschedules ?? s.reschedules,
    strategy: terms.interestRecalculation === 'reduce-term' ? 'reduce-term' : 'reduce-emi',
  }));
};

/**
 * Pays out the next tranche of an active multi-tranche loan: at most `maxTranches` of them,
 * never more in all than the approved principal; the whole schedule is recomputed.
 */
export const disburseTranche = (
  c: DisburseTranche['data'], state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const maxTranches = s.terms?.maxTranches ?? 1;
  const tranche = s.disbursements.length + 1;
  if (tranche > maxTranches) return E.left({ type: 'tranche_limit_reached', maxTranches });
  const amount = minorOf(c.amount);
  if (s.totals.disbursed + amount > s.approvedPrincipal) {
    return E.left({ type: 'tranche_exceeds_approved', approved: moneyString(s.approvedPrincipal),
      disbursed: moneyString(s.totals.disbursed), requested: c.amount });
  }
  const schedule = scheduleOverTranches(s, {
    disbursements: [...s.disbursements, { on: c.on, amount }],
    principalPaid: principalPaidSoFar(s),
  });
  if (E.isLeft(schedule)) return schedule;
  return E.right([{ type: 'LoanTrancheDisbursed', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
    amount: c.amount, tranche, schedule: schedule.right,
  } }]);
};
