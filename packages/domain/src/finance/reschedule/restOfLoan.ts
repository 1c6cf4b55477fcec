import { Decimal } from '../../money/decimal.ts';
import { moneyToDecimal } from '../../money/money.ts';
import { seedDate } from '../loan/dueDates.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { ScheduleType } from '../progressive/scheduleType.ts';
import type { Terms } from '../loan/types.ts';
import type { Cut } from './cutAt.ts';
import type { CheckedChange } from './rescheduleChange.ts';

const MAX_REPAYMENTS = 1200;

// What the engines cannot reschedule as Fineract does, refused before anything is built.
const checkSupported = (t: Terms, type: ScheduleType, c: CheckedChange, cut: Cut): void => {
  const rate = c.rateAnnual ?? t.rateAnnual;
  if (t.interestMethod === 'flat' && (t.rateAnnual.gt(0) || rate.gt(0))) {
    // Fineract recomputes flat interest on the whole original principal at the new rate;
    // that is not the rule of this engine, so only interest-free flat loans are rescheduled.
    throw new InvalidTermsError('interestMethod',
      'a flat-interest loan is rescheduled only at a zero rate');
  }
  if (type === 'progressive' && c.moratoriumPeriods > 0) {
    throw new InvalidTermsError('change.moratoriumPeriods', 'a progressive schedule has no grace');
  }
  if (type === 'progressive' && c.interestOnlyPeriods > 0) {
    throw new InvalidTermsError('change.interestOnlyPeriods',
      'a progressive schedule has no grace');
  }
  const grace = Math.max(t.graceOnPrincipal, t.graceOnInterestPayment, t.graceOnInterestCharged);
  if (cut.keptPeriods < grace) {
    throw new InvalidTermsError('from', `${cut.from} falls within the loan's ${grace} periods ` +
      'of grace; reschedule from a later installment');
  }
};

/**
 * The terms of the rest of the loan from the cut, as Fineract's term variations leave them:
 * the principal not yet scheduled before `from`, over the installments from `from` on plus
 * the extra ones; interest-only and moratorium periods are grace on principal that lengthens
 * the term by as many periods (Fineract adds an EXTEND_REPAYMENT_PERIOD for them), and a
 * moratorium also defers its interest to the first installment after it.
 */
export const restOfLoan = (t: Terms, type: ScheduleType, c: CheckedChange, cut: Cut): Terms => {
  checkSupported(t, type, c, cut);
  const scheduled = cut.kept.reduce((acc, i) => acc.plus(moneyToDecimal(i.principal)),
    new Decimal(0));
  const repayments = cut.replaced + c.extraRepayments + c.moratoriumPeriods
    + c.interestOnlyPeriods;
  if (repayments > MAX_REPAYMENTS) {
    throw new InvalidTermsError('change.extraRepayments',
      `the loan would have ${repayments} installments from ${cut.from}, over ${MAX_REPAYMENTS}`);
  }
  const last = cut.kept[cut.kept.length - 1];
  return {
    ...t,
    principal: t.principal.minus(scheduled),
    rateAnnual: c.rateAnnual ?? t.rateAnnual,
    repayments,
    disbursedOn: last?.dueOn ?? t.disbursedOn,
    firstRepaymentOn: cut.from,
    graceOnPrincipal: c.moratoriumPeriods + c.interestOnlyPeriods,
    graceOnInterestPayment: c.moratoriumPeriods,
    graceOnInterestCharged: 0,
    downPaymentPercent: new Decimal(0),
    continuation: { seedOn: seedDate(t), afterFirstPeriod: cut.keptPeriods > 0 },
  };
};
