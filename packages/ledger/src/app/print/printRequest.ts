import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { plainInput, reportErrors } from '@usha/domain';
import { PrintRequestError } from './passbookHtmlRequest.ts';

/**
 * A decoder for a printed page's request: the input read into a plain copy (no getter or
 * proxy of the caller's runs twice), then decoded, or refused naming its first wrong field,
 * with the Ledger method's name first.
 */
export const printRequest = <A>(codec: t.Decoder<unknown, A>, method: string) =>
  (u: unknown): A => {
    const plain = plainInput(u);
    if (E.isLeft(plain)) throw new PrintRequestError(plain.left.message, method);
    const r = codec.decode(plain.right);
    if (E.isLeft(r)) {
      const fields = reportErrors(r.left).map((f) => f.message).join('; ');
      throw new PrintRequestError(fields, method);
    }
    return r.right;
  };
