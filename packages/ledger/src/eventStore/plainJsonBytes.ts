import { putAscii, putJsonString, putText, type ByteSink } from './byteSink.ts';
import { hasAwkwardKey } from './keySetWriter.ts';
import { keySetPutter, type ValuePutter } from './keySetPutter.ts';

// The canonical text of a plain JSON value written as UTF-8 straight into a byte sink: the
// same text as `plainJsonText` (its model in the tests), with no string built for it and no
// second pass to encode it. Refuses what plainJsonText refuses (left to canonicalJson).

const maxDepth = 64; // as canonicalJson

const isPlainObject = (value: object): value is { readonly [key: string]: unknown } => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const put: ValuePutter = (sink, value, depth) => {
  switch (typeof value) {
    case 'string':
      putJsonString(sink, value);
      return true;
    case 'boolean':
      putAscii(sink, value ? 'true' : 'false');
      return true;
    case 'number': // String(n) is JSON.stringify(n) for a finite number; -0 reads back as 0
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      putAscii(sink, String(value));
      return true;
    case 'object':
      if (value === null) {
        putAscii(sink, 'null');
        return true;
      }
      if (depth >= maxDepth) return false;
      if (Array.isArray(value)) return putArray(sink, value, depth);
      return isPlainObject(value) && putObject(sink, value, depth);
    default: return false;
  }
};

const putArray = (sink: ByteSink, value: readonly unknown[], depth: number): boolean => {
  putAscii(sink, '[');
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return false;
    if (i > 0) putAscii(sink, ',');
    if (!put(sink, value[i], depth + 1)) return false;
  }
  putAscii(sink, ']');
  return true;
};

const putObject = (
  sink: ByteSink, value: { readonly [key: string]: unknown }, depth: number,
): boolean => {
  const keys = Object.keys(value);
  const putter = keySetPutter(keys);
  if (putter !== undefined) return putter(value, sink, depth + 1, put);
  // Past the bound of key sets: the same text, by a loop over the sorted keys.
  if (hasAwkwardKey(keys)) return false;
  putAscii(sink, '{');
  let first = true;
  for (const key of keys.sort()) {
    if (!first) putAscii(sink, ',');
    first = false;
    putText(sink, JSON.stringify(key));
    putAscii(sink, ':');
    if (!put(sink, value[key], depth + 1)) return false;
  }
  putAscii(sink, '}');
  return true;
};

/**
 * Writes the canonical text of a plain JSON value (`plainJsonText(value)`) as UTF-8 at the
 * sink's end and returns true; false if the value is not plain JSON as it stands, and then
 * the sink is as it was.
 * @example putPlainJson(sink, { b: 1, a: ['x'] }) // true, sink gains '{"a":["x"],"b":1}'
 */
export const putPlainJson = (sink: ByteSink, value: unknown): boolean => {
  const start = sink.used;
  if (put(sink, value, 0)) return true;
  sink.used = start;
  return false;
};
