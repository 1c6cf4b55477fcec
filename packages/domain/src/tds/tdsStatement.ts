import type { TdsDeducted } from './tdsDeducted.ts';
import type { TdsReversed } from './tdsReversed.ts';
import {
  minorOf, moneyString, signedMoneyString, type MoneyString, type SignedMoneyString,
} from '../shared/codecs.ts';

/**
 * One line of the member's TDS statement: a deduction, or a deduction given back when its
 * interest posting was reversed (negative amounts, and the posting it undid).
 */
export interface TdsStatementLine {
  readonly on: string;
  readonly accountId: string;
  readonly interest: MoneyString | SignedMoneyString;
  readonly rate: string;
  readonly amount: MoneyString | SignedMoneyString;
  /** On a deduction given back: the interest posting reversed. */
  readonly reversedEventId?: string;
}

/** A member's deductions in one financial year, with the totals her certificate shows. */
export interface TdsStatement {
  readonly memberId: string;
  readonly financialYear: string;
  readonly lines: ReadonlyArray<TdsStatementLine>;
  readonly interestTotal: MoneyString;
  readonly tdsTotal: MoneyString;
}

const lineOf = (e: TdsDeducted | TdsReversed): TdsStatementLine => {
  const d = e.data;
  if (e.type === 'TdsDeducted') {
    return { on: d.on, accountId: d.accountId, interest: d.interest, rate: d.rate,
      amount: d.amount };
  }
  return { on: d.on, accountId: d.accountId, interest: signedMoneyString(-minorOf(d.interest)),
    rate: d.rate, amount: signedMoneyString(-minorOf(d.amount)),
    reversedEventId: e.data.reversedEventId };
};

/**
 * The statement of `memberId` for `financialYear` from TdsDeducted and TdsReversed events, in
 * date order (a tie keeps the events' order). A deduction given back counts in the year of
 * the deduction, so the totals are what was finally deducted from interest still credited.
 */
export const tdsStatement = (
  events: ReadonlyArray<TdsDeducted | TdsReversed>, memberId: string, financialYear: string,
): TdsStatement => {
  const lines = events
    .filter((e) => e.data.memberId === memberId && e.data.financialYear === financialYear)
    .map(lineOf)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const total = (pick: (l: TdsStatementLine) => MoneyString | SignedMoneyString) =>
    moneyString(lines.reduce((s, l) => s + minorOf(pick(l)), 0n));
  return { memberId, financialYear, lines,
    interestTotal: total((l) => l.interest), tdsTotal: total((l) => l.amount) };
};
