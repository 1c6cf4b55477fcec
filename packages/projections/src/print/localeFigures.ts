import { formatMoney, money } from '@usha/domain';
import type { PrintLang } from './printOptions.ts';

/** How a page writes its figures in one language: money, dates and counts. */
export interface LocaleFigures {
  /** Paise as rupees with 2 decimals, grouped the Indian way: ১২,৩৪,৫৬৭.৫০ or 12,34,567.50. */
  readonly money: (paise: bigint) => string;
  /** A blank for zero, money otherwise: a passbook leaves the unused column empty. */
  readonly moneyCell: (paise: bigint) => string;
  /** A business date 'YYYY-MM-DD' as day/month/year in the language's digits. */
  readonly date: (isoDate: string) => string;
  /** A whole number in the language's digits, grouped. */
  readonly count: (n: bigint) => string;
  /** Each ASCII digit of a text (a rate, a count) in the language's digits, nothing else. */
  readonly digits: (text: string) => string;
}

const locales: Readonly<Record<PrintLang, string>> = { bn: 'bn-IN', en: 'en-IN' };
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The figures of a language through the platform's locale data. Money reaches Intl as a
 * decimal string, which it formats exactly (a number would round past 2^53 paise); a date as
 * noon UTC of its day, formatted in UTC, so no zone can move it to another day.
 * @example figuresIn('bn').money(123456750n) // '১২,৩৪,৫৬৭.৫০'
 */
export const figuresIn = (lang: PrintLang): LocaleFigures => {
  const locale = locales[lang];
  const amounts = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true,
  });
  const whole = new Intl.NumberFormat(locale, { useGrouping: true });
  const dates = new Intl.DateTimeFormat(locale, {
    day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC',
  });
  // Intl types take a string only from ES2023 on; the platform has formatted them since
  // Node 19, exactly, as the property test checks digit by digit.
  const exact = amounts.format as (s: string) => string;
  const moneyOf = (paise: bigint) => exact.call(amounts, formatMoney(money(paise)));
  return {
    money: moneyOf,
    moneyCell: (paise) => (paise === 0n ? '' : moneyOf(paise)),
    date: (d) => {
      const m = isoDate.exec(d);
      if (m === null) return d;
      return dates.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
    },
    count: (n) => whole.format(n),
    digits: (text) => text.replace(/[0-9]/g, (d) => whole.format(Number(d))),
  };
};
