// The recorded time a log line keeps: an instant as `Date.prototype.toISOString` writes it for
// the years 0000 to 9999 (`2025-04-01T05:30:00.000Z`). Outside them it writes a six-digit year
// with a sign, which no line may hold; inside them, a text of that pattern names an instant only
// if writing that instant gives the same text back (`2025-02-30` would read as 2 March).

import { epochDayOf } from '@usha/domain';

/** The first and last milliseconds a line's recorded time can name. */
export const firstStorableMs = Date.parse('0000-01-01T00:00:00.000Z');
export const lastStorableMs = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether a time (milliseconds since 1970) can be kept as a line's recorded time. */
export const isStorableMs = (ms: number): boolean =>
  Number.isInteger(ms) && ms >= firstStorableMs && ms <= lastStorableMs;

// Days are counted in arithmetic (`epochDayOf`): a scan checks one time per append, so no Date
// is made for it.
const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// The number the decimal digits of text[from, to) make (the pattern has checked they are).
const digits = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
};

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The milliseconds `text` names, if it is an instant in the stored form; else undefined. */
export const storedInstantMs = (text: string): number | undefined => {
  if (!pattern.test(text)) return undefined;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  const h = digits(text, 11, 13);
  const mi = digits(text, 14, 16);
  const s = digits(text, 17, 19);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  if (d > (mo === 2 && isLeap(y) ? 29 : monthDays[mo - 1] ?? 0)) return undefined;
  return ((epochDayOf(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000
    + digits(text, 20, 23);
};
