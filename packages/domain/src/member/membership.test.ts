// Only members do business: every command that opens an account, takes money in or lends is
// decided on the member's state on her own stream, and refused for one never admitted or gone.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { spec } from '../testing/deciderSpecification.ts';
import { activeMember, by, command, event, history, must, products, withFacts }
  from '../testing/fixtures.ts';
import { MemberId } from '../shared/ids.ts';
import { createDepositDecider } from '../deposit/decide.ts';
import { createLoanDecider } from '../loan/decide.ts';
import { createShareDecider } from '../shares/decide.ts';
import { evolveMember } from './state.ts';
import { admittedMember, type MembershipFacts } from './membership.ts';

const never: MembershipFacts = { member: { status: 'none' } };
const exited: MembershipFacts = { member: evolveMember(activeMember('M1').member,
  event('MemberExited', { memberId: 'M1', branchId: 'SONAGACHI', on: '2025-04-01' })) };
const notAdmitted = { memberId: 'M1' };
const on = '2025-04-02';

const shares = createShareDecider({ products });
const deposits = createDepositDecider({ products });
const loans = createLoanDecider({ products });

test('admittedMember: her branch while she is a member; typed refusals naming her', () => {
  assert.equal(admittedMember(must(MemberId, 'M1'), activeMember('M1', 'B1')),
    E.right({ branchId: 'B1' }));
  assert.equal(admittedMember(must(MemberId, 'M1'), never),
    E.left({ type: 'member_not_admitted', memberId: 'M1' }));
  assert.equal(admittedMember(must(MemberId, 'M1'), exited),
    E.left({ type: 'member_exited', memberId: 'M1' }));
  // Her state read from another member's stream is a defect of the reader, not a refusal.
  assert.equal(admittedMember(must(MemberId, 'M2'), activeMember('M1')),
    E.left({ type: 'wrong_aggregate', aggregate: 'member', expected: 'M2', got: 'M1' }));
});

const purchase = (facts: MembershipFacts) => withFacts(command('PurchaseShares', {
  ...by('p1', on), accountId: 'S1', memberId: 'M1', productId: 'SH', shares: 5 }), facts);
const savings = (facts: MembershipFacts, id = 'o1') => withFacts(command('OpenSavingsAccount',
  { ...by(id, on), accountId: 'A1', memberId: 'M1', productId: 'SB' }), facts);
const deposit = (facts: MembershipFacts) => withFacts(command('MakeDeposit', {
  ...by('d1', on), accountId: 'A1', amount: '100', source: 'cash' }), facts);
const apply = (facts: MembershipFacts) => withFacts(command('ApplyForLoan', {
  ...by('a1', on, 'maker'), loanId: 'L1', memberId: 'M1', productId: 'LN', principal: '5000',
  repayments: 6, firstRepaymentOn: null }), facts);
const approve = (facts: MembershipFacts) => withFacts(command('ApproveLoan', {
  ...by('a2', on, 'checker'), loanId: 'L1', principal: '5000' }), facts);
const disburse = (facts: MembershipFacts) => withFacts(command('DisburseLoan', {
  ...by('a3', on, 'checker'), loanId: 'L1' }), facts);

test('a purchase of shares: member_not_admitted, member_exited', () => {
  spec(shares).given([]).when(purchase(never)).thenRejects('member_not_admitted', notAdmitted);
  spec(shares).given([]).when(purchase(exited)).thenRejects('member_exited', notAdmitted);
});

test('an opening and a deposit: member_not_admitted, member_exited', () => {
  const openings = [
    command('OpenSavingsAccount', { ...by('o1', on), accountId: 'A1', memberId: 'M1',
      productId: 'SB' }),
    command('OpenRecurringDeposit', { ...by('o1', on), accountId: 'A1', memberId: 'M1',
      productId: 'RD', instalment: '100', termMonths: 12 }),
    command('OpenFixedDeposit', { ...by('o1', on), accountId: 'A1', memberId: 'M1',
      productId: 'FD', principal: '1000', termMonths: 12 }),
  ];
  for (const c of openings) {
    spec(deposits).given([]).when(withFacts(c, never))
      .thenRejects('member_not_admitted', notAdmitted);
    spec(deposits).given([]).when(withFacts(c, exited))
      .thenRejects('member_exited', notAdmitted);
  }
  const opened = history(deposits, [savings(activeMember('M1'))]);
  spec(deposits).given(opened).when(deposit(exited)).thenRejects('member_exited', notAdmitted);
});

test('an application, an approval, a disbursement: member_not_admitted, member_exited', () => {
  spec(loans).given([]).when(apply(never)).thenRejects('member_not_admitted', notAdmitted);
  spec(loans).given([]).when(apply(exited)).thenRejects('member_exited', notAdmitted);
  const applied = history(loans, [apply(activeMember('M1'))]);
  spec(loans).given(applied).when(approve(exited)).thenRejects('member_exited', notAdmitted);
  const approved = history(loans, [apply(activeMember('M1')), approve(activeMember('M1'))]);
  spec(loans).given(approved).when(disburse(exited)).thenRejects('member_exited', notAdmitted);
  assert.ok(E.isRight(loans.decide(disburse(activeMember('M1')),
    approved.reduce(loans.evolve, loans.initialState))));
});

test('an opening records her branch as her stream holds it, after a transfer too', () => {
  const moved: MembershipFacts = { member: evolveMember(activeMember('M1', 'B1').member,
    event('MemberTransferred', { memberId: 'M1', from: 'B1', to: 'B2', on: '2024-10-01' })) };
  const opened = deposits.decide(savings(moved), deposits.initialState);
  assert.equal(E.isRight(opened) ? opened.right.map((e) => [e.type, Reflect.get(e.data,
    'branchId')]) : opened,
    [['SavingsAccountOpened', 'B2']]);
  const applied = loans.decide(apply(moved), loans.initialState);
  assert.equal(E.isRight(applied) ? applied.right.map((e) => [e.type, Reflect.get(e.data,
    'branchId')]) : applied,
    [['LoanApplied', 'B2']]);
});

test('the stream state checks come first: an opening on an existing account', () => {
  const opened = history(deposits, [savings(activeMember('M1'))]);
  spec(deposits).given(opened).when(savings(never, 'o2'))
    .thenRejects('already_exists', { aggregate: 'deposit', id: 'A1' });
});

test.run();
