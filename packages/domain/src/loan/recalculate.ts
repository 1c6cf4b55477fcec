import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import type { CommandId, EventId } from '../shared/ids.ts';
import { eventIdFor } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { LoanEvent, LoanScheduleData } from './events.ts';
import { principalPaidSoFar } from './state.ts';
import type { KnownLoan } from './loanIn.ts';
import { scheduleOverTranches } from './tranche.ts';

/** A repayment as the recalculation sees it: when, and the principal it paid (paise). */
export interface PrincipalRepayment {
  readonly commandId: CommandId;
  readonly eventId: EventId;
  readonly on: BusinessDate;
  /** Principal of instalments already due, paid now. */
  readonly principalDue: bigint;
  /** Principal paid ahead of the schedule. */
  readonly prepayment: bigint;
}

// Principal of instalments due before the day, not repaid before this repayment: paying it
// now is paying late, which a recalculating loan charges interest for until the day paid.
const overdueBefore = (s: KnownLoan, on: BusinessDate): bigint => {
  const due = s.schedule.filter((i) => i.dueOn < on).reduce((a, i) => a + i.principal, 0n);
  return due - s.totals.principalRepaid;
};

// Field by field: the schedule held may have been read back from a store.
const sameSchedule = (a: LoanScheduleData, b: LoanScheduleData | null): boolean =>
  b !== null && a.totalDue === b.totalDue && a.installments.length === b.installments.length
  && a.installments.every((i, k) => {
    const j = b.installments[k];
    return j !== undefined && i.n === j.n && i.dueOn === j.dueOn && i.days === j.days
      && i.principal === j.principal && i.interest === j.interest && i.total === j.total
      && i.balance === j.balance;
  });

/**
 * The LoanScheduleRecalculated a repayment records beside it (as its second event) when the
 * loan's terms recalculate and it paid principal ahead of the schedule or late; none when the
 * terms do not, when it paid on time, or when the schedule comes out unchanged.
 */
export const recalculationAfter = (
  s: KnownLoan, r: PrincipalRepayment,
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const strategy = s.terms?.interestRecalculation ?? 'none';
  if (strategy === 'none') return E.right([]);
  const late = r.principalDue > 0n && overdueBefore(s, r.on) > 0n;
  if (r.prepayment === 0n && !late) return E.right([]);
  const paid = r.principalDue + r.prepayment;
  const schedule = scheduleOverTranches(s, {
    disbursements: s.disbursements,
    principalPaid: [...principalPaidSoFar(s), { on: r.on, amount: paid }],
  });
  if (E.isLeft(schedule)) return schedule;
  if (sameSchedule(schedule.right, s.scheduleData)) return E.right([]);
  return E.right([{ type: 'LoanScheduleRecalculated', data: {
    eventId: eventIdFor(r.commandId, 1), loanId: s.loanId, memberId: s.memberId, on: r.on,
    cause: r.eventId, strategy, schedule: schedule.right,
  } }]);
};

/**
 * The LoanScheduleRecalculated a reversal of repayment `eventId` records beside it: the
 * schedule as if that repayment had never been made (cause names it). None when the terms do
 * not recalculate or the schedule comes out unchanged.
 */
export const recalculationWithout = (
  s: KnownLoan, r: { commandId: CommandId; eventId: EventId; on: BusinessDate },
): E.Either<Rejection, ReadonlyArray<LoanEvent>> => {
  const strategy = s.terms?.interestRecalculation ?? 'none';
  if (strategy === 'none') return E.right([]);
  const schedule = scheduleOverTranches(s, {
    disbursements: s.disbursements,
    principalPaid: principalPaidSoFar(s).filter((p) => p.eventId !== r.eventId),
  });
  if (E.isLeft(schedule)) return schedule;
  if (sameSchedule(schedule.right, s.scheduleData)) return E.right([]);
  return E.right([{ type: 'LoanScheduleRecalculated', data: {
    eventId: eventIdFor(r.commandId, 1), loanId: s.loanId, memberId: s.memberId, on: r.on,
    cause: r.eventId, strategy, schedule: schedule.right,
  } }]);
};
