import * as E from 'fp-ts/lib/Either.js';
import type { FieldError } from './reportErrors.ts';

/** A value JSON can carry: what a command or request is made of once read at the edge. */
export type PlainValue =
  | null | boolean | number | string
  | ReadonlyArray<PlainValue>
  | { readonly [key: string]: PlainValue };

/**
 * How much input the edge reads before refusing it. A command is at most four levels deep
 * (`data.holdings.3.changes`) with a dozen fields; the largest is a dividend declaration with
 * one holding per member, so arrays and the value count leave room for a society far larger
 * than DMSC's 65,000 members while keeping the walk, the copy and any error report bounded.
 */
export interface PlainInputLimits {
  readonly maxDepth: number;
  readonly maxFieldsPerObject: number;
  readonly maxFieldNameLength: number;
  readonly maxArrayLength: number;
  readonly maxStringLength: number;
  readonly maxValues: number;
}

/** The limits `plainInput` applies unless given others (see the note above). */
export const plainInputLimits: PlainInputLimits = {
  maxDepth: 16,
  maxFieldsPerObject: 64,
  maxFieldNameLength: 64,
  maxArrayLength: 1_000_000,
  maxStringLength: 4_096,
  maxValues: 4_000_000,
};

const refused = (path: ReadonlyArray<string>, expected: string, got: string): FieldError => {
  const where = path.length === 0 ? '(root)' : path.join('.');
  return {
    path: path.join('.'), expected, got, message: `${where}: expected ${expected}, got ${got}`,
  };
};

const plainText = 'a plain JSON value (object, array, string, finite number, boolean, null)';

// Reads a property once, inside a try: a getter or a Proxy trap may throw anything. What it
// threw is never shown: a message made by the caller could carry anything, a name included.
const readOnce = (o: object, key: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: Reflect.get(o, key) };
  } catch {
    return { ok: false };
  }
};

const tryOr = <A>(f: () => A, fallback: A): A => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

// The built-in kinds a refusal names, by their prototype. `Object.prototype.toString` would
// read `Symbol.toStringTag`, which a class or a Proxy defines: a getter would run and its
// text (a name, a phone number, any length) would reach the message.
const builtInKinds = new Map<unknown, string>([
  Date, Map, Set, WeakMap, WeakSet, RegExp, Promise, Error, String, Number, Boolean,
  ArrayBuffer, DataView, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
].map((c): [unknown, string] => [c.prototype, c.name]));

// What kind of object this is (from its prototype, already read), calling nothing it defines.
const kindOf = (proto: object | null): string => {
  const kind = builtInKinds.get(proto);
  return kind === undefined ? 'an object with a prototype other than Object' : `a ${kind}`;
};

// One walk's state: how many values read so far, and the objects on the path from the root
// (a cycle returns to one of them; an object met twice elsewhere is fine, as in JSON).
interface Walk {
  values: number;
  readonly ancestors: Set<object>;
  readonly limits: PlainInputLimits;
}

const value = (w: Walk, u: unknown, path: string[]): E.Either<FieldError, PlainValue> => {
  w.values += 1;
  if (w.values > w.limits.maxValues) {
    return E.left(refused(path, `at most ${w.limits.maxValues} values in all`, 'more'));
  }
  switch (typeof u) {
    case 'string':
      return u.length <= w.limits.maxStringLength ? E.right(u)
        : E.left(refused(path, `a string of at most ${w.limits.maxStringLength} characters`,
          `${u.length} characters`));
    case 'number':
      return Number.isFinite(u) ? E.right(u === 0 ? 0 : u)
        : E.left(refused(path, plainText, String(u)));
    case 'boolean': return E.right(u);
    case 'bigint':
      return E.left(refused(path, plainText, 'a bigint (amounts are decimal strings)'));
    case 'undefined': return E.left(refused(path, plainText, 'undefined'));
    case 'object': return u === null ? E.right(null) : object(w, u, path);
    default: return E.left(refused(path, plainText, `a ${typeof u}`));
  }
};

const object = (w: Walk, o: object, path: string[]): E.Either<FieldError, PlainValue> => {
  if (path.length >= w.limits.maxDepth) {
    return E.left(refused(path, `at most ${w.limits.maxDepth} levels of nesting`, 'deeper'));
  }
  if (w.ancestors.has(o)) return E.left(refused(path, plainText, 'a cycle'));
  const isArray = tryOr<boolean | undefined>(() => Array.isArray(o), undefined);
  const proto = tryOr<object | null | undefined>(() => Object.getPrototypeOf(o), undefined);
  if (isArray === undefined || proto === undefined) {
    return E.left(refused(path, plainText, 'an object that cannot be read'));
  }
  const plainProto = isArray ? proto === Array.prototype
    : proto === Object.prototype || proto === null;
  if (!plainProto) return E.left(refused(path, plainText, kindOf(proto)));
  w.ancestors.add(o);
  const r = isArray ? array(w, o as ReadonlyArray<unknown>, path) : record(w, o, path);
  w.ancestors.delete(o);
  return r;
};

const array = (
  w: Walk, a: ReadonlyArray<unknown>, path: string[],
): E.Either<FieldError, PlainValue> => {
  const length = tryOr<unknown>(() => a.length, undefined);
  if (typeof length !== 'number') {
    return E.left(refused(path, plainText, 'an array that cannot be read'));
  }
  if (length > w.limits.maxArrayLength) {
    return E.left(refused(path, `an array of at most ${w.limits.maxArrayLength} items`,
      `${length} items`));
  }
  const out: PlainValue[] = [];
  for (let i = 0; i < length; i++) {
    // The path is shared and extended in place: a failure ends the walk, so it is not undone.
    path.push(String(i));
    // A hole is not a value: JSON would silently turn it into null.
    if (!tryOr(() => Object.hasOwn(a, i), false)) {
      return E.left(refused(path, plainText, 'a hole in a sparse array'));
    }
    const v = readOnce(a, String(i));
    if (!v.ok) return E.left(refused(path, plainText, 'a value that throws when read'));
    const r = value(w, v.value, path);
    if (E.isLeft(r)) return r;
    out.push(r.right);
    path.pop();
  }
  return E.right(out);
};

const record = (w: Walk, o: object, path: string[]): E.Either<FieldError, PlainValue> => {
  // Own enumerable string keys only, as JSON has: inherited and symbol-keyed ones are not
  // fields (and so never reach a codec that would see `toString` through the prototype).
  const keys = tryOr<string[] | undefined>(() => Object.keys(o), undefined);
  if (keys === undefined) return E.left(refused(path, plainText, 'fields that cannot be listed'));
  if (keys.length > w.limits.maxFieldsPerObject) {
    return E.left(refused(path, `an object of at most ${w.limits.maxFieldsPerObject} fields`,
      `${keys.length} fields`));
  }
  const out: Record<string, PlainValue> = {};
  for (const k of keys) {
    const at = path;
    at.push(k.length > 40 ? `${k.slice(0, 37)}...` : k);
    if (k.length > w.limits.maxFieldNameLength) {
      return E.left(refused(at, `a field name of at most ${w.limits.maxFieldNameLength} ` +
        'characters', `${k.length} characters`));
    }
    // An own `__proto__` would become the copy's prototype if assigned: it is never a field.
    if (k === '__proto__') return E.left(refused(at, 'a field name other than __proto__', k));
    const v = readOnce(o, k);
    if (!v.ok) return E.left(refused(at, plainText, 'a value that throws when read'));
    // As JSON does, a field set to undefined is a field left out.
    if (v.value === undefined) {
      at.pop();
      continue;
    }
    const r = value(w, v.value, at);
    if (E.isLeft(r)) return r;
    out[k] = r.right;
    at.pop();
  }
  return E.right(out);
};

/**
 * Reads any JS value into a plain JSON copy, or names the first place it is not one. Never
 * throws: getters and proxies are read once inside a try, cycles, class instances, bigints,
 * functions, symbols, sparse arrays and anything past `plainInputLimits` are refused. Codecs
 * then decode the copy, which nothing outside can change or make throw.
 * @example plainInput({ amount: 5n }) // left({ path: 'amount', got: 'a bigint ...', ... })
 */
export const plainInput = (
  u: unknown, limits: PlainInputLimits = plainInputLimits,
): E.Either<FieldError, PlainValue> =>
  value({ values: 0, ancestors: new Set(), limits }, u, []);

/** A string found at `path` in any value, or undefined; never throws (for error reports). */
export const peekString = (u: unknown, path: ReadonlyArray<string>): string | undefined => {
  let at: unknown = u;
  for (const k of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    const o = at;
    const v = readOnce(o, k);
    if (!v.ok) return undefined;
    at = v.value;
  }
  return typeof at === 'string' && at.length <= 128 ? at : undefined;
};
