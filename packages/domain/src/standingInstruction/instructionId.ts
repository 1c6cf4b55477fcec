import * as t from 'io-ts';
import { isNumberedId, numberedIdShape } from '../shared/ids.ts';

/** The brand of a standing instruction's id. */
export interface InstructionIdBrand { readonly InstructionId: unique symbol }

/** A standing instruction's id as events carry it (see numberedIdShape), e.g. `SI-1`. */
export const InstructionId = t.brand(t.string,
  (s): s is t.Branded<string, InstructionIdBrand> => isNumberedId(s), 'InstructionId');
export type InstructionId = t.TypeOf<typeof InstructionId>;

/**
 * A standing instruction's id as a command carries it; a value of another shape is refused
 * without repeating it (it may be a name typed in the wrong field, and errors are logged).
 */
export const InstructionIdInput = new t.Type<InstructionId, string, unknown>(
  'InstructionId',
  InstructionId.is,
  (u, c) => typeof u === 'string' && isNumberedId(u) ? InstructionId.validate(u, c)
    : t.failure(typeof u === 'string' ? `(withheld: ${u.length} characters)` : u, c,
      `not an id of the shape: ${numberedIdShape}`),
  (a) => a,
);
