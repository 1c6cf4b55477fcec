import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { JsonError, JsonValue } from './jsonValue.ts';

// The one JSON codec of the ledger. Canonical form: object keys sorted by UTF-16 code units
// (as RFC 8785 does), no whitespace, strings and numbers exactly as JSON.stringify writes them,
// bigint written as a decimal string (the io-ts codec that reads it back knows it is a bigint).
// Anything JSON cannot carry exactly (undefined, NaN, functions, Dates, Maps, class instances,
// cycles) is refused with its path rather than silently dropped or changed as JSON.stringify does.

const maxDepth = 64;
const arrayIndexKey = /^(0|[1-9]\d*)$/;

class Refusal {
  constructor(
    public path: string,
    readonly message: string,
  ) {}
}

const join = (path: string, key: string | number): string =>
  path === '' ? String(key) : `${path}.${key}`;

// Paths are only needed when a value is refused: the walk does not build one per field (that
// was most of its cost); a refusal gathers its path on the way out, one key per level.
const within = (e: unknown, key: string | number): unknown => {
  if (e instanceof Refusal) e.path = e.path === '' ? String(key) : join(String(key), e.path);
  return e;
};

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

interface Walk {
  // JS objects list integer-like keys first whatever their insertion order, so an object with
  // such a key cannot be given to JSON.stringify in canonical order: we then write it ourselves.
  integerKeys: boolean;
}

const copy = (value: unknown, depth: number, walk: Walk): JsonValue => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Refusal('', `${value} is not a JSON number`);
      return Object.is(value, -0) ? 0 : value;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return null;
      if (depth >= maxDepth) throw new Refusal('', `nested deeper than ${maxDepth} (a cycle?)`);
      if (Array.isArray(value)) return copyArray(value, depth, walk);
      if (!isPlainObject(value)) throw new Refusal('', 'not a plain object');
      return copyObject(value, depth, walk);
    default:
      throw new Refusal('', `${typeof value} is not a JSON value`);
  }
};

const copyArray = (value: readonly unknown[], depth: number, walk: Walk) => {
  const out: JsonValue[] = new Array<JsonValue>(value.length);
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new Refusal(String(i), 'a hole in an array');
    try {
      out[i] = copy(value[i], depth + 1, walk);
    } catch (e) {
      throw within(e, i);
    }
  }
  return out;
};

/** Keys in canonical order: usually they already are (codecs and JSON.parse keep order). */
const sortedKeys = (value: object): string[] => {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] ?? '') >= (keys[i] ?? '')) return keys.sort();
  }
  return keys;
};

// A plain object (not an array) read by key: a keyed load, several times cheaper than
// Reflect.get on the hot path of every append.
const isRecord = (value: object): value is { readonly [key: string]: unknown } =>
  !Array.isArray(value);

const copyObject = (value: object, depth: number, walk: Walk) => {
  const out: Record<string, JsonValue> = {};
  if (!isRecord(value)) throw new Refusal('', 'not a plain object'); // copy() sent arrays away
  for (const key of sortedKeys(value)) {
    const field = value[key];
    if (field === undefined) throw new Refusal(key, 'undefined is not a JSON value');
    const first = key.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39 && arrayIndexKey.test(key)) walk.integerKeys = true;
    let copied: JsonValue;
    try {
      copied = copy(field, depth + 1, walk);
    } catch (e) {
      throw within(e, key);
    }
    // A "__proto__" key (JSON.parse makes such keys) must stay data, not set the prototype.
    if (key === '__proto__') {
      const own = { value: copied, enumerable: true, writable: true, configurable: true };
      Object.defineProperty(out, key, own);
    } else {
      out[key] = copied;
    }
  }
  return out;
};

const write = (value: JsonValue): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    parts.push(`${JSON.stringify(key)}:${write(Reflect.get(value, key))}`);
  }
  return `{${parts.join(',')}}`;
};

/** A value checked and copied into canonical JSON, and its canonical text. */
export interface Canonical {
  readonly value: JsonValue;
  readonly text: string;
}

/**
 * Checks that a value is JSON, copies it with sorted keys and writes its canonical text.
 * @example canonicalJson({ b: 1n, a: [true] }) // right({ value, text: '{"a":[true],"b":"1"}' })
 */
export const canonicalJson = (value: unknown): Either<JsonError, Canonical> => {
  const walk: Walk = { integerKeys: false };
  try {
    const copied = copy(value, 0, walk);
    // For the usual case the native writer is several times faster and gives the same text.
    return right({
      value: copied,
      text: walk.integerKeys ? write(copied) : JSON.stringify(copied),
    });
  } catch (e) {
    if (e instanceof Refusal) return left({ path: e.path, message: e.message });
    throw e;
  }
};

/** Canonical text of a value already known to be JSON (e.g. parsed from a line). */
export const canonicalText = (value: JsonValue): string => write(value);
