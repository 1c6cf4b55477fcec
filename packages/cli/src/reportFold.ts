import {
  balancesProjection, booksProjection, combine, idleProjection as idle, passbookProjection,
  streamSpansProjection, type CombineOptions, type Projection,
} from '@usha/projections';
import type { ReportState } from '@usha/ledger';
import type { ReportCommand } from './cliCommand.ts';

/**
 * The report projections (`reportProjection`), each folding events only if the report reads
 * it: the books for the books reports and whenever `--branch` is checked against them,
 * balances for `par`, and for `passbook` the one member's passbook only. The other states stay
 * empty, so a replay keeps what the report prints, not every member's passbook line. With
 * `reversible`, the reversal index keeps only the money events a reversal names.
 */
export const reportFold = (
  c: ReportCommand, o: CombineOptions = {},
): Projection<ReportState> => combine({
  balances: c.report === 'par' ? balancesProjection() : idle(balancesProjection()),
  // par and passbook print no books: read only to check a --branch against their branches.
  books: (c.report === 'par' || c.report === 'passbook') && c.branch === undefined
    ? idle(booksProjection()) : booksProjection(),
  passbook: c.report === 'passbook'
    ? passbookProjection({ members: [c.member ?? ''] }) : idle(passbookProjection()),
  // Read by the Ledger's dated queries only; no report printed here reads it.
  spans: idle(streamSpansProjection()),
}, o);
