// Exact non-negative-denominator numbers of the form n / Q^k for one base Q per calculation
// (Q = 10^rateDecimals * 100 * daysInYear). Every interest figure of a savings calculation is
// such a number, so sums need no gcd and stay exact; sizes grow with compounding, not days.

/** n / Q^k, in minor currency units. */
export interface QNum {
  readonly n: bigint;
  readonly k: number;
}

/** Powers of one base Q, remembered as they are asked for. */
export interface QBase {
  readonly q: bigint;
  readonly pow: (k: number) => bigint;
}

/** A base with a cache of its powers. */
export const qBase = (q: bigint): QBase => {
  const powers: bigint[] = [1n];
  return {
    q,
    pow: (k) => {
      while (powers.length <= k) powers.push((powers[powers.length - 1] ?? 1n) * q);
      return powers[k] ?? 1n;
    },
  };
};

export const qZero: QNum = { n: 0n, k: 0 };

/** An integer as a QNum. */
export const qInt = (n: bigint): QNum => ({ n, k: 0 });

const lift = (a: QNum, k: number, b: QBase): bigint => (a.k === k ? a.n : a.n * b.pow(k - a.k));

/** a + b. */
export const qAdd = (a: QNum, b: QNum, base: QBase): QNum => {
  if (b.n === 0n) return a;
  if (a.n === 0n) return b;
  const k = Math.max(a.k, b.k);
  return { n: lift(a, k, base) + lift(b, k, base), k };
};

/** a - b. */
export const qSub = (a: QNum, b: QNum, base: QBase): QNum => qAdd(a, { n: -b.n, k: b.k }, base);

/** Sign of a - b. */
export const qCompare = (a: QNum, b: QNum, base: QBase): -1 | 0 | 1 => {
  const k = Math.max(a.k, b.k);
  const d = lift(a, k, base) - lift(b, k, base);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** a * m / Q^j for an integer m. */
export const qScale = (a: QNum, m: bigint, j: number): QNum => ({ n: a.n * m, k: a.k + j });
