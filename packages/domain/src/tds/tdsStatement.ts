import type { TdsDeducted } from './tdsDeducted.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';

/** One deduction as the member's TDS statement lists it. */
export interface TdsStatementLine {
  readonly on: string;
  readonly accountId: string;
  readonly interest: MoneyString;
  readonly rate: string;
  readonly amount: MoneyString;
}

/** A member's deductions in one financial year, with the totals her certificate shows. */
export interface TdsStatement {
  readonly memberId: string;
  readonly financialYear: string;
  readonly lines: ReadonlyArray<TdsStatementLine>;
  readonly interestTotal: MoneyString;
  readonly tdsTotal: MoneyString;
}

/** The statement of `memberId` for `financialYear` from TdsDeducted events, in date order. */
export const tdsStatement = (
  events: ReadonlyArray<TdsDeducted>, memberId: string, financialYear: string,
): TdsStatement => {
  const lines = events
    .filter((e) => e.data.memberId === memberId && e.data.financialYear === financialYear)
    .map((e) => ({ on: e.data.on, accountId: e.data.accountId, interest: e.data.interest,
      rate: e.data.rate, amount: e.data.amount }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const total = (pick: (l: TdsStatementLine) => MoneyString) =>
    moneyString(lines.reduce((s, l) => s + minorOf(pick(l)), 0n));
  return { memberId, financialYear, lines,
    interestTotal: total((l) => l.interest), tdsTotal: total((l) => l.amount) };
};
