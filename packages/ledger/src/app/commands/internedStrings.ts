import { f64Column, pushF64, type F64Column } from '../../offHeap/columns.ts';
import { addRow, findRow, hashRows, type HashRows } from '../../offHeap/hashRows.ts';
import type { KeyOf } from '../../offHeap/keyHash.ts';
import {
  addString, stringArena, stringAt, stringIs, type StringArena,
} from '../../offHeap/stringArena.ts';

/**
 * Strings that many rows of an index share (stream names, command types), each kept once off
 * the heap and named by its number: a row holds 4 bytes where it held the string. Their count
 * grows with the society's accounts, not with its history, and costs the heap nothing either way.
 */
export interface InternedStrings {
  readonly keys: HashRows;
  readonly strings: StringArena;
  /** Where each string starts in `strings`, by its number. */
  readonly at: F64Column;
}

/** No strings yet. */
export const internedStrings = (): InternedStrings =>
  ({ keys: hashRows(), strings: stringArena(), at: f64Column() });

/** The number of `s`, or -1 if it is not kept. */
export const findInterned = (t: InternedStrings, keyOf: KeyOf, s: string): number =>
  findRow(t.keys, keyOf(s), (n) => stringIs(t.strings, t.at.data[n] ?? 0, s));

/** The number of `s`, kept now if it was not. */
export const intern = (t: InternedStrings, keyOf: KeyOf, s: string): number => {
  const found = findInterned(t, keyOf, s);
  if (found >= 0) return found;
  const n = pushF64(t.at, addString(t.strings, s));
  addRow(t.keys, keyOf(s), n);
  return n;
};

/** The string numbered `n`. */
export const internedAt = (t: InternedStrings, n: number): string =>
  stringAt(t.strings, t.at.data[n] ?? 0);

/** True if the string numbered `n` is `s`. */
export const internedIs = (t: InternedStrings, n: number, s: string): boolean =>
  stringIs(t.strings, t.at.data[n] ?? 0, s);

/**
 * `intern` through a memo on the heap of at most `atMost` strings: for strings of which there
 * are few (command types, id patterns) and that a cold open interns once a command, so that
 * most skip the key hash. The memo's size is bounded, whatever the history's length.
 */
export const memoIntern = (
  t: InternedStrings, keyOf: KeyOf, atMost: number,
): ((s: string) => number) => {
  const memo = new Map<string, number>();
  return (s: string): number => {
    const known = memo.get(s);
    if (known !== undefined) return known;
    const n = intern(t, keyOf, s);
    if (memo.size < atMost) memo.set(s, n);
    return n;
  };
};
