import * as E from 'fp-ts/lib/Either.js';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { rescheduledSchedule } from '../finance/reschedule/index.ts';
import type { RescheduleLoan } from './commands.ts';
import type { LoanEvent } from './events.ts';
import { principalPaidSoFar, rateInForce, type LoanState } from './state.ts';
import { loanIn, type KnownLoan } from './loanIn.ts';
import { computedSchedule, loanTermsOf, scheduleOf } from './loanTerms.ts';
import { scheduleOverTranches } from './tranche.ts';

// A loan whose schedule is kept by replaying its history (tranches, or principal paid off the
// schedule recalculated): its reschedule is replayed there too, so that it counts principal
// already paid ahead and later recalculations find the same schedule.
const replayed = (s: KnownLoan): boolean => s.terms?.scheduleType === 'progressive'
  && (s.disbursements.length > 1 || (s.terms.interestRecalculation ?? 'none') !== 'none');

/**
 * Changes an active loan's schedule from `from` on, asked for by one user (`requestedBy`) and
 * approved by another (the actor): a new rate, more repayments, a moratorium or periods of
 * interest only. Instalments due before `from` are kept as they were.
 */
export const reschedule = (
  c: RescheduleLoan['data'], state: LoanState,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  if (c.actor === c.requestedBy) {
    return E.left({ type: 'same_user_cannot_approve', recordedBy: c.requestedBy, actor: c.actor });
  }
  if (Object.values(c.change).every((v) => v === undefined)) {
    return E.left({ type: 'invalid_terms', field: 'change', reason: 'changes nothing' });
  }
  const first = s.disbursements[0];
  const terms = s.terms;
  const current = s.scheduleData;
  if (first === undefined || terms === null || current === null) {
    return E.left({ type: 'invalid_loan_status', status: s.status, allowed: ['active'] });
  }
  const rate = rateInForce(s) ?? terms.rateAnnualPercent;
  const cut = computedSchedule(() => rescheduledSchedule({
    terms: loanTermsOf({ ...terms, rateAnnualPercent: rate }, s.totals.disbursed, first.on),
    current: scheduleOf(current),
    principalPaid: s.totals.principalRepaid,
    // Interest waived is settled as surely as interest paid: neither is owed again.
    interestPaid: s.totals.interestPaid + s.totals.interestWaived,
    from: c.from, change: c.change,
  }));
  if (E.isLeft(cut)) return cut;
  const schedule = !replayed(s) ? cut : scheduleOverTranches(s, {
    disbursements: s.disbursements, principalPaid: principalPaidSoFar(s),
    reschedules: [...s.reschedules, { on: c.on, from: c.from, change: c.change }],
  });
  if (E.isLeft(schedule)) return schedule;
  return E.right([{ type: 'LoanRescheduled', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
    from: c.from, kind: c.kind, change: c.change, requestedBy: c.requestedBy,
    approvedBy: c.actor, schedule: schedule.right,
  } }]);
};
