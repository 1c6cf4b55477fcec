import * as t from 'io-ts';
import { isCodeId } from '../shared/ids.ts';

export interface TillIdBrand { readonly TillId: unique symbol }
/**
 * A cashier's till at a branch, by a code the branch chooses (`T1`, `COUNTER-2`): letters, then
 * optionally a number, as a branch id. It names a drawer, never the person at it.
 */
export const TillId = t.brand(t.string, (s): s is t.Branded<string, TillIdBrand> => isCodeId(s),
  'TillId');
export type TillId = t.TypeOf<typeof TillId>;
