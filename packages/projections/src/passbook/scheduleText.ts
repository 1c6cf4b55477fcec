// What a passbook line says of a loan's new schedule: what changed and from when, and what the
// member pays from then on, so she can check the next instalment against her card.
import type {
  LoanRescheduled, LoanScheduleData, LoanScheduleRecalculated,
} from '@usha/domain';
import { minor } from '../core/minor.ts';
import { rupees } from './rupees.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// The change asked for, in the order the fields are listed in the event.
const changeText = (c: LoanRescheduled['data']['change']): string => [
  c.rateAnnualPercent === undefined ? '' : `rate ${c.rateAnnualPercent}%`,
  c.extraRepayments === undefined ? ''
    : `${plural(c.extraRepayments, 'more repayment', 'more repayments')}`,
  c.moratoriumPeriods === undefined ? ''
    : `${plural(c.moratoriumPeriods, 'moratorium period', 'moratorium periods')}`,
  c.interestOnlyPeriods === undefined ? ''
    : `${plural(c.interestOnlyPeriods, 'interest-only period', 'interest-only periods')}`,
].filter((s) => s !== '').join(', ');

// The instalments due after `after` (or on and after `from`): how many, and the next one.
const restText = (
  s: LoanScheduleData, keep: (dueOn: string) => boolean,
): string => {
  const rest = s.installments.filter((i) => keep(i.dueOn));
  const next = rest[0];
  if (next === undefined) return 'no instalment left';
  const amount = rupees(minor(next.principal) + minor(next.interest));
  return `${plural(rest.length, 'instalment', 'instalments')} left, next ${amount} `
    + `on ${next.dueOn}`;
};

/**
 * The particulars of a reschedule (what changed, from when) or of a schedule recalculated
 * after a repayment off the schedule (the strategy), each with the instalments left.
 * @example scheduleText({ type: 'LoanScheduleRecalculated', data }) // 'Schedule recalculated
 *   (reduce-emi): 4 instalments left, next 1712.43 on 2025-08-05'
 */
export const scheduleText = (e: LoanRescheduled | LoanScheduleRecalculated): string => {
  if (e.type === 'LoanScheduleRecalculated') {
    const d = e.data;
    return `Schedule recalculated (${d.strategy}): ${restText(d.schedule, (on) => on > d.on)}`;
  }
  const d = e.data;
  const what = changeText(d.change);
  const kind = d.kind === 'restructured' ? 'Restructured' : 'Rescheduled';
  return `${kind} from ${d.from}${what === '' ? '' : ` (${what})`}: `
    + `${restText(d.schedule, (on) => on >= d.from)}`;
};
