import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, withFacts } from '../testing/fixtures.ts';
import type { LoanState } from '../loan/state.ts';
import { createStandingInstructionDecider } from './decide.ts';
import type { GiveInstructionFacts } from './facts.ts';
import {
  closedAccount, goodFacts, loanL1, recurringOf, savingsOf,
} from './instructionAccounts.fixture.ts';

const decider = createStandingInstructionDecider();
const none = { status: 'none' } as const;

// GiveStandingInstruction SI-1 from SB-1 to RD-1 (or what `more` says), on the facts given.
const give = (facts: Partial<GiveInstructionFacts>, more: Record<string, unknown> = {}) =>
  spec(decider).given([]).when(withFacts(command('GiveStandingInstruction', {
    ...by('g1', '2025-04-15'), instructionId: 'SI-1', fromAccountId: 'SB-1',
    toAccountId: 'RD-1', what: 'rd-instalment', startOn: '2025-05-01', endOn: null, ...more,
  }), { ...goodFacts, ...facts }));
const toLoan = (state: LoanState): Partial<GiveInstructionFacts> =>
  ({ to: { kind: 'loan', state } });
const loanInstalment = { toAccountId: 'L1', what: 'loan-instalment' };

test('from her open savings account to her open recurring deposit: given', () => {
  give({}).then([event('StandingInstructionGiven', { instructionId: 'SI-1',
    fromAccountId: 'SB-1', toAccountId: 'RD-1', what: 'rd-instalment', startOn: '2025-05-01',
    endOn: null, on: '2025-04-15' })]);
});

test('to her disbursed loan: given; applied, rejected or not there, refused', () => {
  give(toLoan(loanL1.active), loanInstalment).then([event('StandingInstructionGiven', {
    instructionId: 'SI-1', fromAccountId: 'SB-1', toAccountId: 'L1', what: 'loan-instalment',
    startOn: '2025-05-01', endOn: null, on: '2025-04-15' })]);
  give(toLoan(loanL1.applied), loanInstalment).thenRejects('invalid_loan_status',
    { status: 'applied', allowed: ['active'] });
  give(toLoan(loanL1.rejected), loanInstalment).thenRejects('loan_closed',
    { loanId: 'L1', status: 'rejected' });
  give(toLoan(none), loanInstalment).thenRejects('not_found', { aggregate: 'loan', id: 'L1' });
});

test('a savings account not there, of another id, closed or not savings: refused', () => {
  give({ from: none }).thenRejects('not_found', { aggregate: 'deposit', id: 'SB-1' });
  give({ from: savingsOf('SB-2') }).thenRejects('wrong_aggregate',
    { aggregate: 'deposit', expected: 'SB-2', got: 'SB-1' });
  give({ from: closedAccount(savingsOf()) }).thenRejects('account_closed',
    { accountId: 'SB-1', status: 'closed' });
  give({ from: recurringOf('RD-9') }, { fromAccountId: 'RD-9' }).thenRejects('wrong_product',
    { productId: 'RD', expected: 'savings', got: 'recurring' });
});

test('an RD instalment into no RD, a closed one or a savings account: refused', () => {
  give({ to: { kind: 'deposit', state: none } })
    .thenRejects('not_found', { aggregate: 'deposit', id: 'RD-1' });
  give({ to: { kind: 'deposit', state: closedAccount(recurringOf()) } })
    .thenRejects('account_closed', { accountId: 'RD-1', status: 'closed' });
  give({ to: { kind: 'deposit', state: savingsOf('SB-2') } }, { toAccountId: 'SB-2' })
    .thenRejects('wrong_product', { productId: 'SB', expected: 'recurring', got: 'savings' });
  // A loan read for an RD instalment: the deposit `what` names was not read.
  give(toLoan(loanL1.active)).thenRejects('not_found', { aggregate: 'deposit', id: 'RD-1' });
});

test('a target of another member: wrong_aggregate names both members', () => {
  give({ to: { kind: 'deposit', state: recurringOf('RD-1', 'M2') } })
    .thenRejects('wrong_aggregate', { aggregate: 'member', expected: 'M1', got: 'M2' });
});

test('the savings account is checked before the target, the fields before both', () => {
  give({ from: none, to: { kind: 'deposit', state: none } })
    .thenRejects('not_found', { aggregate: 'deposit', id: 'SB-1' });
  const r = give({ from: none }, { startOn: '2025-04-14' })
    .thenRejects('invalid_standing_instruction');
  assert.equal(r, { type: 'invalid_standing_instruction', field: 'startOn',
    reason: 'before the date it is given, 2025-04-15' });
});

test.run();
