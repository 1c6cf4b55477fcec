import { rupees, table } from '../format/textTable.ts';
import { csv, decimal } from './csv.ts';
import type { DcbFigures, DcbPart, DemandCollectionBalance } from './demandCollectionBalance.ts';

const amounts = (p: DcbPart): bigint[] => [p.arrears, p.current, p.arrears + p.current,
  p.collectedArrears, p.collectedCurrent, p.advance, p.balance];

// Two rows per branch, principal then interest: one description for the statement and CSV.
const rowsOf = (d: DemandCollectionBalance) => {
  const rows = (branch: string, f: DcbFigures) => [
    { branch, part: 'principal', loans: f.loans, amounts: amounts(f.principal) },
    { branch, part: 'interest', loans: f.loans, amounts: amounts(f.interest) },
  ];
  return {
    branches: [...d.byBranch].flatMap(([b, f]) => rows(b, f)),
    total: rows('All branches', d.total),
  };
};

/** The DCB register as a printed table: a principal and an interest row per branch. */
export const formatDemandCollectionBalance = (d: DemandCollectionBalance): string => {
  const { branches, total } = rowsOf(d);
  const line = (r: (typeof total)[number]) =>
    [r.branch, r.part, String(r.loans), ...r.amounts.map(rupees)];
  return [
    `Demand, collection and balance of loans, ${d.from} to ${d.to}`,
    table(['Branch', 'Part', 'Loans', 'Arrears', 'Current', 'Demand', 'Coll. arrears',
      'Coll. current', 'Advance', 'Balance'],
    [...branches.map(line), [], ...total.map(line)], 2),
  ].join('\n');
};

/** The DCB register as CSV: a principal and an interest row per branch, then the totals. */
export const demandCollectionBalanceCsv = (d: DemandCollectionBalance): string => {
  const { branches, total } = rowsOf(d);
  return csv(['branch', 'part', 'loans', 'arrears_demand', 'current_demand', 'total_demand',
    'collected_arrears', 'collected_current', 'advance', 'balance_overdue'],
  [...branches, ...total].map((r) =>
    [r.branch, r.part, String(r.loans), ...r.amounts.map(decimal)]));
};
