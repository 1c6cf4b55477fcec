/** A cache of pure results that forgets its oldest entries beyond `limit`. */
export interface BoundedMemo<K, V> {
  /** The value for `key`, made by `make` on a miss. */
  readonly get: (key: K, make: () => V) => V;
  /** The value for `key` if remembered, with no `make` closure to allocate on a hot path. */
  readonly find: (key: K) => V | undefined;
}

/**
 * A bounded cache of a pure function's results: never state, since a forgotten value is made
 * again identically. Keeps memory bounded however many products or start days pass through.
 */
export const boundedMemo = <K, V>(limit: number): BoundedMemo<K, V> => {
  const memo = new Map<K, V>();
  return {
    get: (key, make) => {
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const value = make();
      if (memo.size >= limit) {
        const oldest = memo.keys().next();
        if (oldest.done !== true) memo.delete(oldest.value);
      }
      memo.set(key, value);
      return value;
    },
    find: (key) => memo.get(key),
  };
};
