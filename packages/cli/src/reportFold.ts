import {
  balancesProjection, booksProjection, combine, passbookProjection, streamSpansProjection,
  type CombineOptions, type Projection,
} from '@usha/projections';
import type { ReportState } from '@usha/ledger';
import type { ReportCommand } from './cliCommand.ts';

// A projection that folds nothing: its state stays the initial one, which costs nothing.
const idle = <S>(p: Projection<S>): Projection<S> => ({ ...p, apply: (s) => s });

/**
 * The report projections (`reportProjection`), each folding events only if the report reads
 * it: the books always (the books report, and `--branch` checked against their branches),
 * balances for `par`, and for `passbook` the one member's passbook only. The other states stay
 * empty, so a replay keeps what the report prints, not every member's passbook line. With
 * `reversible`, the reversal index keeps only the money events a reversal names.
 */
export const reportFold = (
  c: ReportCommand, o: CombineOptions = {},
): Projection<ReportState> => combine({
  balances: c.report === 'par' ? balancesProjection() : idle(balancesProjection()),
  books: booksProjection(),
  passbook: c.report === 'passbook'
    ? passbookProjection({ members: [c.member ?? ''] }) : idle(passbookProjection()),
  // Read by the Ledger's dated queries only; no report printed here reads it.
  spans: idle(streamSpansProjection()),
}, o);
