import { rupees, table } from '../format/textTable.ts';
import { csv, decimal } from './csv.ts';
import type { ProfitAppropriation } from './profitAppropriation.ts';
import type { ShareCapitalRegister } from './shareCapitalRegister.ts';

type RegisterRow = readonly [label: string, shares: string, paise: bigint | null];

const registerRows = (r: ShareCapitalRegister): ReadonlyArray<RegisterRow> => [
  ['Members holding shares', String(r.membersHolding), null],
  ['Shares held', String(r.sharesHeld), null],
  ['Paid-up capital', '', r.paidUpCapital],
  [`Shares purchased in ${r.financialYear}`, String(r.purchased.shares), r.purchased.amount],
  [`Shares redeemed in ${r.financialYear}`, String(r.redeemed.shares), r.redeemed.amount],
];

/** The share capital register summary as a printed statement. */
export const formatShareCapitalRegister = (r: ShareCapitalRegister): string => [
  `Share capital register as of ${r.asOf ?? '-'}, financial year ${r.financialYear}`,
  table(['', 'Shares', 'Rs'], registerRows(r).map(([label, shares, a]) =>
    [label, shares, a === null ? '' : rupees(a)])),
].join('\n');

/** The share capital register summary as CSV: item, shares, amount (blank where none). */
export const shareCapitalRegisterCsv = (r: ShareCapitalRegister): string =>
  csv(['item', 'shares', 'amount'], registerRows(r).map(([label, shares, a]) =>
    [label, shares, a === null ? '' : decimal(a)]));

const appropriationRows = (p: ProfitAppropriation): ReadonlyArray<readonly [string, bigint]> => [
  [p.netProfit >= 0n ? 'Net profit' : 'Net loss', p.netProfit],
  ['Statutory reserve', p.statutoryReserve],
  ['Dividend declared', p.dividendDeclared],
  ['Carried to other funds and surplus', p.carried],
];

/** A closed year's profit appropriation as a printed statement; says so when still open. */
export const formatProfitAppropriation = (
  p: ProfitAppropriation | undefined, financialYear: string,
): string => (p === undefined
  ? `Profit appropriation, financial year ${financialYear}: the year is not closed`
  : [`Profit appropriation, financial year ${p.financialYear} (closed ${p.closedOn})`,
    table(['', 'Rs'], appropriationRows(p).map(([l, a]) => [l, rupees(a)])),
  ].join('\n'));

/** A closed year's profit appropriation as CSV (a header row only while the year is open). */
export const profitAppropriationCsv = (p: ProfitAppropriation | undefined): string =>
  csv(['item', 'amount'],
    p === undefined ? [] : appropriationRows(p).map(([l, a]) => [l, decimal(a)]));
