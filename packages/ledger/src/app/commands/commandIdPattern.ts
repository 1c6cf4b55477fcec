// Command ids are mostly made by a rule (`int-12-3`: a kind of command, a member, a sequence),
// so an id is kept as its pattern (`int-#-#`, kept once) and its numbers, together one float64
// where the id as text took 4 bytes of length, its bytes and 8 of address. An id that does not
// fit (a third number, a number with a leading zero or of 2^20 or more, a '#') is kept as text.

/** Numbers in an id: at most 2, each below 2^20, so that a code stays below 2^52. */
const numberSpan = 2 ** 20;
/** Patterns kept at most; ids of any further pattern are kept as text. */
export const patternsAtMost = 4096;
/** Codes per pattern: 2^40 (two numbers of 20 bits). */
export const patternSpan = numberSpan * numberSpan;

/** An id read as a pattern (its digits runs as '#') and its numbers (high, then low). */
export interface IdPattern {
  readonly pattern: string;
  readonly numbers: number;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * The pattern and numbers of `id`, or undefined if they would not give the id back exactly.
 * @example idPattern('int-12-3') // { pattern: 'int-#-#', numbers: 12 * 2 ** 20 + 3 }
 */
export const idPattern = (id: string): IdPattern | undefined => {
  // The pattern is made of the text between the numbers, added a slice at a time (at most 3),
  // not a character at a time: on a cold open this runs once a command.
  let pattern = '';
  let numbers = 0;
  let runs = 0;
  let from = 0; // where the text not yet added to `pattern` starts
  for (let i = 0; i < id.length;) {
    const c = id.charCodeAt(i);
    if (c === 0x23) return undefined; // '#' stands for a number in a pattern
    if (!isDigit(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    let n = c - 0x30;
    for (; j < id.length && isDigit(id.charCodeAt(j)); j++) n = n * 10 + id.charCodeAt(j) - 0x30;
    if (j - i > 7 || (c === 0x30 && j - i > 1) || ++runs > 2) return undefined;
    if (n >= numberSpan) return undefined;
    numbers = numbers * numberSpan + n;
    pattern += `${id.slice(from, i)}#`;
    from = j;
    i = j;
  }
  return { pattern: from === 0 ? id : pattern + id.slice(from), numbers };
};

/** The id a pattern and its numbers stand for (its inverse: no two ids share both). */
export const idFromPattern = (p: IdPattern): string => {
  const parts = p.pattern.split('#');
  const n = [Math.floor(p.numbers / numberSpan), p.numbers % numberSpan];
  const numbers = parts.length === 3 ? n : [p.numbers];
  return parts.map((s, i) => (i === 0 ? s : `${numbers[i - 1] ?? ''}${s}`)).join('');
};

/**
 * True if `id` reads as `pattern` and `numbers` (as `idPattern` would read it), found without
 * making a string: how a command kept by its pattern is confirmed on every look-up.
 */
export const isIdOf = (id: string, pattern: string, numbers: number): boolean => {
  const two = pattern.indexOf('#') !== pattern.lastIndexOf('#');
  let expected = two ? Math.floor(numbers / numberSpan) : numbers;
  let i = 0;
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern.charCodeAt(k);
    if (c !== 0x23) {
      if (id.charCodeAt(i) !== c) return false;
      i++;
      continue;
    }
    let n = 0;
    let j = i;
    for (; j < id.length && isDigit(id.charCodeAt(j)); j++) {
      if (j - i >= 7) return false;
      n = n * 10 + id.charCodeAt(j) - 0x30;
    }
    if (j === i || (id.charCodeAt(i) === 0x30 && j - i > 1) || n !== expected) return false;
    expected = numbers % numberSpan;
    i = j;
  }
  return i === id.length;
};
