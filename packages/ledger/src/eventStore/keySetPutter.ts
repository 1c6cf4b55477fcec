// Byte writers of plain objects by key set: the twin of the text writers of keySetWriter.ts,
// writing the same canonical text as UTF-8 straight into a ByteSink. Made once per key set
// (kept in the same bounded table) from generated code that reads the fields by constant name;
// every key enters the code only as the bytes of its pre-encoded piece, written as numbers,
// and as a JSON string literal reading the field, so no key can change what the code does.
import { putJsonString, reserve, type ByteSink } from './byteSink.ts';
import { hasAwkwardKey, keySetOf } from './keySetWriter.ts';

/** Writes a value's canonical JSON at a depth into a sink; false if it is not plain JSON. */
export type ValuePutter = (sink: ByteSink, value: unknown, depth: number) => boolean;

/** Writes an object of one key set, fields in sorted order; false if a field is not plain. */
export type ObjectPutter = (
  value: { readonly [key: string]: unknown },
  sink: ByteSink,
  depth: number,
  put: ValuePutter,
) => boolean;

const refuseAll: ObjectPutter = () => false;

// Code that writes the bytes of a piece: one reserve, then each byte as a constant store
// (a piece is a few bytes: stores beat a call that copies them). Only numbers from 0 to 255
// enter the code, so no key can change what it does.
const bytesCode = (piece: Uint8Array): string => {
  const stores = Array.from(piece, (byte, i) => `b[a + ${i}] = ${byte};`);
  return [`r(s, ${piece.length}); b = s.buffer; a = s.used;`, ...stores,
    `s.used = a + ${piece.length};`].join(' ');
};

/** The code of a byte writer whose pieces (`{"a":`, `,"b":`, ... `}`) are `pieces`. */
const putterCode = (sorted: readonly string[], pieces: readonly Uint8Array[]): string => {
  const lines = ['"use strict";', 'return function (v, s, d, w) {', 'let x, b, a;'];
  sorted.forEach((key, i) => {
    lines.push(`x = v[${JSON.stringify(key)}];`, bytesCode(pieces[i] ?? new Uint8Array()),
      'if (typeof x === "string") q(s, x); else if (!w(s, x, d)) return false;');
  });
  lines.push(bytesCode(pieces[sorted.length] ?? new Uint8Array()), 'return true;', '};');
  return lines.join('\n');
};

const putterOf = (keys: readonly string[]): ObjectPutter => {
  if (hasAwkwardKey(keys)) return refuseAll;
  const sorted = [...keys].sort();
  // `{"a":`, `,"b":`, ... then `}` (or `{}` alone), each encoded once.
  const pieces = sorted.map((key, i) =>
    Buffer.from(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`));
  pieces.push(Buffer.from(sorted.length === 0 ? '{}' : '}'));
  const make: unknown = new Function('r', 'q', putterCode(sorted, pieces));
  if (typeof make !== 'function') throw new Error('unreachable: not a function');
  const putter: unknown = make(reserve, putJsonString);
  return putter as ObjectPutter; // generated from putterCode, of that type by construction
};

/**
 * The byte writer of objects whose `Object.keys` are `keys`, made on first use; undefined
 * past the bound of key sets or keys, for the general path.
 */
export const keySetPutter = (keys: readonly string[]): ObjectPutter | undefined => {
  const set = keySetOf(keys);
  if (set === undefined) return undefined;
  if (set.put === undefined) set.put = putterOf(keys);
  return set.put as ObjectPutter; // only putterOf fills the slot
};
