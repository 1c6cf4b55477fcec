// A folded state as text and back, for the states a Ledger keeps across a restart
// (keptStates.ts). States are plain data: objects, arrays, Maps, strings, numbers, booleans,
// null, undefined and bigints. JSON holds the strings, finite numbers, booleans and null as
// they are; everything else is an array whose first element names what it is, so no value is
// read back as another: ['b', '12'] a bigint, ['u'] undefined, ['n', '-0'] a number JSON
// cannot hold, ['a', ...items] an array, ['m', [k, v], ...] a Map, ['o', {...}] an object
// (['O', {...}] one without a prototype).
import * as E from 'fp-ts/lib/Either.js';

type Tree = string | number | boolean | null | Tree[] | { [k: string]: Tree };

/** How deep a state may nest: a persistent map is at most seven nodes deep. */
export const maxStateDepth = 64;

// Not plain data: the value is not kept (its stream is folded from the log as before).
class NotPlain extends Error {}

const special = (n: number): string | undefined => {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return Object.is(n, -0) ? '-0' : undefined;
};

// A field set as an own data property. Assigned (the fast way) but for a name Object.prototype
// has: `__proto__` assigned would set the object's prototype, and where Object.prototype is
// frozen (a hardened runtime) assigning `constructor` or `toString` throws. Those are defined.
const setField = (o: object, k: string, value: unknown): void => {
  if (k in Object.prototype) {
    Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (o as Record<string, unknown>)[k] = value;
  }
};

const treeOf = (v: unknown, depth: number, path: Set<object>): Tree => {
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': {
      const s = special(v);
      return s === undefined ? v : ['n', s];
    }
    case 'bigint': return ['b', v.toString()];
    case 'undefined': return ['u'];
    case 'object': break;
    default: throw new NotPlain(typeof v);
  }
  if (v === null) return null;
  if (depth >= maxStateDepth) throw new NotPlain('too deep');
  if (path.has(v)) throw new NotPlain('a cycle');
  path.add(v);
  try {
    if (Array.isArray(v)) {
      const out: Tree[] = ['a'];
      for (let i = 0; i < v.length; i += 1) {
        if (!(i in v)) throw new NotPlain('a hole in an array');
        out.push(treeOf(v[i], depth + 1, path));
      }
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (v instanceof Map && proto === Map.prototype) {
      const out: Tree[] = ['m'];
      for (const [k, x] of v) out.push([treeOf(k, depth + 1, path), treeOf(x, depth + 1, path)]);
      return out;
    }
    if (proto !== Object.prototype && proto !== null) throw new NotPlain('a class instance');
    if (Object.getOwnPropertySymbols(v).length > 0) throw new NotPlain('a symbol key');
    const fields: { [k: string]: Tree } = {};
    for (const k of Object.getOwnPropertyNames(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d === undefined || !('value' in d) || d.enumerable !== true) {
        throw new NotPlain('an accessor or hidden field');
      }
      setField(fields, k, treeOf(d.value, depth + 1, path));
    }
    return [proto === null ? 'O' : 'o', fields];
  } finally {
    path.delete(v);
  }
};

/**
 * The text of a state, or undefined when it is not plain data (a class instance, a function, a
 * cycle, an accessor, deeper than `maxStateDepth`): such a state is not kept.
 */
export const stateText = (state: unknown): string | undefined => {
  try {
    return JSON.stringify(treeOf(state, 0, new Set()));
  } catch {
    return undefined; // not plain data, or a proxy's trap that threw: not kept
  }
};

class Garbled extends Error {}

const text = (t: Tree | undefined): string => {
  if (typeof t !== 'string') throw new Garbled('a tag without its text');
  return t;
};

// A tree's value: its items are read from index 1 on (0 is the tag), the array not copied.
const valueOf = (t: Tree, depth: number): unknown => {
  if (t === null || typeof t !== 'object') return t;
  if (depth >= maxStateDepth) throw new Garbled('too deep');
  if (!Array.isArray(t)) throw new Garbled('an object without its tag');
  const tag = t[0];
  switch (tag) {
    case 'u': return undefined;
    case 'b': {
      const s = text(t[1]);
      if (!/^-?(0|[1-9][0-9]*)$/.test(s)) throw new Garbled(`a bigint ${s.slice(0, 40)}`);
      return BigInt(s);
    }
    case 'n': {
      const s = text(t[1]);
      if (s === 'NaN') return Number.NaN;
      if (s === 'Infinity') return Number.POSITIVE_INFINITY;
      if (s === '-Infinity') return Number.NEGATIVE_INFINITY;
      if (s === '-0') return -0;
      throw new Garbled(`a number ${s.slice(0, 40)}`);
    }
    case 'a': {
      const out: unknown[] = [];
      for (let i = 1; i < t.length; i += 1) out.push(valueOf(t[i] ?? null, depth + 1));
      return out;
    }
    case 'm': {
      const out = new Map<unknown, unknown>();
      for (let i = 1; i < t.length; i += 1) {
        const pair = t[i];
        if (!Array.isArray(pair) || pair.length !== 2) throw new Garbled('a Map entry');
        out.set(valueOf(pair[0] ?? null, depth + 1), valueOf(pair[1] ?? null, depth + 1));
      }
      return out;
    }
    case 'o': case 'O': {
      const fields = t[1];
      if (t.length !== 2 || fields === null || typeof fields !== 'object'
        || Array.isArray(fields)) {
        throw new Garbled('an object\'s fields');
      }
      const out: object = tag === 'O' ? Object.create(null) as object : {};
      for (const k of Object.keys(fields)) {
        setField(out, k, valueOf(fields[k] ?? null, depth + 1));
      }
      return out;
    }
    default: throw new Garbled(`the tag ${JSON.stringify(tag).slice(0, 40)}`);
  }
};

/** The state of a text written by `stateText`, or why it cannot be read. */
export const stateOfText = (s: string): E.Either<string, unknown> => {
  try {
    return E.right(valueOf(JSON.parse(s) as Tree, 0));
  } catch (e) {
    if (e instanceof Garbled) return E.left(e.message);
    if (e instanceof SyntaxError || e instanceof RangeError) return E.left('not its text');
    throw e;
  }
};
