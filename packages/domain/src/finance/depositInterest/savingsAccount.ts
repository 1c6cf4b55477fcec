import type { BusinessDate } from '../../dates/businessDate.ts';
import type { DecimalInput } from '../../money/decimal.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';
import { epochDayOfText } from '../../dates/epochDayText.ts';
import { minorUnits, plainMinorUnits } from './parseExact.ts';
import { dayOf } from './termChecks.ts';

/** A balance change: deposits positive, withdrawals negative. */
export interface SavingsTransaction {
  readonly on: BusinessDate | string;
  readonly amount: DecimalInput;
}

/** An account's activation day and the day its figures are wanted to. */
export interface SavingsAccountSpan {
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
}

/** An account reduced to integers: epoch days and minor units, transactions by day. */
export interface NormalAccount {
  readonly fromDay: number;
  readonly toDay: number;
  readonly days: ReadonlyArray<number>;
  readonly amounts: ReadonlyArray<bigint>;
}

/** Checks an account's span and transactions, in field order, and reduces them to integers. */
export const normalSavingsAccount = (
  span: SavingsAccountSpan, transactions: unknown, digits: number,
): NormalAccount => {
  const fromDay = spanDay(span.from, 'from', lastFrom);
  const toDay = spanDay(span.to, 'to', lastTo);
  if (toDay < fromDay) throw new InvalidDepositTermsError('to', 'must not be before from');
  if (!Array.isArray(transactions)) {
    throw new InvalidDepositTermsError('transactions', 'must be an array');
  }
  const { days, amounts } = readTransactions(transactions, digits, fromDay);
  return { fromDay, toDay, days, amounts };
};

// The day of the last `from` and of the last `to` read: a batch reads many accounts to one day,
// and accounts opened on one day in turn. Only valid dates are remembered: errors still throw.
interface DayMemo { text: string | undefined; day: number }
const lastFrom: DayMemo = { text: undefined, day: 0 };
const lastTo: DayMemo = { text: undefined, day: 0 };
const spanDay = (x: unknown, field: 'from' | 'to', memo: DayMemo): number => {
  if (typeof x !== 'string') return dayOf(x, field);
  if (x === memo.text) return memo.day;
  const day = dayOf(x, field);
  memo.text = x;
  memo.day = day;
  return day;
};

// The field names are built only on failure: this loop runs once per transaction.
const readTransactions = (
  list: ReadonlyArray<SavingsTransaction | undefined>, digits: number, fromDay: number,
): { days: number[]; amounts: bigint[] } => {
  const days: number[] = [];
  const amounts: bigint[] = [];
  let sorted = true;
  for (let i = 0; i < list.length; i += 1) {
    const tx = list[i];
    const on: unknown = tx?.on;
    const day = (typeof on === 'string' ? epochDayOfText(on) : undefined)
      ?? dayOf(on, `transactions[${i}].on`);
    if (day < fromDay) {
      throw new InvalidDepositTermsError(`transactions[${i}].on`, 'is before from');
    }
    const amount = plainMinorUnits(tx?.amount, digits)
      ?? minorUnits(tx?.amount, digits, `transactions[${i}].amount`);
    if (i > 0 && day < (days[i - 1] ?? 0)) sorted = false;
    days.push(day);
    amounts.push(amount);
  }
  return sorted ? { days, amounts } : sortByDay(days, amounts);
};

const sortByDay = (
  days: number[], amounts: bigint[],
): { days: number[]; amounts: bigint[] } => {
  const order = days.map((_, i) => i).sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0));
  return { days: order.map((i) => days[i] ?? 0), amounts: order.map((i) => amounts[i] ?? 0n) };
};
