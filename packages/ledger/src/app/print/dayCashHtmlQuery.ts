import type { BranchQueries } from '../branch/branchQueries.ts';
import { dayCashHtml } from './dayCashHtml.ts';
import { dayCashHtmlRequest } from './dayCashHtmlRequest.ts';

/** The query a printed day-end cash page reads: the text report's own. */
export type DayCashHtmlReads = Pick<BranchQueries, 'dayCash'>;

/**
 * A branch's day-end cash as a printable HTML page in Bengali or English (dayCashHtml.ts),
 * from the branch's stream as `ledger.dayCash` reads it.
 * @example await ledger.dayCashHtml({ branchId: 'SONAGACHI', on: '2024-04-02', lang: 'bn' })
 */
export const dayCashHtmlQuery = (q: DayCashHtmlReads) => async (u: unknown): Promise<string> => {
  const r = dayCashHtmlRequest(u);
  return dayCashHtml(await q.dayCash({ branchId: r.branchId, on: r.on }),
    { lang: r.lang, paper: r.paper ?? 'A4' });
};
