import { BranchId, businessDate } from '@usha/domain';
import {
  balancesProjection, collectionSheet, collectionSheetFactsProjection, combine, dues,
  replayAsync, type CollectionSheet, type CollectionSheetOptions, type Dues, type DuesOptions,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { ReportPeriodError } from './periodReports.ts';
import type { ReadOptions } from './queryOptions.ts';
import { QueryRequestError, queryRequest } from './queryRequest.ts';
import { reversibleOf, type ReportReadOptions } from './reportReadOptions.ts';

/** A collection sheet query: a branch, a date, one field officer of it if given. */
export type CollectionSheetQuery = CollectionSheetOptions & ReadOptions;

/** A due list query: a period, a branch (all when omitted), overdue instalments only if asked. */
export type DuesQuery = DuesOptions & ReadOptions;

/**
 * A branch no member of the log belonged to by the report's last day, asked for where the
 * caller wants that refused (`branchInLog`): a mistyped id would print an empty sheet.
 */
export class UnknownBranchError extends Error {
  override readonly name = 'UnknownBranchError';
  constructor(readonly branchId: string, readonly by: string, readonly known: readonly string[]) {
    super(`branch ${branchId}: no member of it in the log by ${by}; its branches: `
      + `${known.length === 0 ? '(none)' : known.join(', ')}`);
  }
}

// The check's options read once, like every query's (a misspelt field refused, not ignored).
const checkedFlag = (check: unknown): boolean => {
  if (check === undefined) return false;
  const { fields, read } = queryRequest(check,
    (reason) => new QueryRequestError('collectionReports', reason), ['branchInLog'], false);
  // A position belongs to each report's own request: here it would be read by nothing.
  const position = Object.keys(read)[0];
  if (position !== undefined) {
    throw new QueryRequestError('collectionReports', `${position}: not an option of the check `
      + '(it reads branchInLog); give it in the report\'s request');
  }
  const v = fields['branchInLog'];
  if (v !== undefined && typeof v !== 'boolean') {
    throw new QueryRequestError('collectionReports', 'branchInLog: not true or false');
  }
  return v === true;
};

/** What field officers collect: the collection sheet of a day and the due and overdue lists. */
export interface CollectionReports {
  readonly collectionSheet: (o: CollectionSheetQuery) => Promise<CollectionSheet>;
  readonly dues: (o: DuesQuery) => Promise<Dues>;
}

/**
 * The collection reports, each a replay of the log from the start to the end of its day (the
 * sheet's date, the list's last day) through the balances and the collection facts, as known
 * at `asKnownAt` when given. Dates are checked before anything is read.
 */
export const collectionReports = (
  store: EventStore<LedgerEvent>, o: ReportReadOptions = {},
  check: { readonly branchInLog?: boolean } = {},
): CollectionReports => {
  // Read once, before any replay: anything but true, false or nothing is refused, typed.
  const branchInLog = checkedFlag(check);
  // With `branchInLog`, a branch no member belonged to by `by` is refused (UnknownBranchError).
  const known = (members: ReadonlyMap<string, { readonly branchId: string | null }>,
    branchId: string, by: string) => {
    if (!branchInLog) return;
    const branches = new Set<string>();
    for (const m of members.values()) if (m.branchId !== null) branches.add(m.branchId);
    if (!branches.has(branchId)) throw new UnknownBranchError(branchId, by, [...branches].sort());
  };
  const statesTo = async (asOf: string, r: ReadOptions) => (await replayAsync(combine({
    balances: balancesProjection(), facts: collectionSheetFactsProjection(),
  }, reversibleOf(o)), store.readAll(), { asOf, ...(r.asKnownAt === undefined ? {} : {
    asKnownAt: r.asKnownAt }) })).states;
  return {
    collectionSheet: async (u) => {
      // Read once into a plain copy: null or a revoked proxy is refused, never a TypeError.
      const refuse = (why: string) => new QueryRequestError('collectionSheet', why);
      const { fields: r, read } = queryRequest(u, refuse, ['on', 'branchId', 'fieldOfficer']);
      const on = businessDate(r.on, 'on');
      if (!BranchId.is(r.branchId)) throw refuse('branchId: not a branch id');
      const officer = r.fieldOfficer;
      if (officer !== undefined && typeof officer !== 'string') {
        throw refuse('fieldOfficer: not a staff id');
      }
      const s = await statesTo(on, read);
      known(s.balances.members, r.branchId, on);
      return collectionSheet(s.balances, s.facts, { branchId: r.branchId, on,
        ...(officer === undefined ? {} : { fieldOfficer: officer }) });
    },
    dues: async (u) => {
      const refuse = (why: string) => new QueryRequestError('dues', why);
      const { fields: r, read } = queryRequest(u, refuse,
        ['from', 'to', 'branchId', 'overdueOnly']);
      const from = businessDate(r.from, 'from');
      const to = businessDate(r.to, 'to');
      if (to < from) throw new ReportPeriodError(from, to);
      const { branchId, overdueOnly } = r;
      if (branchId !== undefined && !BranchId.is(branchId)) {
        throw refuse('branchId: not a branch id');
      }
      if (overdueOnly !== undefined && typeof overdueOnly !== 'boolean') {
        throw refuse('overdueOnly: not true or false');
      }
      const s = await statesTo(to, read);
      if (branchId !== undefined) known(s.balances.members, branchId, to);
      return dues(s.balances, s.facts, { from, to,
        ...(branchId === undefined ? {} : { branchId }),
        ...(overdueOnly === undefined ? {} : { overdueOnly }) });
    },
  };
};
