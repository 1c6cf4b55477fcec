import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { plainInput, reportErrors } from '@usha/domain';

/** The five kinds of account; assets and expenses carry debit balances, the rest credit. */
export type AccountClass = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** What the journal mapping posts to; a chart names the account each role uses. */
export type PostingRole =
  | 'cash' | 'bank' | 'loansReceivable' | 'penaltiesReceivable' | 'feesReceivable'
  | 'interestReceivable' | 'interestPayable'
  | 'savingsDeposits' | 'recurringDeposits' | 'fixedDeposits' | 'dividendsPayable'
  | 'dividendsAwaitingDeposit' | 'shareCapital' | 'statutoryReserve' | 'accumulatedSurplus'
  | 'loanInterestIncome' | 'penaltyIncome' | 'feeIncome' | 'recoveriesIncome'
  | 'depositInterestExpense' | 'loanLossExpense'
  | 'loanLossProvision' | 'provisionExpense' | 'provisionWrittenBack' | 'tdsPayable'
  | 'topUpClearing' | 'interBranch' | 'cashExcess' | 'cashShortage'
  | 'depositChargeIncome' | 'admissionFeeIncome';

/** One account of the chart. */
export interface LedgerAccount {
  readonly code: string;
  readonly name: string;
  readonly class: AccountClass;
}

/** A chart of accounts as data: the accounts, and the account of each posting role. */
export interface ChartOfAccounts {
  readonly accounts: ReadonlyArray<LedgerAccount>;
  readonly roles: Readonly<Record<PostingRole, string>>;
}

/**
 * Usha's chart: loan interest is income when received and deposit interest an expense when
 * posted, with the year-end accruals (YearEndAccrualsRecorded) adjusting both to the accrual
 * basis at 31 March and reversed on 1 April; penalties and fees are income when charged. The
 * provision for loan losses (LoanLossProvisionSet) is moved to its new total each 31 March.
 */
export const defaultChartOfAccounts: ChartOfAccounts = {
  accounts: [
    { code: '1100', name: 'Cash in hand', class: 'asset' },
    { code: '1110', name: 'Cash at bank', class: 'asset' },
    { code: '1200', name: 'Loans to members', class: 'asset' },
    { code: '1210', name: 'Penalties receivable', class: 'asset' },
    { code: '1220', name: 'Fees receivable', class: 'asset' },
    { code: '1230', name: 'Interest receivable', class: 'asset' },
    // A top-up's payoff between its two entries (the new loan paid out, the old loan paid
    // off, on two streams): zero once both are recorded.
    { code: '1240', name: 'Top-up payoffs clearing', class: 'asset' },
    // A contra-asset: an asset account whose balance is a credit, shown against the loans.
    { code: '1290', name: 'Provision for loan losses', class: 'asset' },
    // What branches owe each other and the head office: an entry touching two branches
    // balances in each through it, so it sums to zero over the society (see branchBooks.ts).
    { code: '1900', name: 'Inter-branch account', class: 'asset' },
    { code: '2100', name: 'Members\' savings deposits', class: 'liability' },
    { code: '2110', name: 'Recurring deposits', class: 'liability' },
    { code: '2120', name: 'Fixed deposits', class: 'liability' },
    { code: '2200', name: 'Interest payable', class: 'liability' },
    { code: '2300', name: 'Dividends payable', class: 'liability' },
    { code: '2310', name: 'Dividends credited, awaiting deposit', class: 'liability' },
    // Tax deducted from members' interest, owed to the government until it is paid over.
    { code: '2400', name: 'TDS payable', class: 'liability' },
    // Cash found above a till's book at its count: held, not income, until it is explained
    // (a member over-paid, a receipt was not recorded) or the society decides it is income.
    { code: '2500', name: 'Cash excess, unexplained', class: 'liability' },
    { code: '3100', name: 'Share capital', class: 'equity' },
    { code: '3200', name: 'Statutory reserve', class: 'equity' },
    { code: '3300', name: 'Accumulated surplus', class: 'equity' },
    { code: '4100', name: 'Interest on loans', class: 'income' },
    { code: '4200', name: 'Penalties', class: 'income' },
    { code: '4300', name: 'Fees', class: 'income' },
    { code: '4400', name: 'Bad debts recovered', class: 'income' },
    { code: '4500', name: 'Provisions written back', class: 'income' },
    // Charges by a deposit product's rule, taken from the balance (DepositChargeApplied).
    { code: '4600', name: 'Charges on deposits', class: 'income' },
    // Paid in cash on admission (AdmissionFeeCharged); not share capital, not refundable.
    { code: '4700', name: 'Admission fees', class: 'income' },
    { code: '5100', name: 'Interest on deposits', class: 'expense' },
    { code: '5200', name: 'Loans written off', class: 'expense' },
    { code: '5300', name: 'Provision expense', class: 'expense' },
    // Cash found below a till's book at its count (TillCashCounted).
    { code: '5400', name: 'Cash shortage', class: 'expense' },
  ],
  roles: {
    cash: '1100', bank: '1110', loansReceivable: '1200', penaltiesReceivable: '1210',
    feesReceivable: '1220', interestReceivable: '1230', interestPayable: '2200',
    savingsDeposits: '2100', recurringDeposits: '2110',
    fixedDeposits: '2120', dividendsPayable: '2300', dividendsAwaitingDeposit: '2310',
    shareCapital: '3100', statutoryReserve: '3200', accumulatedSurplus: '3300',
    loanInterestIncome: '4100', penaltyIncome: '4200', feeIncome: '4300',
    recoveriesIncome: '4400', depositInterestExpense: '5100', loanLossExpense: '5200',
    loanLossProvision: '1290', provisionExpense: '5300', provisionWrittenBack: '4500',
    tdsPayable: '2400', topUpClearing: '1240', interBranch: '1900',
    cashExcess: '2500', cashShortage: '5400',
    depositChargeIncome: '4600', admissionFeeIncome: '4700',
  },
};

/**
 * A chart that is not one (decodeChart: the field at fault), names a role's account but does not
 * list it, or lists a code twice.
 */
export class InvalidChartError extends Error {
  override readonly name = 'InvalidChartError';
  constructor(readonly detail: string) {
    super(`chart of accounts: ${detail}`);
  }
}

/** A chart checked and indexed: each role's account as an index into `accounts`. */
export interface IndexedChart {
  readonly chart: ChartOfAccounts;
  readonly roleIndex: Readonly<Record<PostingRole, number>>;
  readonly codeIndex: ReadonlyMap<string, number>;
}

const accountClasses = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
// An account code or name: a short line of text (it is printed in every report).
const ChartText = t.refinement(t.string, (x) => x.length >= 1 && x.length <= 200
  && !/[\u0000-\u001f]/.test(x), 'text of 1 to 200 characters, no control characters');
const roleNames = Object.keys(defaultChartOfAccounts.roles) as PostingRole[];

/** A chart as data, decoded: each account's code, name and class, and every role's code. */
export const ChartOfAccountsCodec: t.Type<ChartOfAccounts, ChartOfAccounts, unknown> = t.type({
  accounts: t.readonlyArray(t.type({
    code: ChartText, name: ChartText,
    class: t.keyof(Object.fromEntries(accountClasses.map((c) => [c, null])) as
      Record<AccountClass, null>),
  })),
  roles: t.type(Object.fromEntries(roleNames.map((r) => [r, ChartText])) as
    Record<PostingRole, typeof ChartText>),
});

/**
 * Reads a chart whatever the caller gave: a plain copy (getters and proxies read once, nothing
 * outside can change it after) decoded by ChartOfAccountsCodec, or InvalidChartError naming the
 * first field at fault. Never any other error.
 */
export const decodeChart = (u: unknown): ChartOfAccounts => {
  const plain = plainInput(u);
  if (E.isLeft(plain)) throw new InvalidChartError(plain.left.message);
  const decoded = ChartOfAccountsCodec.decode(plain.right);
  if (E.isLeft(decoded)) {
    const first = reportErrors(decoded.left)[0];
    throw new InvalidChartError(first === undefined ? 'not a chart' : first.message);
  }
  return decoded.right;
};

/** Checks a chart (any JS value: decodeChart) and indexes it. */
export const indexChart = (given: unknown): IndexedChart => {
  const chart = decodeChart(given);
  const codeIndex = new Map<string, number>();
  chart.accounts.forEach((a, i) => {
    if (codeIndex.has(a.code)) throw new InvalidChartError(`code ${a.code} listed twice`);
    codeIndex.set(a.code, i);
  });
  const roleIndex: Partial<Record<PostingRole, number>> = {};
  for (const [role, code] of Object.entries(chart.roles)) {
    const i = codeIndex.get(code);
    if (i === undefined) throw new InvalidChartError(`role ${role}: no account ${code}`);
    roleIndex[role as PostingRole] = i; // a key of chart.roles, which is a Record<PostingRole>
  }
  return { chart, roleIndex: roleIndex as Record<PostingRole, number>, codeIndex };
};

/** Whether an account of a class normally carries a debit balance. */
export const debitNormal = (c: AccountClass): boolean => c === 'asset' || c === 'expense';
