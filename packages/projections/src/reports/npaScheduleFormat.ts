import { assetClasses, type AssetClass } from '@usha/domain';
import { rupees, table } from '../format/textTable.ts';
import { csv, decimal } from './csv.ts';
import type { NpaSchedule } from './npaSchedule.ts';

const className: Readonly<Record<AssetClass, string>> = {
  standard: 'Standard', subStandard: 'Sub-standard', doubtful: 'Doubtful', loss: 'Loss',
};

/**
 * The NPA schedule as printed tables: a row per loan, then the totals by class; with
 * `detail: false` the totals by class alone.
 */
export const formatNpaSchedule = (
  n: NpaSchedule, o: { readonly detail?: boolean } = {},
): string => [
  `NPA classification and provision schedule as of ${n.asOf}`,
  ...(o.detail === false ? [] : [
    table(['Loan', 'Member', 'Branch', 'Days past due', 'Class', 'Outstanding', 'Percent',
      'Provision'], n.loans.map((l) => [l.loanId, l.memberId, l.branchId ?? '-',
      String(l.daysPastDue), className[l.assetClass], rupees(l.principalOutstanding),
      `${l.provisionPercent}%`, rupees(l.provision)]), 3),
    '',
  ]),
  table(['Class', 'Loans', 'Outstanding', 'Percent', 'Provision'], [
    ...assetClasses.map((c) => {
      const t = n.byClass[c];
      return [className[c], String(t.loans), rupees(t.outstanding), `${t.percent}%`,
        rupees(t.provision)];
    }), [],
    ['Total', String(n.loans.length), rupees(n.totalOutstanding), '', rupees(n.totalProvision)],
  ]),
].join('\n');

/**
 * The NPA schedule as CSV: a row per loan (`line` loan), then one per class and the total;
 * a class's provision is its own rounding, as the close records it.
 */
export const npaScheduleCsv = (n: NpaSchedule): string => csv(
  ['line', 'loan_id', 'member_id', 'branch', 'days_past_due', 'asset_class', 'loans',
    'outstanding', 'provision_percent', 'provision'],
  [
    ...n.loans.map((l) => ['loan', l.loanId, l.memberId, l.branchId ?? '',
      String(l.daysPastDue), l.assetClass, '1', decimal(l.principalOutstanding),
      l.provisionPercent, decimal(l.provision)]),
    ...assetClasses.map((c) => {
      const t = n.byClass[c];
      return ['class', '', '', '', '', c, String(t.loans), decimal(t.outstanding), t.percent,
        decimal(t.provision)];
    }),
    ['total', '', '', '', '', '', String(n.loans.length), decimal(n.totalOutstanding), '',
      decimal(n.totalProvision)],
  ]);
