import { passbookHtml } from '@usha/projections';
import type { LedgerQueries } from '../reports/ledgerQueries.ts';
import { withNomineeNames } from '../reports/memberPassbook.ts';
import { passbookHtmlRequest, PrintRequestError } from './passbookHtmlRequest.ts';

/** The queries a printed passbook reads: the passbook, and whose account it is. */
export type PassbookHtmlReads = Pick<LedgerQueries, 'passbook' | 'reportState'>;

// The member whose account it is, from the passbooks kept (the log names her by id only).
const ownerOf = async (q: PassbookHtmlReads, accountId: string): Promise<string> => {
  const s = await q.reportState();
  const owner = s.states.passbook.accounts.get(accountId)?.memberId;
  if (owner === undefined) throw new PrintRequestError(`no account ${accountId} in the passbooks`);
  return owner;
};

/**
 * A member's passbook (or one account's page) as a printable HTML page in Bengali or English.
 * Her name, and her nominees' beside the lines that recorded them, come from the member
 * directory only when `withName` is true; nothing else of hers is on the page.
 * @example await ledger.passbookHtml({ accountId: 'SB-1', lang: 'bn', paper: 'A5' })
 */
export const passbookHtmlQuery = (q: PassbookHtmlReads) => async (u: unknown):
  Promise<string> => {
  const r = passbookHtmlRequest(u);
  const memberId = r.accountId === undefined ? r.memberId ?? ''
    : await ownerOf(q, r.accountId);
  if (r.memberId !== undefined && r.memberId !== memberId) {
    throw new PrintRequestError(`account ${r.accountId ?? ''} is not member ${r.memberId}'s`);
  }
  const p = await q.passbook(memberId, {
    ...(r.accountId === undefined ? {} : { accountId: r.accountId }),
    ...(r.asOf === undefined ? {} : { asOf: r.asOf }), withName: r.withName === true,
  });
  // Her account opened after the date asked for has no page as of it: said so, not "none".
  if (p.pages.length === 0) {
    throw new PrintRequestError(r.accountId !== undefined && r.asOf !== undefined
      ? `account ${r.accountId} has no page as of ${r.asOf}`
      : r.asOf !== undefined ? `no page of member ${memberId} as of ${r.asOf}`
        : `no account of member ${memberId}`);
  }
  const holderName = p.holder?.status === 'present' ? p.holder.name : undefined;
  return passbookHtml(withNomineeNames(p), { lang: r.lang, paper: r.paper ?? 'A4',
    ...(holderName === undefined ? {} : { holderName }) });
};
