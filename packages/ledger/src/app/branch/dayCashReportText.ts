import { rupees, table } from '@usha/projections';
import type { DayCash } from './dayCashReport.ts';

const diff = (d: bigint): string => (d === 0n ? 'nil' : d < 0n
  ? `short ${rupees(-d)}` : `excess ${rupees(d)}`);

/**
 * The day-end cash report of a branch as text: each till's opening cash, what came from the
 * vault, what members paid in and were paid, what went back, the count and its difference,
 * and the closing cash; then the vault.
 */
export const dayCashReportText = (d: DayCash): string => {
  const rows = d.tills.map((t) => [t.tillId, rupees(t.openingMinor), rupees(t.fromVaultMinor),
    rupees(t.receivedMinor), rupees(t.paidMinor), rupees(t.toVaultMinor),
    t.count === null ? 'not counted' : rupees(t.count.bookMinor),
    t.count === null ? '' : rupees(t.count.countedMinor),
    t.count === null ? '' : diff(t.count.differenceMinor), rupees(t.closingMinor)]);
  const v = d.vault;
  const sum = (f: (t: DayCash['tills'][number]) => bigint) =>
    d.tills.reduce((a, t) => a + f(t), 0n);
  return [
    `Day-end cash, branch ${d.branchId}, ${d.on} (${d.closed ? 'day closed' : 'day open'})`,
    '',
    table(['till', 'opening', 'from vault', 'received', 'paid', 'to vault', 'book',
      'counted', 'difference', 'closing'], rows, 1),
    '',
    table(['vault', 'amount'], [['opening', rupees(v.openingMinor)],
      ['taken over', rupees(v.takenOverMinor)], ['to tills', rupees(sum((t) => t.fromVaultMinor))],
      ['from tills', rupees(sum((t) => t.toVaultMinor))],
      ['from branches', rupees(v.fromBranchesMinor)], ['to branches', rupees(v.toBranchesMinor)],
      ['closing', rupees(v.closingMinor)]], 1),
  ].join('\n');
};
