import type { BusinessDate } from '../dates/businessDate.ts';
import type { Component } from '../products/allocationOrder.ts';
import { maxBig, minBig } from '../shared/guards.ts';
import { outstandingPrincipal, type DueInstalment, type LoanTotals } from './state.ts';

/** What is due on a date, by component, in paise. */
export type Dues = Readonly<Record<Component, bigint>>;

/**
 * What is due on `on`: penalties and fees charged and unpaid, scheduled interest of instalments
 * due by then less interest paid and waived, scheduled principal due by then less principal
 * repaid (a prepayment counts toward later instalments), never more than is outstanding.
 */
export const duesOn = (
  schedule: ReadonlyArray<DueInstalment>, t: LoanTotals, on: BusinessDate,
): Dues => {
  const due = schedule.filter((i) => i.dueOn <= on);
  const interest = due.reduce((a, i) => a + i.interest, 0n);
  const principal = due.reduce((a, i) => a + i.principal, 0n);
  return {
    penalties: maxBig(0n, t.penaltiesCharged - t.penaltiesPaid),
    fees: maxBig(0n, t.feesCharged - t.feesPaid),
    interest: maxBig(0n, interest - t.interestPaid - t.interestWaived),
    principal: maxBig(0n, minBig(principal - t.principalRepaid, outstandingPrincipal(t))),
  };
};

/** The sum of what is due. */
export const totalDue = (d: Dues): bigint => d.penalties + d.fees + d.interest + d.principal;
