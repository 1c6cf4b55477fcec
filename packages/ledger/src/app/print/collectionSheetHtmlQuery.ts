import { collectionSheetHtml } from '@usha/projections';
import type { CollectionReports } from '../reports/collectionReports.ts';
import { collectionSheetHtmlRequest } from './collectionSheetHtmlRequest.ts';

/** The query a printed collection sheet reads: the text sheet's own. */
export type CollectionSheetHtmlReads = Pick<CollectionReports, 'collectionSheet'>;

/**
 * A branch's collection sheet of a day as a printable HTML page in Bengali or English, across
 * the sheet: the rows and figures of `ledger.collectionSheet` for the same branch, officer and
 * day. Members appear by id only; the page reads nothing from the member directory.
 * @example await ledger.collectionSheetHtml({ branchId: 'SONAGACHI', on: '2024-08-05',
 *   lang: 'bn' })
 */
export const collectionSheetHtmlQuery = (q: CollectionSheetHtmlReads) =>
  async (u: unknown): Promise<string> => {
    const r = collectionSheetHtmlRequest(u);
    const sheet = await q.collectionSheet({ branchId: r.branchId, on: r.on,
      ...(r.fieldOfficer === undefined ? {} : { fieldOfficer: r.fieldOfficer }) });
    return collectionSheetHtml(sheet, { lang: r.lang, paper: r.paper ?? 'A4' });
  };
