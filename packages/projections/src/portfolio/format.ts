import { rupees, table } from '../format/textTable.ts';
import type { ParReport, PortfolioFigures } from './parReport.ts';

const percent = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

const row = (name: string, f: PortfolioFigures): string[] => [
  name, String(f.activeLoans), rupees(f.principalOutstanding),
  rupees(f.buckets['1-30'].principalOutstanding), rupees(f.buckets['31-60'].principalOutstanding),
  rupees(f.buckets['61-90'].principalOutstanding),
  rupees(f.buckets['over 90'].principalOutstanding), rupees(f.arrears),
  percent(f.par30BasisPoints), percent(f.par90BasisPoints),
];

/** A PAR report as a printed table, a row per branch and one for the society. */
export const formatParReport = (r: ParReport): string => [
  `Portfolio at risk as of ${r.asOf ?? '-'} (outstanding principal by days past due)`,
  table(['Branch', 'Loans', 'Outstanding', '1-30', '31-60', '61-90', 'Over 90', 'Arrears',
    'PAR30', 'PAR90'], [
    ...[...r.byBranch].map(([b, f]) => row(b, f)), [], row('All branches', r.overall),
  ]),
].join('\n');
