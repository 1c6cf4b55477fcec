import { cell, rupees, table } from '../format/textTable.ts';
import type { PassbookKind, PassbookLine, PassbookState } from './state.ts';

/** One page of a member's passbook, as of a date. */
export interface PassbookPage {
  readonly accountId: string;
  readonly kind: PassbookKind;
  readonly lines: ReadonlyArray<PassbookLine>;
  readonly balance: bigint;
}

/** A member's passbook: her pages, shares first, then deposits, then loans. */
export interface Passbook {
  readonly memberId: string;
  readonly asOf: string | null;
  readonly pages: ReadonlyArray<PassbookPage>;
}

const order: Record<PassbookKind, number> = { shares: 0, savings: 1, recurring: 2, fixed: 3,
  loan: 4 };

/**
 * A member's passbook as of a date: each page's lines dated on or before it (lines are kept in
 * date order, so these are exactly the lines of the events effective by then), and only the
 * pages of accounts some event dated by then made or moved, as a replay of those events has.
 */
export const passbook = (
  s: PassbookState, memberId: string, o: { readonly asOf?: string } = {},
): Passbook => ({
  memberId, asOf: o.asOf ?? s.through,
  pages: [...s.accounts.values()]
    .filter((a) => a.memberId === memberId && (o.asOf === undefined || a.firstOn <= o.asOf))
    .sort((a, b) => order[a.kind] - order[b.kind] || (a.accountId < b.accountId ? -1 : 1))
    .map((a) => {
      const lines = a.lines.filter((l) => o.asOf === undefined || l.on <= o.asOf);
      return { accountId: a.accountId, kind: a.kind, lines,
        balance: lines[lines.length - 1]?.balance ?? 0n };
    }),
});

const titles: Record<PassbookKind, string> = { shares: 'Share account', savings: 'Savings account',
  recurring: 'Recurring deposit', fixed: 'Fixed deposit', loan: 'Loan account' };

/** A passbook as printed pages: date, particulars, withdrawal, deposit, balance. */
export const formatPassbook = (p: Passbook): string => [
  `Passbook of member ${p.memberId} as of ${p.asOf ?? '-'}`,
  ...p.pages.map((pg) => [
    '', `${titles[pg.kind]} ${pg.accountId}`,
    table(['Date', 'Particulars', pg.kind === 'loan' ? 'Debit' : 'Withdrawal',
      pg.kind === 'loan' ? 'Credit' : 'Deposit', 'Balance'],
    pg.lines.map((l) => [l.on, l.particulars, cell(l.withdrawal), cell(l.deposit),
      rupees(l.balance)]), 2),
  ].join('\n')),
].join('\n');
