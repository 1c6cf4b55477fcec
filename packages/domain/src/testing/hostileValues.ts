// Values no edge may throw on, each made fresh by name (a test may keep or mutate one). Shared
// by the domain's and the Ledger's tests through `@usha/domain/testing`.

/** A nest of `depth` arrays, one inside the other. */
export const deepArray = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** A nest of `depth` objects, each the `x` of the one outside it. */
export const deepObject = (depth: number): unknown => {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};

class Account {
  constructor(readonly id: string) {}
}

const manyKeys = (n: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));

// One copy of each large value: built once, never changed by the code under test.
const hugeString = 'x'.repeat(5_000_000);
const longArray = new Array<number>(1_000_001).fill(0);

/** Every hostile value by name: what an edge must refuse with a typed error. */
export const hostileValues: Readonly<Record<string, () => unknown>> = {
  cycle: () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  },
  arrayCycle: () => {
    const a: unknown[] = [1];
    a.push([a]);
    return a;
  },
  bigint: () => 10n,
  bigintInside: () => ({ amount: 10n }),
  symbol: () => Symbol('s'),
  func: () => () => 1,
  throwingGetter: () => Object.defineProperty({}, 'amount', {
    enumerable: true, get: () => { throw new Error('Asha Das +91 98300 00000'); },
  }),
  throwingToJSON: () => ({ toJSON: () => { throw new Error('no'); } }),
  inheritedToJSON: () => Object.create({ toJSON: () => { throw new Error('no'); } }),
  throwingProxy: () => new Proxy({}, {
    get: () => { throw new Error('get'); },
    ownKeys: () => { throw new Error('ownKeys'); },
    getPrototypeOf: () => { throw new Error('getPrototypeOf'); },
  }),
  throwingGetProxy: () => new Proxy({ a: 1 }, { get: () => { throw new Error('get'); } }),
  revokedProxy: () => {
    const r = Proxy.revocable({}, {});
    r.revoke();
    return r.proxy;
  },
  arrayProxy: () => new Proxy([1, 2], { get: () => { throw new Error('get'); } }),
  sparseArray: () => [1, , 2], // eslint-disable-line no-sparse-arrays
  hugeSparseArray: () => new Array(2 ** 32 - 1),
  longArray: () => longArray,
  deepArray: () => deepArray(20_000),
  deepObject: () => deepObject(20_000),
  hugeString: () => hugeString,
  thousandsOfKeys: () => manyKeys(5_000),
  date: () => new Date(0),
  map: () => new Map([['a', 1]]),
  set: () => new Set([1]),
  classInstance: () => new Account('A1'),
  boxedString: () => Object('500'),
  ownProto: () => JSON.parse('{"__proto__": {"a": 1}}'),
  nan: () => Number.NaN,
  infinity: () => Number.POSITIVE_INFINITY,
  undefinedInArray: () => [undefined],
  typedArray: () => new Uint8Array(3),
};
