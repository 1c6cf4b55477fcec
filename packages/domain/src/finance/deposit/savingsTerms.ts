import { parseBusinessDate } from '../../dates/businessDate.ts';
import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../../dates/businessDate.ts';
import type { DecimalInput } from '../../money/decimal.ts';
import { roundingModes, type RoundingMode } from '../../money/rounding.ts';
import { InvalidDepositTermsError } from '../invalidDepositTerms.ts';
import { epochDayOf } from './civil.ts';
import { exactDecimal, minorUnits } from './parseExact.ts';
import { periodTypes, type PeriodType } from './periodType.ts';

/** A balance change: deposits positive, withdrawals negative. */
export interface SavingsTransaction {
  readonly on: BusinessDate | string;
  readonly amount: DecimalInput;
}

/** The settings of a savings product, named as in Fineract's savings product. */
export interface SavingsTerms {
  readonly transactions: ReadonlyArray<SavingsTransaction>;
  readonly rateAnnualPercent: DecimalInput;
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
  readonly method: 'daily-balance' | 'average-daily-balance';
  readonly compounding: PeriodType;
  readonly posting: PeriodType;
  readonly financialYearStartMonth?: number;
  readonly daysInYear: 360 | 365;
  readonly postOn: 'period-end' | 'next-day';
  readonly currencyDigits?: number;
  readonly rounding?: RoundingMode;
  readonly minBalanceForInterest?: DecimalInput;
}

/** Terms checked and reduced to integers: epoch days, minor units, rate = rateUnits / q. */
export interface NormalTerms {
  readonly days: ReadonlyArray<number>;
  readonly amounts: ReadonlyArray<bigint>;
  readonly rateUnits: bigint;
  readonly q: bigint;
  readonly fromDay: number;
  readonly toDay: number;
  readonly method: SavingsTerms['method'];
  readonly compounding: PeriodType;
  readonly posting: PeriodType;
  readonly fyStartMonth: number;
  readonly postOn: SavingsTerms['postOn'];
  readonly digits: number;
  readonly rounding: RoundingMode;
  readonly floorMinMinor: bigint;
}

/** Epoch day of a business date; throws naming the field. */
export const dayOf = (x: unknown, field: string): number => {
  const r = parseBusinessDate(x);
  if (E.isLeft(r)) throw new InvalidDepositTermsError(field, r.left.message);
  const s = r.right;
  return epochDayOf(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
};

const oneOf = <T>(x: unknown, allowed: ReadonlyArray<T>, field: string): T => {
  if (!allowed.includes(x as T)) {
    throw new InvalidDepositTermsError(field, `must be one of ${allowed.join(', ')}`);
  }
  return x as T;
};

/** A rate in percent as rateUnits / (10^scale * 100); refuses a negative rate. */
export const ratePercent = (x: unknown, field: string): { units: bigint; scale: number } => {
  const r = exactDecimal(x, field);
  if (r.units < 0n) throw new InvalidDepositTermsError(field, 'must not be negative');
  return r;
};

const integerIn = (x: unknown, lo: number, hi: number, field: string, fallback: number) => {
  if (x === undefined) return fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) {
    throw new InvalidDepositTermsError(field, `must be an integer from ${lo} to ${hi}`);
  }
  return x;
};

/** Checks savings terms, in field order, and reduces them to integers. */
export const normalSavingsTerms = (t: SavingsTerms): NormalTerms => {
  const digits = integerIn(t.currencyDigits, 0, 8, 'currencyDigits', 2);
  const fromDay = dayOf(t.from, 'from');
  const toDay = dayOf(t.to, 'to');
  if (toDay < fromDay) throw new InvalidDepositTermsError('to', 'must not be before from');
  if (!Array.isArray(t.transactions)) {
    throw new InvalidDepositTermsError('transactions', 'must be an array');
  }
  const { days, amounts } = readTransactions(t.transactions, digits, fromDay);
  const rate = ratePercent(t.rateAnnualPercent, 'rateAnnualPercent');
  const daysInYear = oneOf(t.daysInYear, [360, 365] as const, 'daysInYear');
  const min = t.minBalanceForInterest === undefined
    ? 0n : minorUnits(t.minBalanceForInterest, digits, 'minBalanceForInterest');
  return {
    days, amounts, rateUnits: rate.units, fromDay, toDay, digits,
    q: 10n ** BigInt(rate.scale) * 100n * BigInt(daysInYear),
    method: oneOf(t.method, ['daily-balance', 'average-daily-balance'] as const, 'method'),
    compounding: oneOf(t.compounding, periodTypes, 'compounding'),
    posting: oneOf(t.posting, periodTypes, 'posting'),
    fyStartMonth: integerIn(t.financialYearStartMonth, 1, 12, 'financialYearStartMonth', 4),
    postOn: oneOf(t.postOn, ['period-end', 'next-day'] as const, 'postOn'),
    rounding: oneOf(t.rounding ?? 'half-even', roundingModes, 'rounding'),
    floorMinMinor: min > 0n ? min : 0n,
  };
};

const readTransactions = (
  list: ReadonlyArray<SavingsTransaction>, digits: number, fromDay: number,
): { days: number[]; amounts: bigint[] } => {
  const rows = list.map((tx, i) => {
    const day = dayOf(tx?.on, `transactions[${i}].on`);
    if (day < fromDay) {
      throw new InvalidDepositTermsError(`transactions[${i}].on`, 'is before from');
    }
    return { day, amount: minorUnits(tx.amount, digits, `transactions[${i}].amount`) };
  });
  let sorted = true;
  for (let i = 1; i < rows.length; i += 1) {
    if ((rows[i]?.day ?? 0) < (rows[i - 1]?.day ?? 0)) sorted = false;
  }
  if (!sorted) rows.sort((a, b) => a.day - b.day); // stable: same-day order kept
  return { days: rows.map((r) => r.day), amounts: rows.map((r) => r.amount) };
};
