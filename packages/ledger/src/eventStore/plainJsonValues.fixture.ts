// Generated values for the tests of the canonical JSON writers: any JSON value, with the keys
// and strings that have tripped JSON writers, and now and then something that is not JSON.
import fc from 'fast-check';

// Keys that have tripped JSON writers: the prototype's names, integer-like ones, escapes,
// lone surrogates and the line separators JavaScript once refused in string literals.
export const key = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10', '01',
    '-1', '', 'a"b', 'a\\b', '\u2028', '\u2029', '\ud800', '\udc00x', '${x}', '`', "'", '\n'),
);

// Strings made of what a writer must escape, or must not: halves of surrogate pairs, quotes,
// backslashes, control characters, and whole pairs and other non-ASCII characters.
export const tricky = fc.string({
  unit: fc.constantFrom('a', '\ud800', '\udfff', '"', '\\', '\u001f', '\u007f', 'é', '😀'),
});

// Any JSON value, and now and then something that is not (plainJsonText must then refuse).
export const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: 'binary' }), tricky, fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.double(), fc.integer(), fc.boolean(), fc.constant(null),
    fc.constantFrom(-0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, 'x'.repeat(65)),
  ),
  odd: fc.constantFrom(undefined, 1n, new Date(0), () => 1, Symbol('s'), [1, , 2]),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries)), // own "__proto__" keys stay data
  array: fc.array(tie('value'), { maxLength: 4 }),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    { arbitrary: tie('leaf'), weight: 6 }, { arbitrary: tie('odd'), weight: 1 },
    { arbitrary: tie('object'), weight: 3 }, { arbitrary: tie('array'), weight: 2 }),
}));
