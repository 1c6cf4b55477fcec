// Writers of plain objects by key set: for each set of keys seen (as `Object.keys` lists
// them), a function made once that reads the fields by constant name and writes them in
// sorted order. Events of one type share a key set, so after the first event of a type an
// object is written without sorting, copying or a generic loop over its keys: V8 compiles the
// constant-name loads to inline caches. The functions are generated from the keys with
// `new Function`; every key enters the code only as a JSON string literal (JSON.stringify of
// a string is a valid JavaScript string literal), so no key can change what the code does.

/** Writes a value's canonical JSON text at a depth, or undefined if it is not plain JSON. */
export type ValueWriter = (value: unknown, depth: number) => string | undefined;

/**
 * Writes an object of one key set, fields in sorted order, each with `write` (strings with
 * `quote`); `depth` is that of the fields. Undefined if a field is not plain JSON.
 */
export type ObjectWriter = (
  value: { readonly [key: string]: unknown },
  depth: number,
  write: ValueWriter,
) => string | undefined;

/** A key set seen, its text writer, and its byte writer once one is asked for. */
export interface KeySet {
  readonly keys: readonly string[];
  readonly write: ObjectWriter;
  /** Made by `keySetPutter.ts` on first use: the same text, written as bytes. */
  put: unknown;
}

// Bounded so that a caller sending ever new key sets cannot grow the heap: past the bound,
// objects take the general path (about 1.5x slower, the same text).
const maxKeySets = 1024;
const maxKeys = 32;
const byFirstKey = new Map<string, KeySet[]>();
let keySetCount = 0;

// JSON.stringify writes integer-like keys first whatever the order, and `v["__proto__"]`
// reads the prototype, not the own field: objects with such keys are left to canonicalJson.
const isAwkwardKey = (key: string): boolean => {
  const first = key.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || key === '__proto__';
};

/** True if a key set cannot be written here (`plainJsonText` refuses it). */
export const hasAwkwardKey = (keys: readonly string[]): boolean => keys.some(isAwkwardKey);

/**
 * A JSON string, as JSON.stringify writes it; the loop finds most strings need no escape,
 * and then no native call is made.
 */
export const quote = (s: string): string => {
  if (s.length > 64) return JSON.stringify(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      return JSON.stringify(s);
    }
  }
  return `"${s}"`;
};

const refuseAll: ObjectWriter = () => undefined;

/** The code of a writer of `keys` (sorted by UTF-16 code units, as canonical JSON sorts). */
const writerCode = (keys: readonly string[]): string => {
  const sorted = [...keys].sort();
  const lines = ['"use strict";', 'return function (v, d, w) {', 'let t, x, s;'];
  sorted.forEach((key, i) => {
    const name = JSON.stringify(key);
    const prefix = JSON.stringify(`${i === 0 ? '{' : ','}${name}:`);
    lines.push(`x = v[${name}];`,
      'if (typeof x === "string") s = q(x); else if ((s = w(x, d)) === undefined) return;',
      i === 0 ? `t = ${prefix} + s;` : `t += ${prefix} + s;`);
  });
  lines.push(sorted.length === 0 ? 'return "{}";' : 'return t + "}";', '};');
  return lines.join('\n');
};

const writerOf = (keys: readonly string[]): ObjectWriter => {
  if (hasAwkwardKey(keys)) return refuseAll;
  const make: unknown = new Function('q', writerCode(keys));
  if (typeof make !== 'function') throw new Error('unreachable: not a function');
  const writer: unknown = make(quote);
  return writer as ObjectWriter; // generated from writerCode, of that type by construction
};

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The writer of objects whose `Object.keys` are `keys`, made on first sight of the key set;
 * undefined past the bound of key sets or keys, for the general path.
 */
export const keySetWriter = (keys: readonly string[]): ObjectWriter | undefined =>
  keySetOf(keys)?.write;

/**
 * The key set of objects whose `Object.keys` are `keys`, made on first sight; undefined past
 * the bound of key sets or keys.
 */
export const keySetOf = (keys: readonly string[]): KeySet | undefined => {
  const first = keys.length === 0 ? '' : keys[0] ?? '';
  const known = byFirstKey.get(first);
  if (known !== undefined) {
    for (const k of known) if (sameKeys(k.keys, keys)) return k;
  }
  if (keySetCount >= maxKeySets || keys.length > maxKeys) return undefined;
  const made: KeySet = { keys: [...keys], write: writerOf(keys), put: undefined };
  keySetCount++;
  if (known === undefined) byFirstKey.set(first, [made]);
  else known.push(made);
  return made;
};
