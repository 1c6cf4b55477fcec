/**
 * An immutable map from strings (a hash array mapped trie), plain data: `mapSet` returns a new
 * map that shares all but one path of at most seven small nodes with the old one, which is
 * unchanged.
 * A state folded over a long stream (a branch's till movements, one per member's cash at a
 * counter) then costs the same per event however many came before; copying a `Map` per event,
 * as a pure fold otherwise must, costs the whole history each time (20,000 movements took 75 s
 * to fold that way; see docs/benchmarks.md, "A branch's cash stream").
 */
export interface PersistentMap<V> {
  readonly size: number;
  /** The key set first of those set last (a key set again keeps its place, as in a `Map`). */
  readonly lastKey: string | undefined;
  readonly root: Node<V> | undefined;
}

// A key, its value and the order it was first set in.
type Entry<V> = readonly [key: string, value: V, order: number];

// Entries whose keys share one 32-bit hash (rare: a collision), with that hash.
export interface Leaf<V> {
  readonly kind: 'leaf';
  readonly hash: number;
  readonly entries: ReadonlyArray<Entry<V>>;
}

// Up to 32 children, one per 5 bits of the hash at this depth, those present set in `bitmap`.
export interface Branch<V> {
  readonly kind: 'branch';
  readonly bitmap: number;
  readonly children: ReadonlyArray<Node<V>>;
}

/** A node of the trie. */
export type Node<V> = Leaf<V> | Branch<V>;

/** FNV-1a over UTF-16 code units: a key's bits spread over every level of the trie. */
export const hashOf = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const bitCount = (n: number): number => {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
};

const slotOf = (hash: number, shift: number): number => 1 << ((hash >>> shift) & 31);

const lookUp = <V>(node: Node<V> | undefined, hash: number, key: string): V | undefined => {
  let n = node;
  for (let shift = 0; n !== undefined; shift += 5) {
    if (n.kind === 'leaf') {
      if (n.hash !== hash) return undefined;
      return n.entries.find((e) => e[0] === key)?.[1];
    }
    const bit = slotOf(hash, shift);
    if ((n.bitmap & bit) === 0) return undefined;
    n = n.children[bitCount(n.bitmap & (bit - 1))];
  }
  return undefined;
};

// Two leaves of different hashes under one branch, as deep as their hashes agree (they differ
// in some bit, so within the seven levels the 32 bits make).
const joined = <V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> => {
  const ia = (a.hash >>> shift) & 31;
  const ib = (b.hash >>> shift) & 31;
  if (ia === ib) return { kind: 'branch', bitmap: 1 << ia, children: [joined(a, b, shift + 5)] };
  return { kind: 'branch', bitmap: (1 << ia) | (1 << ib), children: ia < ib ? [a, b] : [b, a] };
};

interface Put<V> { readonly node: Node<V>; readonly added: boolean }

const put = <V>(n: Node<V>, shift: number, leaf: Leaf<V>): Put<V> => {
  const entry = leaf.entries[0] as Entry<V>;
  if (n.kind === 'leaf') {
    if (n.hash !== leaf.hash) return { node: joined(n, leaf, shift), added: true };
    const at = n.entries.findIndex((e) => e[0] === entry[0]);
    const entries = at < 0 ? [...n.entries, entry]
      : n.entries.map((e, i) => i === at ? [e[0], entry[1], e[2]] as const : e);
    return { node: { kind: 'leaf', hash: n.hash, entries }, added: at < 0 };
  }
  const bit = slotOf(leaf.hash, shift);
  const at = bitCount(n.bitmap & (bit - 1));
  const children = [...n.children];
  if ((n.bitmap & bit) === 0) {
    children.splice(at, 0, leaf);
    return { node: { kind: 'branch', bitmap: n.bitmap | bit, children }, added: true };
  }
  const inner = put(children[at] as Node<V>, shift + 5, leaf);
  children[at] = inner.node;
  return { node: { kind: 'branch', bitmap: n.bitmap, children }, added: inner.added };
};

const collect = <V>(n: Node<V> | undefined, out: Array<Entry<V>>): void => {
  if (n === undefined) return;
  if (n.kind === 'leaf') out.push(...n.entries);
  else for (const c of n.children) collect(c, out);
};

/** The value set for `key`, if any. */
export const mapGet = <V>(m: PersistentMap<V>, key: string): V | undefined =>
  lookUp(m.root, hashOf(key), key);

/** Whether `key` is set (values are never `undefined`). */
export const mapHas = <V>(m: PersistentMap<V>, key: string): boolean =>
  mapGet(m, key) !== undefined;

/**
 * The map with `key` set to `value`; `m` is unchanged.
 * @example mapGet(mapSet(emptyPersistentMap<number>(), 'a', 1), 'a') // 1
 */
export const mapSet = <V>(m: PersistentMap<V>, key: string, value: V): PersistentMap<V> => {
  // The order a new key takes: after every key set before (size counts them).
  const leaf: Leaf<V> = { kind: 'leaf', hash: hashOf(key), entries: [[key, value, m.size]] };
  if (m.root === undefined) return { size: 1, lastKey: key, root: leaf };
  const p = put(m.root, 0, leaf);
  return p.added ? { size: m.size + 1, lastKey: key, root: p.node }
    : { size: m.size, lastKey: m.lastKey, root: p.node };
};

/** Every entry in the order its key was first set (as a `Map` or an object's keys list them). */
export const mapEntries = <V>(m: PersistentMap<V>): Array<readonly [string, V]> => {
  const all: Array<Entry<V>> = [];
  collect(m.root, all);
  return all.sort((a, b) => a[2] - b[2]).map((e) => [e[0], e[1]] as const);
};

/** Every value, in the order of `mapEntries`. */
export const mapValues = <V>(m: PersistentMap<V>): V[] => mapEntries(m).map((e) => e[1]);

const empty: PersistentMap<never> = { size: 0, lastKey: undefined, root: undefined };

/** The empty map: plain data, so a state holding one compares and prints as data. */
export const emptyPersistentMap = <V>(): PersistentMap<V> => empty;
