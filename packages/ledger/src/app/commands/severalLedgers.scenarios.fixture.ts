// What the several-Ledgers property runs (severalLedgers.fixture.ts): a setup, sent through one
// Ledger after the others opened (so they hold none of it), and a pool of commands sent to them
// in interleavings fast-check chooses. Three scenarios: a log with no society and no staff; one
// whose setup configures the society, appoints the staff and leaves a process unfinished; and
// one whose pool configures the society and appoints the first board member as it runs.

/** A command as raw input. */
export type Input = { readonly type: string; readonly data: Record<string, unknown> };

/** A command of the pool, and the rejection it must meet in any order (if it must). */
export interface Planned {
  readonly input: Input;
  readonly mustBe?: Record<string, unknown>;
}

/** A process the setup leaves after its first step (a repayment from M4's savings). */
export interface Unfinished {
  readonly request: {
    readonly commandId: string; readonly actor: string; readonly on: string;
    readonly loanId: string; readonly accountId: string; readonly amount: string;
  };
}

/** A setup, a pool, and the process the setup leaves unfinished (if any). */
export interface Scenario {
  readonly name: string;
  readonly setup: ReadonlyArray<Input>;
  readonly pool: ReadonlyArray<Planned>;
  readonly unfinished?: Unfinished;
}

const on = '2024-04-02';
const cmd = (type: string, commandId: string, data: Record<string, unknown>, actor: string):
  Input => ({ type, data: { commandId, actor, on, ...data } });

// Who sends what: with no staff, anyone; with staff, the role the permission table names.
interface Actors {
  readonly clerk: string; readonly cashier: string; readonly maker: string;
  readonly checker: string;
}
const anyone: Actors = { clerk: 'clerk', cashier: 'clerk', maker: 'maker', checker: 'checker' };
const staff: Actors = { clerk: 'clerk', cashier: 'cashier', maker: 'clerk', checker: 'manager' };

const memberSetup = (a: Actors): Input[] => [
  cmd('AdmitMember', 's-adm-1', { memberId: 'M1', branchId: 'B-1', shareProductId: 'SH',
    shares: 5 }, a.clerk),
  cmd('AdmitMember', 's-adm-2', { memberId: 'M2', branchId: 'B-1', shareProductId: 'SH',
    shares: 5 }, a.clerk),
  cmd('OpenSavingsAccount', 's-open-2', { accountId: 'SB-M2', memberId: 'M2',
    productId: 'SB' }, a.clerk),
  cmd('MakeDeposit', 's-dep-2', { accountId: 'SB-M2', amount: '1000', source: 'cash' },
    a.cashier),
  cmd('ApplyForLoan', 's-apply-L0', { loanId: 'L0', memberId: 'M2', productId: 'LN',
    principal: '5000', repayments: 6, firstRepaymentOn: null }, a.maker),
  cmd('ApproveLoan', 's-approve-L0', { loanId: 'L0', principal: '5000' }, a.checker),
  cmd('DisburseLoan', 's-disburse-L0', { loanId: 'L0' }, a.checker === 'manager'
    ? a.cashier : a.checker),
];

const apply = (a: Actors, loanId: string) => cmd('ApplyForLoan', `apply-${loanId}`, { loanId,
  memberId: 'M1', productId: 'LO', principal: '5000', repayments: 6, firstRepaymentOn: null },
a.maker);

// Commands on M1 whose outcome depends on the order, and some that never pass.
const memberPool = (a: Actors): Planned[] => [
  { input: cmd('ExitMember', 'exit-M1', { memberId: 'M1' }, a.clerk) },
  { input: cmd('OpenSavingsAccount', 'open-SB-M1', { accountId: 'SB-M1', memberId: 'M1',
    productId: 'SB' }, a.clerk) },
  { input: cmd('MakeDeposit', 'dep-SB-M1', { accountId: 'SB-M1', amount: '100',
    source: 'cash' }, a.cashier) },
  // The same id with another payload: whichever is stored first, the other is refused.
  { input: cmd('MakeDeposit', 'dep-SB-M1', { accountId: 'SB-M1', amount: '200',
    source: 'cash' }, a.cashier) },
  { input: cmd('OpenFixedDeposit', 'open-FD-M1', { accountId: 'FD-M1', memberId: 'M1',
    productId: 'FD', principal: '1000', termMonths: 12 }, a.clerk) },
  { input: cmd('PurchaseShares', 'buy-M1', { accountId: 'SH-M1', memberId: 'M1',
    productId: 'SH', shares: 5 }, a.cashier) },
  { input: apply(a, 'L1') },
  { input: apply(a, 'L2') },
  { input: cmd('ApproveLoan', 'approve-L1', { loanId: 'L1', principal: '5000' }, a.checker) },
  { input: cmd('DisburseLoan', 'disburse-L1', { loanId: 'L1' }, a.checker === 'manager'
    ? a.cashier : a.checker) },
  { input: cmd('ExitMember', 'exit-M2', { memberId: 'M2' }, a.clerk),
    mustBe: { type: 'loan_outstanding', outstandingPrincipal: '5000.00' } },
  { input: cmd('OpenSavingsAccount', 'open-SB-M3', { accountId: 'SB-M3', memberId: 'M3',
    productId: 'SB' }, a.clerk), mustBe: { type: 'member_not_admitted', memberId: 'M3' } },
  // The id of a stored setup command, with another payload.
  { input: cmd('MakeDeposit', 's-dep-2', { accountId: 'SB-M2', amount: '1', source: 'cash' },
    a.cashier), mustBe: { type: 'command_id_reused', commandId: 's-dep-2',
    originalCommandType: 'MakeDeposit' } },
];

const configure = cmd('ConfigureSociety', 's-cfg', { societyId: 'USHA',
  statutoryReservePercent: '25', dividendRateCapPercent: '15',
  lendingLimits: { maxLoansAtOnce: 1, maxOutstandingPrincipal: null } }, 'board');
const appoint = (staffId: string, role: string, branchId: string | null) =>
  cmd('AppointStaff', `s-appoint-${staffId}`, { staffId, role, branchId }, 'board');

/** No society and no staff: every decision is taken under the set-up rule, on no society. */
export const unset: Scenario = { name: 'no society, no staff', setup: memberSetup(anyone),
  pool: memberPool(anyone) };

/**
 * The society configured (one loan at a time per member) and the staff appointed after the
 * Ledgers opened; M4's repayment from savings left after its withdrawal. A Ledger that decided
 * on its own indexes would take M2's second loan (no society limit), or a stranger's deposit
 * (the set-up rule); both must be refused.
 */
export const setUp: Scenario = {
  name: 'society and staff set up, a process unfinished',
  setup: [configure, appoint('board', 'board', null), appoint('clerk', 'clerk', 'B-1'),
    appoint('cashier', 'cashier', 'B-1'), appoint('manager', 'branchManager', 'B-1'),
    ...memberSetup(staff),
    cmd('AdmitMember', 's-adm-4', { memberId: 'M4', branchId: 'B-1', shareProductId: 'SH',
      shares: 5 }, 'clerk'),
    cmd('OpenSavingsAccount', 's-open-4', { accountId: 'SB-M4', memberId: 'M4',
      productId: 'SB' }, 'clerk'),
    cmd('MakeDeposit', 's-dep-4', { accountId: 'SB-M4', amount: '2000', source: 'cash' },
      'cashier'),
    // LP takes a repayment before its due date as a prepayment (LN refuses it).
    cmd('ApplyForLoan', 's-apply-L4', { loanId: 'L4', memberId: 'M4', productId: 'LP',
      principal: '5000', repayments: 6, firstRepaymentOn: null }, 'clerk'),
    cmd('ApproveLoan', 's-approve-L4', { loanId: 'L4', principal: '5000' }, 'manager'),
    cmd('DisburseLoan', 's-disburse-L4', { loanId: 'L4' }, 'cashier')],
  // With staff, an opening for a member never admitted is refused by the permission table
  // first: her branch, which the clerk's must be, is unknown.
  pool: [...memberPool(staff).map((p) => p.input.data.commandId !== 'open-SB-M3' ? p
    : { ...p, mustBe: { type: 'not_authorised', actor: 'clerk',
      commandType: 'OpenSavingsAccount', rolesAllowed: ['clerk', 'branchManager'],
      why: 'branch_unknown' } }),
    { input: cmd('ApplyForLoan', 'apply-L3', { loanId: 'L3', memberId: 'M2', productId: 'LN',
      principal: '5000', repayments: 6, firstRepaymentOn: null }, 'clerk'),
    mustBe: { type: 'loan_limit_exceeded', limit: 'society_loans_at_once', maximum: 1,
      open: 1 } },
    { input: cmd('MakeDeposit', 'dep-stranger', { accountId: 'SB-M2', amount: '100',
      source: 'cash' }, 'stranger'),
    mustBe: { type: 'not_authorised', actor: 'stranger', commandType: 'MakeDeposit',
      rolesAllowed: ['cashier'], why: 'not_staff' } }],
  unfinished: { request: { commandId: 'repay-L4', actor: 'cashier', on,
    loanId: 'L4', accountId: 'SB-M4', amount: '500' } },
};

/**
 * The society configured and the first board member appointed while the pool runs: each
 * command is decided before or after them, and must be stored as a single Ledger taking the
 * log in order decides it (a stranger's deposit passes only before the appointment).
 */
export const settingUp: Scenario = {
  name: 'society and first staff set up as commands run',
  setup: memberSetup(anyone),
  pool: [...memberPool(anyone).slice(0, 10),
    { input: configure }, { input: appoint('board', 'board', null) },
    { input: appoint('clerk', 'clerk', 'B-1') },
    { input: cmd('ApplyForLoan', 'apply-L3', { loanId: 'L3', memberId: 'M2', productId: 'LN',
      principal: '5000', repayments: 6, firstRepaymentOn: null }, 'clerk') },
    { input: cmd('MakeDeposit', 'dep-stranger', { accountId: 'SB-M2', amount: '100',
      source: 'cash' }, 'stranger') }],
};
