import { Decimal } from '../../money/decimal.ts';
import { daysBetween, type BusinessDate } from '../../dates/businessDate.ts';
import { fineractMath, ZERO } from '../loan/fineractMath.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { Row, Terms } from '../loan/types.ts';
import { changeBalance, periodIndexOf } from './balanceChange.ts';
import { recalculateEmiFrom } from './emiRecalculation.ts';
import { evaluatePeriods } from './evaluatePeriods.ts';
import { emptyModel, withPeriod, type InterestModel } from './interestModel.ts';
import { checkSupported, periodsOf } from './progressivePeriods.ts';
import { rescheduleModel, type ModelReschedule } from './rescheduleModel.ts';

/** Money on a date, already read and checked. */
export interface Dated {
  readonly on: BusinessDate;
  readonly amount: Decimal;
}

/**
 * What the loan has seen: tranches paid out, principal repaid, reschedules (none when left
 * out), and what gives way.
 */
export interface ProgressiveHistory {
  readonly disbursements: ReadonlyArray<Dated>;
  readonly principalPaid: ReadonlyArray<Dated>;
  readonly reschedules?: ReadonlyArray<ModelReschedule>;
  readonly strategy: 'reduce-emi' | 'reduce-term';
}

// addDisbursement: the tranche joins the balance on its date and the EMI is recomputed from
// its period on, or from the next period when it lands on a due date.
const disburse = (model: InterestModel, d: Dated): InterestModel => {
  const change = changeBalance(model, { on: d.on, disbursed: d.amount, correction: ZERO });
  const p = change.model.periods[change.k];
  if (p === undefined) {
    throw new InvalidTermsError('disbursements', `${d.on} is after the last due date`);
  }
  const next = p.dueOn === d.on && change.k + 1 < model.periods.length ? 1 : 0;
  return recalculateEmiFrom(change.model, change.k + next);
};

// payPrincipal: the period's paid principal grows and the balance is corrected on the day,
// or on the period's due date when paid late (Fineract charges lateness no extra interest).
const pay = (model: InterestModel, k: number, on: BusinessDate, amount: Decimal) => {
  const p = model.periods[k];
  if (p === undefined || amount.lte(0)) return model;
  const date = on > p.dueOn ? p.dueOn : on;
  const paid = withPeriod(model, k, {
    ...p, paidPrincipal: p.paidPrincipal.plus(amount), lastPaidOn: date,
  });
  return changeBalance(paid, { on: date, disbursed: ZERO, correction: amount.negated() }).model;
};

// A repayment's principal first clears principal still unpaid from periods already due, in
// order, then goes to the period it falls in (the last one, after maturity).
const repay = (model: InterestModel, d: Dated): { model: InterestModel; k: number } => {
  const figures = evaluatePeriods(model);
  let left = d.amount;
  let next = model;
  model.periods.forEach((p, j) => {
    if (p.dueOn >= d.on) return;
    const due = figures[j]?.principal ?? ZERO;
    const short = Decimal.max(due.minus(p.paidPrincipal), ZERO);
    const take = Decimal.min(short, left);
    next = pay(next, j, d.on, take);
    left = left.minus(take);
  });
  const held = periodIndexOf(next, d.on);
  const k = held >= 0 ? held : next.periods.length - 1;
  return { model: pay(next, k, d.on, left), k };
};

// Under reduce-emi, principal paid beyond the period's own share spreads a new, lower EMI over
// the periods after it; under reduce-term the EMI stays and the loan ends sooner. Paid about
// one period's share ahead, the EMI recomputed over one period fewer is the same EMI but for
// rounding, which may land a paisa above: then the EMI stays and the last installment takes
// the difference, so a payment ahead never raises what she pays each period.
const afterRepayment = (model: InterestModel, k: number, h: ProgressiveHistory) => {
  if (h.strategy !== 'reduce-emi' || k + 1 >= model.periods.length) return model;
  const p = model.periods[k];
  const f = evaluatePeriods(model)[k];
  if (p === undefined || f === undefined) return model;
  if (!p.paidPrincipal.gt(p.emi.minus(f.calculatedInterest))) return model;
  const recalculated = recalculateEmiFrom(model, k + 1);
  const before = model.periods[k + 1]?.emi;
  const after = recalculated.periods[k + 1]?.emi;
  return before !== undefined && after !== undefined && after.gt(before) ? model : recalculated;
};

type Step =
  | { kind: 'disbursed' | 'paid'; on: BusinessDate; d: Dated }
  | { kind: 'rescheduled'; on: BusinessDate; r: ModelReschedule };

// In date order (a stable sort); on one date the money goes out before any comes back, and a
// reschedule acts on the balance the money of its day left.
const steps = (h: ProgressiveHistory): Step[] => [
  ...h.disbursements.map((d): Step => ({ kind: 'disbursed', on: d.on, d })),
  ...h.principalPaid.map((d): Step => ({ kind: 'paid', on: d.on, d })),
  ...(h.reschedules ?? []).map((r): Step => ({ kind: 'rescheduled', on: r.on, r })),
].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

/**
 * The progressive schedule after the loan's history, as ProgressiveEMICalculator keeps it:
 * tranches by addDisbursement, repayments by payPrincipal, reschedules by rescheduleModel.
 * Periods after a repayment has cleared the balance are left out. Throws InvalidTermsError
 * naming the field.
 */
export const progressiveHistoryRows = (t: Terms, h: ProgressiveHistory): Row[] => {
  checkSupported(t);
  let model = emptyModel(t, fineractMath(t.digits, t.rounding), periodsOf(t));
  for (const s of steps(h)) {
    if (s.kind === 'rescheduled') {
      model = rescheduleModel(model, s.r);
    } else if (s.kind === 'disbursed') {
      model = disburse(model, s.d);
    } else {
      const r = repay(model, s.d);
      model = afterRepayment(r.model, r.k, h);
    }
  }
  return toRows(model, h.principalPaid.length > 0);
};

const toRows = (model: InterestModel, repaid: boolean): Row[] => {
  const figures = evaluatePeriods(model);
  const rows = model.periods.map((p, k): Row => {
    const f = figures[k] ?? { principal: ZERO, interest: ZERO, closing: ZERO };
    return {
      n: k + 1, dueOn: p.dueOn, days: daysBetween(p.from, p.dueOn),
      principal: f.principal, interest: f.interest, balance: f.closing,
    };
  });
  // Periods after the loan is repaid early ask nothing: they are no longer installments.
  // Without repayments every period stays, as in Fineract's schedule.
  const last = rows.findLastIndex((r) => !r.principal.isZero() || !r.interest.isZero());
  return repaid ? rows.slice(0, Math.max(last, 0) + 1) : rows;
};
