import { hasAwkwardKey, keySetWriter, quote, type ValueWriter } from './keySetWriter.ts';

// The canonical text of a value that is already plain JSON, without the deep copy that
// `canonicalJson` makes: on every append and every command hash, where the value almost always
// is plain JSON. The value is checked and written in one walk; objects by a writer made once
// per key set (`keySetWriter.ts`), so no sorted copy is made. Anything else (bigint, -0,
// holes, undefined, class instances, integer-like or "__proto__" keys, deep nesting) is left
// to `canonicalJson`. `plainJsonTextByCopy` is its plain twin, the model of its tests.

const maxDepth = 64; // as canonicalJson

const isPlainObject = (value: object): value is { readonly [key: string]: unknown } => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const write: ValueWriter = (value, depth) => {
  switch (typeof value) {
    case 'string': return quote(value);
    case 'boolean': return value ? 'true' : 'false';
    // String(n) is JSON.stringify(n) for a finite number; -0 would read back as 0.
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : undefined;
    case 'object':
      if (value === null) return 'null';
      if (depth >= maxDepth) return undefined;
      if (Array.isArray(value)) return writeArray(value, depth);
      return isPlainObject(value) ? writeObject(value, depth) : undefined;
    default: return undefined;
  }
};

const writeArray = (value: readonly unknown[], depth: number): string | undefined => {
  let text = '[';
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return undefined;
    const item = write(value[i], depth + 1);
    if (item === undefined) return undefined;
    text += i === 0 ? item : `,${item}`;
  }
  return `${text}]`;
};

const writeObject = (
  value: { readonly [key: string]: unknown }, depth: number,
): string | undefined => {
  const keys = Object.keys(value);
  const writer = keySetWriter(keys);
  if (writer === undefined) return writeAnyObject(value, keys, depth);
  return writer(value, depth + 1, write);
};

// Past the bound of key sets: the same text, by a loop over the sorted keys.
const writeAnyObject = (
  value: { readonly [key: string]: unknown }, keys: string[], depth: number,
): string | undefined => {
  if (hasAwkwardKey(keys)) return undefined;
  let text = '{';
  for (const key of keys.sort()) {
    const field = write(value[key], depth + 1);
    if (field === undefined) return undefined;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${field}`;
  }
  return `${text}}`;
};

/**
 * The canonical text of a plain JSON value (what `canonicalJson(value).text` is), or undefined
 * if the value is not plain JSON as it stands. When it returns text, the value parsed back
 * from it is deep-equal to `value`, so `value` itself may be decoded in place of that copy.
 * @example plainJsonText({ b: 1, a: ['x'] }) // '{"a":["x"],"b":1}'
 * @example plainJsonText({ n: 1n }) // undefined: canonicalJson writes it as a string
 */
export const plainJsonText = (value: unknown): string | undefined => write(value, 0);
