import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { closedWithOptional, DateString, plainInput, reportErrors } from '@usha/domain';
import { Paper, PrintLang } from '@usha/projections';

const Id = t.refinement(t.string, (s) => s.length > 0 && s.length <= 128, 'Id');

/**
 * A printed passbook asked for: one account's page (`accountId`), or every page of a member
 * (`memberId`), in a language, on a paper (A4 when omitted), as of a date, with her name from
 * the member directory when `withName` is true (never from the log).
 */
export const PassbookHtmlRequest = closedWithOptional({ lang: PrintLang }, {
  accountId: Id, memberId: Id, paper: Paper, asOf: DateString, withName: t.boolean,
}, 'PassbookHtmlRequest');
export type PassbookHtmlRequest = t.TypeOf<typeof PassbookHtmlRequest>;

/**
 * A printed page refused: the request's field that is wrong, or what it names not found; the
 * message begins with the Ledger method asked (`passbookHtml`, `collectionSheetHtml`, ...).
 */
export class PrintRequestError extends TypeError {
  constructor(message: string, method = 'passbookHtml') {
    super(`${method}: ${message}`);
    this.name = 'PrintRequestError';
  }
}

/**
 * The request read into a plain copy and decoded, or refused naming its first wrong field;
 * it must name an account or a member.
 */
export const passbookHtmlRequest = (u: unknown): PassbookHtmlRequest => {
  const plain = plainInput(u);
  if (E.isLeft(plain)) throw new PrintRequestError(plain.left.message);
  const r = PassbookHtmlRequest.decode(plain.right);
  if (E.isLeft(r)) {
    throw new PrintRequestError(reportErrors(r.left).map((f) => f.message).join('; '));
  }
  if (r.right.accountId === undefined && r.right.memberId === undefined) {
    throw new PrintRequestError('give an accountId or a memberId');
  }
  return r.right;
};
