import type { ScheduleType } from '../progressive/scheduleType.ts';
import { progressiveRows } from '../progressive/progressiveSchedule.ts';
import { buildRows } from './buildRows.ts';
import { decliningBalanceRule } from './decliningBalance.ts';
import { afterDownPayment, downPaymentOf, withDownPayment } from './downPayment.ts';
import { fineractMath } from './fineractMath.ts';
import { flatInterestRule } from './flatInterest.ts';
import type { Row, Terms } from './types.ts';

/**
 * The rows of a schedule from checked terms: the down payment, if any, then the installments
 * of the engine asked for over the rest of the principal (Fineract amortises principal less
 * the down payment: AbstractCumulativeLoanScheduleGenerator.getPrincipalToBeScheduled).
 */
export const scheduleRows = (t: Terms, type: ScheduleType): Row[] => {
  const m = fineractMath(t.digits, t.rounding);
  const down = downPaymentOf(t, m);
  const rest = afterDownPayment(t, down);
  const rows = type === 'progressive'
    ? progressiveRows(rest)
    : buildRows(rest, rest.interestMethod === 'flat'
      ? flatInterestRule(rest, m)
      : decliningBalanceRule(rest, m));
  return withDownPayment(t, down, rows);
};
