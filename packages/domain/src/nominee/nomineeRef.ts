import * as t from 'io-ts';
import { isOpaqueId } from '../shared/ids.ts';

export interface NomineeRefBrand { readonly NomineeRef: unique symbol }
/**
 * A nominee as the log holds her: an opaque reference to a record of the member directory,
 * never her name. The directory numbers them per member (`NOM-1`, `NOM-2`, ...).
 */
export const NomineeRef = t.brand(t.string,
  (s): s is t.Branded<string, NomineeRefBrand> => isOpaqueId(s), 'NomineeRef');
export type NomineeRef = t.TypeOf<typeof NomineeRef>;

// `NOM-` and a number of at most 8 digits, or a UUID: a name or a phone number is neither.
const numbered = /^NOM-[1-9][0-9]{0,7}$/;
const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The shape of a nominee reference in a command. */
export const nomineeRefShape = 'NOM- and a number of at most 8 digits (NOM-1), or a UUID';

/** Whether `s` has the shape of a nominee reference a command may carry. */
export const isNomineeRef = (s: string): boolean => numbered.test(s) || uuid.test(s);

/**
 * A nominee reference as a command may carry it. A value of the wrong shape is withheld from
 * the error (it may be the nominee's name, and errors get logged); its length is told instead.
 */
export const NomineeRefInput = new t.Type<NomineeRef, string, unknown>(
  NomineeRef.name,
  (u): u is NomineeRef => typeof u === 'string' && isNomineeRef(u) && NomineeRef.is(u),
  (u, c) => typeof u === 'string' && isNomineeRef(u) ? NomineeRef.validate(u, c)
    : t.failure(typeof u === 'string' ? `(withheld: ${u.length} characters)` : u, c,
      `not a nominee reference of the shape: ${nomineeRefShape}`),
  NomineeRef.encode,
);

/**
 * The reference numbered `n` (1 to 99,999,999).
 * @example nomineeRefFor(2) // 'NOM-2'
 */
export const nomineeRefFor = (n: number): NomineeRef => {
  const s = `NOM-${n}`;
  if (!Number.isSafeInteger(n) || n < 1 || n > 99_999_999 || !NomineeRefInput.is(s)) {
    throw new RangeError(`a nominee number is a whole number from 1 to 99999999, not ${n}`);
  }
  return s;
};
