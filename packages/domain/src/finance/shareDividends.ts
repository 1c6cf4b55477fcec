import type { BusinessDate } from '../dates/businessDate.ts';
import type { DecimalInput } from '../money/decimal.ts';
import { money, type Money } from '../money/money.ts';
import { minorUnits } from './depositInterest/parseExact.ts';
import { roundRatio } from '../money/roundRatio.ts';
import { dayOf, ratePercent } from './depositInterest/savingsTerms.ts';
import { InvalidDepositTermsError } from './invalidDepositTerms.ts';

/** A member's share changes: purchases positive, redemptions negative, in any order. */
export interface MemberHolding {
  readonly memberId: string;
  readonly changes: ReadonlyArray<{ readonly on: BusinessDate | string; readonly shares: number }>;
}

/** What to share out: a fixed total, or a rate on share capital at face value. */
export type DividendAmount =
  | { readonly total: DecimalInput }
  | { readonly ratePercent: DecimalInput; readonly faceValue: DecimalInput };

/** Dividend terms: the period [from, to], both days included. */
export type DividendTerms = DividendAmount & {
  readonly holdings: ReadonlyArray<MemberHolding>;
  readonly from: BusinessDate | string;
  readonly to: BusinessDate | string;
  readonly minimumDaysHeld?: number;
  readonly currencyDigits?: number;
};

/** Each member's share-days and dividend, and the total shared out. */
export interface DividendResult {
  readonly total: Money;
  readonly parts: ReadonlyArray<{ memberId: string; shareDays: bigint; amount: Money }>;
}

// Share-days of one member over [from, to] (end-of-day holdings), and days with shares held.
const shareDaysOf = (h: MemberHolding, from: number, to: number, m: number) => {
  const rows = h.changes.map((c, i) => {
    const field = `holdings[${m}].changes[${i}]`;
    if (!Number.isSafeInteger(c.shares)) {
      throw new InvalidDepositTermsError(`${field}.shares`, 'must be a whole number of shares');
    }
    return { day: dayOf(c.on, `${field}.on`), shares: BigInt(c.shares) };
  }).sort((a, b) => a.day - b.day);
  let held = 0n;
  let shareDays = 0n;
  let daysHeld = 0;
  rows.forEach((r, i) => {
    held += r.shares;
    if (held < 0n) {
      throw new InvalidDepositTermsError(`holdings[${m}].changes`, 'redeems more than held');
    }
    const start = Math.max(r.day, from);
    const end = Math.min((rows[i + 1]?.day ?? to + 1) - 1, to);
    if (end >= start && held > 0n) {
      shareDays += held * BigInt(end - start + 1);
      daysHeld += end - start + 1;
    }
  });
  return { shareDays, daysHeld };
};

const totalMinor = (t: DividendTerms, shareDays: bigint, digits: number) => {
  if ('total' in t) {
    const total = minorUnits(t.total, digits, 'total');
    if (total < 0n) throw new InvalidDepositTermsError('total', 'must not be negative');
    return total;
  }
  const rate = ratePercent(t.ratePercent, 'ratePercent');
  const face = minorUnits(t.faceValue, digits, 'faceValue');
  if (face <= 0n) throw new InvalidDepositTermsError('faceValue', 'must be positive');
  // rate% x capital x days / 365 summed over days = rate% x face x share-days / 365.
  const den = 10n ** BigInt(rate.scale) * 100n * 365n;
  return roundRatio(rate.units * face * shareDays, den, 'half-even');
};

/**
 * Shares a dividend out by share-days held over [from, to]; members who held shares on fewer
 * than `minimumDaysHeld` days get nothing. Parts sum exactly to the total: each gets the
 * floor of her exact share, and the last paise go by largest remainder, ties by member id.
 */
export const shareDividends = (t: DividendTerms): DividendResult => {
  const digits = t.currencyDigits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 8) {
    throw new InvalidDepositTermsError('currencyDigits', 'must be an integer from 0 to 8');
  }
  const from = dayOf(t.from, 'from');
  const to = dayOf(t.to, 'to');
  if (to < from) throw new InvalidDepositTermsError('to', 'must not be before from');
  const minDays = t.minimumDaysHeld ?? 0;
  if (!Number.isInteger(minDays) || minDays < 0) {
    throw new InvalidDepositTermsError('minimumDaysHeld', 'must be a whole number of days');
  }
  const ids = new Set<string>();
  const rows = t.holdings.map((h, m) => {
    if (typeof h.memberId !== 'string' || ids.has(h.memberId)) {
      throw new InvalidDepositTermsError(`holdings[${m}].memberId`, 'must be a unique string');
    }
    ids.add(h.memberId);
    const s = shareDaysOf(h, from, to, m);
    return { memberId: h.memberId, shareDays: s.daysHeld >= minDays ? s.shareDays : 0n };
  });
  const all = rows.reduce((a, r) => a + r.shareDays, 0n);
  const total = totalMinor(t, all, digits);
  if (all === 0n && total > 0n) {
    throw new InvalidDepositTermsError('holdings', 'no share-days to share a dividend over');
  }
  return {
    total: money(all === 0n ? 0n : total, digits),
    parts: allocate(rows, total, all, digits),
  };
};

const allocate = (
  rows: ReadonlyArray<{ memberId: string; shareDays: bigint }>,
  total: bigint, all: bigint, digits: number,
) => {
  if (all === 0n) return rows.map((r) => ({ ...r, amount: money(0n, digits) }));
  const exact = rows.map((r) => ({ ...r, floor: (total * r.shareDays) / all,
    rest: (total * r.shareDays) % all }));
  let left = total - exact.reduce((a, r) => a + r.floor, 0n);
  const order = [...exact].sort((a, b) => (a.rest === b.rest
    ? (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
    : (a.rest > b.rest ? -1 : 1)));
  const extra = new Set<string>();
  for (const r of order) {
    if (left === 0n) break;
    extra.add(r.memberId);
    left -= 1n;
  }
  return exact.map((r) => ({ memberId: r.memberId, shareDays: r.shareDays,
    amount: money(r.floor + (extra.has(r.memberId) ? 1n : 0n), digits) }));
};
