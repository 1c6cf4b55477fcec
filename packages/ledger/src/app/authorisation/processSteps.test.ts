// A process's step is sent by its process alone: each is decided on its own stream, and what
// makes it right is what the process checked before it. Sent on its own, by anyone, it is
// refused `not_authorised` (`process_step`) before any decider, and nothing is stored.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processStepOf } from '@usha/domain';
import { allEvents, memoryStore, testLedger } from '../testSupport.ts';
import { staffedSociety } from './staffFixture.ts';

const by = (commandId: string, actor: string) => ({ commandId, actor, on: '2025-06-01' });

const society = staffedSociety;

test('the steps sent by processes alone are the top-up\'s payoff, the dividend run\'s credits and '
  + 'the standing instructions\' records', () => {
  assert.equal(processStepOf, {
    PayOffByTopUp: 'topUpLoan',
    CreditDividend: 'creditDividends',
    RecordDividendPayableInCash: 'creditDividends',
    RecordStandingInstructionExecuted: 'runStandingInstructions',
    RecordStandingInstructionRefused: 'runStandingInstructions',
  });
});

test('a loan closed as paid off by a top-up that does not exist, by one cashier: refused, the '
  + 'loan stays', async () => {
  const { store, ledger } = await society();
  const before = (await allEvents(store)).length;
  const o = await ledger.execute({ type: 'PayOffByTopUp', data: { ...by('po-1', 'cash-1'),
    loanId: 'L1', byLoanId: 'NOSUCHLOAN', amount: '5000' } });
  assert.equal(o.status === 'rejected' && o.rejection, { type: 'not_authorised',
    actor: 'cash-1', commandType: 'PayOffByTopUp', rolesAllowed: [], why: 'process_step' });
  assert.is((await allEvents(store)).length, before);
});

test('a dividend never declared, credited or made payable in cash by a branch manager: refused',
  async () => {
    const { store, ledger } = await society();
    const before = (await allEvents(store)).length;
    const credit = await ledger.execute({ type: 'CreditDividend', data: { ...by('d-1', 'bm-1'),
      accountId: 'SH-M1', memberId: 'M1', financialYear: '2024-25', amount: '5000',
      savingsAccountId: 'SB-M1' } });
    assert.equal(credit.status === 'rejected' && credit.rejection, { type: 'not_authorised',
      actor: 'bm-1', commandType: 'CreditDividend', rolesAllowed: [], why: 'process_step' });
    const cash = await ledger.execute({ type: 'RecordDividendPayableInCash', data: {
      ...by('d-2', 'board-1'), accountId: 'SH-M1', memberId: 'M1', financialYear: '2023-24',
      amount: '3000' } });
    assert.equal(cash.status === 'rejected' && cash.rejection, { type: 'not_authorised',
      actor: 'board-1', commandType: 'RecordDividendPayableInCash', rolesAllowed: [],
      why: 'process_step' });
    assert.is((await allEvents(store)).length, before);
  });

test.run();
