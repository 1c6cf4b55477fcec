import * as E from 'fp-ts/lib/Either.js';
import { Decimal, decimalFrom, InvalidDecimalError } from '../../money/decimal.ts';
import { parseBusinessDate, type BusinessDate } from '../../dates/businessDate.ts';
import { ZERO } from '../loan/fineractMath.ts';
import { InvalidTermsError } from '../loan/invalidTermsError.ts';
import type { Terms } from '../loan/types.ts';
import type { Dated, ProgressiveHistory } from '../progressive/progressiveHistory.ts';
import type { ModelReschedule } from '../progressive/rescheduleModel.ts';
import { readChange, type RescheduleChange } from '../reschedule/rescheduleChange.ts';

const read = (field: string, x: unknown, digits: number): Dated => {
  const raw = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const on = dateOf(`${field}.on`, raw['on']);
  let amount: Decimal;
  try {
    amount = decimalFrom(raw['amount'], `${field}.amount`);
  } catch (e) {
    if (!(e instanceof InvalidDecimalError)) throw e;
    throw new InvalidTermsError(`${field}.amount`, 'must be a plain decimal string such as ' +
      `"12.50", got ${JSON.stringify(raw['amount']) ?? 'undefined'}`);
  }
  if (amount.lte(0) || amount.decimalPlaces() > digits) {
    throw new InvalidTermsError(`${field}.amount`,
      `must be above zero with at most ${digits} decimals, got ${amount}`);
  }
  return { on, amount };
};

const readAll = (field: string, xs: unknown, digits: number): Dated[] => {
  if (!Array.isArray(xs)) throw new InvalidTermsError(field, 'must be an array');
  return xs.map((x: unknown, i) => read(`${field}[${i}]`, x, digits));
};

const total = (xs: readonly Dated[], upTo?: BusinessDate): Decimal => xs
  .filter((x) => upTo === undefined || x.on <= upTo)
  .reduce((a, x) => a.plus(x.amount), ZERO);

// Tranches start on the disbursement date and never add up to more than was approved;
// principal is never repaid before it was lent.
const check = (t: Terms, lent: readonly Dated[], repaid: readonly Dated[]): void => {
  const first = [...lent].sort((a, b) => (a.on < b.on ? -1 : 1))[0];
  if (first === undefined || first.on !== t.disbursedOn) {
    throw new InvalidTermsError('disbursements',
      `the first tranche must be paid out on the disbursement date ${t.disbursedOn}`);
  }
  if (total(lent).gt(t.principal)) {
    throw new InvalidTermsError('disbursements',
      `${total(lent)} paid out is more than the ${t.principal} approved`);
  }
  for (const r of repaid) {
    if (total(repaid, r.on).gt(total(lent, r.on))) {
      throw new InvalidTermsError('principalPaid',
        `by ${r.on}, ${total(repaid, r.on)} repaid is more than the ${total(lent, r.on)} lent`);
    }
  }
};

const dateOf = (field: string, x: unknown): BusinessDate => {
  const d = parseBusinessDate(x);
  if (E.isLeft(d)) throw new InvalidTermsError(field, d.left.message);
  return d.right;
};

// A reschedule's change read as rescheduledSchedule reads it, its errors named in the list;
// the progressive engine has no grace, so no moratorium and no interest-only periods.
const readReschedule = (field: string, x: unknown): ModelReschedule => {
  const raw = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const on = dateOf(`${field}.on`, raw['on']);
  const from = dateOf(`${field}.from`, raw['from']);
  let change;
  try {
    change = readChange(raw['change'] as RescheduleChange);
  } catch (e) {
    if (!(e instanceof InvalidTermsError)) throw e;
    throw new InvalidTermsError(`${field}.${e.field}`, e.reason);
  }
  for (const part of ['moratoriumPeriods', 'interestOnlyPeriods'] as const) {
    if (change[part] > 0) {
      throw new InvalidTermsError(`${field}.change.${part}`,
        'a progressive schedule has no grace');
    }
  }
  return { on, from, rateAnnual: change.rateAnnual, extraRepayments: change.extraRepayments,
    field };
};

const readReschedules = (xs: unknown): ModelReschedule[] => {
  if (xs === undefined) return [];
  if (!Array.isArray(xs)) throw new InvalidTermsError('reschedules', 'must be an array');
  return xs.map((x: unknown, i) => readReschedule(`reschedules[${i}]`, x));
};

/**
 * Reads and checks a loan's tranches, principal repaid, reschedules and strategy, naming any
 * bad field.
 */
export const readHistory = (
  t: Terms,
  input: { disbursements: unknown; principalPaid: unknown; reschedules?: unknown;
    strategy: unknown },
): ProgressiveHistory => {
  const disbursements = readAll('disbursements', input.disbursements, t.digits);
  const principalPaid = readAll('principalPaid', input.principalPaid, t.digits);
  const reschedules = readReschedules(input.reschedules);
  if (input.strategy !== 'reduce-emi' && input.strategy !== 'reduce-term') {
    throw new InvalidTermsError('strategy', `must be "reduce-emi" or "reduce-term", got ` +
      `${JSON.stringify(input.strategy)}`);
  }
  check(t, disbursements, principalPaid);
  return { disbursements, principalPaid, reschedules, strategy: input.strategy };
};
