import * as E from 'fp-ts/lib/Either.js';
import { parseMoney } from '@usha/domain';

// Events carry canonical amounts ("1234.50"): read them straight into paise without a Decimal
// or a Money object. Up to 15 digits fit a double exactly, so the digits are summed as a number
// and turned into one bigint; anything else goes the long way (and is checked) by minorOf.
/** Paise of a canonical event amount, e.g. "1234.50" -> 123450n. */
export const minor = (s: string): bigint => {
  const n = s.length;
  if (n < 4 || n > 17 || s.charCodeAt(n - 3) !== 46) return slow(s);
  let start = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    start = 1;
  }
  let v = 0;
  for (let i = start; i < n; i += 1) {
    if (i === n - 3) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return slow(s);
    v = v * 10 + d;
  }
  return BigInt(negative ? -v : v);
};

const slow = (s: string): bigint => {
  const r = parseMoney(s, 2);
  if (E.isLeft(r)) throw new RangeError(`not an amount: ${JSON.stringify(s)}`);
  return r.right.minor;
};
