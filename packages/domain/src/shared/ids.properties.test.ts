import fc from 'fast-check';
import { test } from 'uvu';
import { isCodeId, isNumberedId, memberIdFor } from './ids.ts';

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
    .map((ds) => ds.join(''));
const letters = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  { minLength: 1, maxLength: 6 }).map((ls) => ls.join(''));

test('an id holding a phone number (9 or more digits in a row) is no command id', () => {
  fc.assert(fc.property(fc.string({ maxLength: 8 }), digits(9, 15), fc.string({ maxLength: 8 }),
    (before, phone, after) => {
      const s = `${before}${phone}${after}`;
      return !isNumberedId(s) && !isCodeId(s);
    }));
});

test('an id with a space (a name and surname) is no command id', () => {
  fc.assert(fc.property(letters, letters, digits(1, 8), (a, b, n) =>
    !isNumberedId(`${a} ${b}${n}`) && !isCodeId(`${a} ${b}`)));
});

test('every minted member id is a member id a command takes, and numbers map one to one', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }),
    fc.integer({ min: 1, max: 99_999_999 }), (n, k) => isNumberedId(memberIdFor(n))
      && (n === k) === (memberIdFor(n) === memberIdFor(k))));
});

test.run();
