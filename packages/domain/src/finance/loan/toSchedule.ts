import type { Decimal } from '../../money/decimal.ts';
import { sum, type Money } from '../../money/money.ts';
import { roundMoney } from '../../money/rounding.ts';
import type { Installment, LoanSchedule, Row, Terms } from './types.ts';

// Every amount is already at the currency's scale; this only changes its representation.
const toMoney = (t: Terms, d: Decimal): Money =>
  roundMoney(d, { digits: t.digits, mode: t.rounding });

const toInstallment = (t: Terms, r: Row): Installment => {
  const principal = toMoney(t, r.principal);
  const interest = toMoney(t, r.interest);
  return {
    n: r.n,
    dueOn: r.dueOn,
    days: r.days,
    principal,
    interest,
    total: sum([principal, interest], t.digits),
    balance: toMoney(t, r.balance),
  };
};

/** A schedule and its totals from rows built at the currency's scale. */
export const toSchedule = (t: Terms, rows: readonly Row[]): LoanSchedule => {
  const installments = rows.map((r) => toInstallment(t, r));
  const totalPrincipal = sum(installments.map((i) => i.principal), t.digits);
  const totalInterest = sum(installments.map((i) => i.interest), t.digits);
  return {
    installments,
    totalPrincipal,
    totalInterest,
    totalDue: sum([totalPrincipal, totalInterest], t.digits),
  };
};
