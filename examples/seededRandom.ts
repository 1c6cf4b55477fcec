/** A seeded source of numbers: the same seed gives the same sequence on every machine. */
export interface SeededRandom {
  /** A number in [0, 1). */
  readonly next: () => number;
  /** A whole number in [min, max]. */
  readonly int: (min: number, max: number) => number;
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean;
  /** One of the items. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A;
}

/**
 * Mulberry32: a 32-bit PRNG, small and good enough for a story (never for keys). The example
 * uses it instead of Math.random so that every run of the demo prints the same figures.
 * @example seededRandom(42).int(1, 6) // the same die roll on every run
 */
export const seededRandom = (seed: number): SeededRandom => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <A>(items: ReadonlyArray<A>): A => {
    const x = items[int(0, items.length - 1)];
    if (x === undefined) throw new RangeError('pick from an empty list');
    return x;
  };
  return { next, int, chance: (p) => next() < p, pick };
};
