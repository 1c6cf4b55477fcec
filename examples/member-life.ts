// A member's life told through the pure domain: no store, no clock. Each command is decoded at
// the edge, decided against the state folded from the events so far, and its events printed.
// Admitted with shares, she saves, borrows Rs 10,000, and repays her first two instalments.
import * as E from 'fp-ts/lib/Either.js';
import {
  createDepositDecider, createLoanDecider, createMemberDecider, createShareDecider,
  decodeCommand, initialMemberState, isFactless, ProductCatalogue, type Decider,
  type MemberState,
} from '@usha/domain';

const products = (() => {
  const r = ProductCatalogue.decode({
    SH: { kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
      lockInMonths: 12, minimumSharesWhileBorrowing: 10 },
    SB: { kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
      compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
      rounding: 'half-even' },
    LN: { kind: 'loan', id: 'LN', rateAnnualPercent: '12', minPrincipal: '1000.00',
      maxPrincipal: '50000.00', minRepayments: 3, maxRepayments: 24, frequency: 'months',
      every: 1, interestMethod: 'declining-balance', amortization: 'equal-installments',
      interestPeriod: 'same-as-repayment', daysInYear: 365, daysInMonth: 30,
      installmentMultipleOf: '0.01', rounding: 'half-even', graceOnPrincipal: 0,
      graceOnInterestPayment: 0, graceOnInterestCharged: 0,
      allocationOrder: ['penalties', 'fees', 'interest', 'principal'],
      excessRepayment: 'reject' },
  });
  if (E.isLeft(r)) throw new Error('the example products do not decode');
  return r.right;
})();

/**
 * Runs raw commands through one decider, printing each event or the typed rejection. Only
 * members do business: an opening, a deposit or a loan is decided on her state as a member,
 * which an application reads from her stream (here, the state the membership story ended in).
 */
const story = <C, Ev extends { type: string; data: unknown }, S>(
  title: string, decider: Decider<C, Ev, S>, narrow: (c: unknown) => c is C,
  commands: ReadonlyArray<{ type: string; data: Record<string, unknown> }>,
  member: MemberState = initialMemberState,
): S => {
  console.log(`\n${title}`);
  let state = decider.initialState;
  for (const raw of commands) {
    const decoded = decodeCommand(raw);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    const c = isFactless(decoded.right) ? decoded.right : { ...decoded.right, facts: { member } };
    if (!narrow(c)) throw new Error(`${raw.type} is not for this aggregate`);
    const outcome = decider.decide(c, state);
    if (E.isLeft(outcome)) {
      console.log(`  ${raw.type} rejected: ${JSON.stringify(outcome.left)}`);
      continue;
    }
    for (const event of outcome.right) {
      console.log(`  ${event.type} ${JSON.stringify(event.data, brief)}`);
      state = decider.evolve(state, event);
    }
  }
  return state;
};
// The schedule is long; show its size rather than every instalment.
const brief = (key: string, value: unknown) =>
  key === 'installments' && Array.isArray(value) ? `[${value.length} installments]` : value;

const by = (commandId: string, on: string, actor = 'clerk-7') => ({ commandId, actor, on });
const isType = (...types: string[]) => <C>(c: unknown): c is C =>
  typeof c === 'object' && c !== null && 'type' in c && types.includes(String(c.type));

const member = story('Membership: member m-0042 joins branch sonagachi with 5 shares',
  createMemberDecider({ products }), isType('AdmitMember', 'ExitMember'), [
    { type: 'AdmitMember', data: { ...by('c-001', '2025-04-02'), memberId: 'm-0042',
      branchId: 'sonagachi', shareProductId: 'SH', shares: 5 } },
  ]);

story('Shares: she pays for the 5 she subscribed, buys 10 more, then tries to pass the maximum',
  createShareDecider({ products }), isType('PurchaseShares', 'RedeemShares'), [
    { type: 'PurchaseShares', data: { ...by('c-002', '2025-04-02'), accountId: 'sh-0042',
      memberId: 'm-0042', productId: 'SH', shares: 5 } },
    { type: 'PurchaseShares', data: { ...by('c-002b', '2025-04-02'), accountId: 'sh-0042',
      memberId: 'm-0042', productId: 'SH', shares: 10 } },
    { type: 'PurchaseShares', data: { ...by('c-003', '2025-04-03'), accountId: 'sh-0042',
      memberId: 'm-0042', productId: 'SH', shares: 600 } },
  ], member);

story('Savings: she opens an account, saves, and cannot go below the minimum balance',
  createDepositDecider({ products }), isType('OpenSavingsAccount', 'MakeDeposit', 'Withdraw'), [
    { type: 'OpenSavingsAccount', data: { ...by('c-004', '2025-04-02'), accountId: 'sb-0042',
      memberId: 'm-0042', productId: 'SB' } },
    { type: 'MakeDeposit', data: { ...by('c-005', '2025-04-02'), accountId: 'sb-0042',
      amount: '500', source: 'cash' } },
    { type: 'Withdraw', data: { ...by('c-006', '2025-04-20'), accountId: 'sb-0042',
      amount: '450' } },
    { type: 'Withdraw', data: { ...by('c-007', '2025-04-20'), accountId: 'sb-0042',
      amount: '150.50' } },
  ], member);

story('Loan: applied, approved by a second person, disbursed and repaid twice',
  createLoanDecider({ products }),
  isType('ApplyForLoan', 'ApproveLoan', 'DisburseLoan', 'RecordRepayment'), [
    { type: 'ApplyForLoan', data: { ...by('c-008', '2025-04-05'), loanId: 'ln-0042',
      memberId: 'm-0042', productId: 'LN', principal: '10000', repayments: 12,
      firstRepaymentOn: null } },
    { type: 'ApproveLoan', data: { ...by('c-009', '2025-04-06'), loanId: 'ln-0042',
      principal: '10000' } },
    { type: 'ApproveLoan', data: { ...by('c-010', '2025-04-06', 'manager-2'),
      loanId: 'ln-0042', principal: '10000' } },
    { type: 'DisburseLoan', data: { ...by('c-011', '2025-04-10'), loanId: 'ln-0042' } },
    { type: 'RecordRepayment', data: { ...by('c-012', '2025-05-10'), loanId: 'ln-0042',
      amount: '888.49' } },
    { type: 'RecordRepayment', data: { ...by('c-013', '2025-06-10'), loanId: 'ln-0042',
      amount: '888.49' } },
  ], member);
