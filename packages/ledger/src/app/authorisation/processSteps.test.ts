// A process's step is sent by its process alone: each is decided on its own stream, and what
// makes it right is what the process checked before it. Sent on its own, by anyone, it is
// refused `not_authorised` (`process_step`) before any decider, and nothing is stored.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processStepOf, signedMoneyString } from '@usha/domain';
import { credit, dividendDeclared } from '../processes/dividendDeclared.fixture.ts';
import { allEvents, memoryStore, ok, testLedger } from '../testSupport.ts';
import { staffedSociety } from './staffFixture.ts';

const by = (commandId: string, actor: string) => ({ commandId, actor, on: '2025-06-01' });

const society = staffedSociety;

test('the steps sent by processes alone are the top-up\'s payoff, the dividend run\'s credits '
  + 'and end, the standing instructions\' records, a guarantee\'s call and a till\'s side', () => {
  assert.equal(processStepOf, {
    PayOffByTopUp: 'topUpLoan',
    CreditDividend: 'creditDividends',
    RecordDividendPayableInCash: 'creditDividends',
    RecordStandingInstructionExecuted: 'runStandingInstructions',
    RecordStandingInstructionRefused: 'runStandingInstructions',
    CallGuarantee: 'recoverFromGuarantor',
    MoveTillCash: 'cashAtTill',
    EndDividendRun: 'creditDividends',
  });
});

test('a dividend run\'s end sent by hand by the board: refused, so a later run still pays '
  + 'the parts a run refused', async () => {
    const store = memoryStore();
    await dividendDeclared(store);
    const l = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n) });
    const before = (await allEvents(store)).length;
    const end = await l.execute({ type: 'EndDividendRun', data: { commandId: 'end-by-hand',
      actor: 'board', on: '2025-04-11', societyId: 'USHA', financialYear: '2024-25',
      credited: 0, payableInCash: 0, refused: 0 } });
    assert.equal(end.status === 'rejected' && end.rejection, { type: 'not_authorised',
      actor: 'board', commandType: 'EndDividendRun', rolesAllowed: [], why: 'process_step' });
    assert.is((await allEvents(store)).length, before);
    assert.is((await l.creditDividends(credit)).status, 'completed');
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

test('a step the run stored, sent again on its own, is answered as stored (duplicate); a '
  + 'bare handler refuses a step given no process', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const l = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n) });
  assert.is((await l.creditDividends(credit)).status, 'completed');
  const stored = (await allEvents(store)).find((e) => e.type === 'DividendCredited');
  if (stored === undefined || stored.type !== 'DividendCredited') throw new Error('no credit');
  const d = stored.data;
  const again = await l.execute({ type: 'CreditDividend', data: {
    commandId: stored.metadata.commandId, actor: 'board', on: d.on, accountId: d.accountId,
    memberId: d.memberId, financialYear: d.financialYear, amount: d.amount,
    savingsAccountId: d.savingsAccountId } });
  assert.equal([again.status, again.status === 'accepted' && again.duplicate,
    again.status === 'accepted' && again.revision], ['accepted', true, stored.revision]);
  const before = (await allEvents(store)).length;
  const fresh = await l.execute({ type: 'CreditDividend', data: { commandId: 'by-hand',
    actor: 'board', on: d.on, accountId: d.accountId, memberId: d.memberId,
    financialYear: d.financialYear, amount: d.amount, savingsAccountId: d.savingsAccountId } });
  assert.is(fresh.status === 'rejected' && fresh.rejection.type, 'not_authorised');
  assert.is((await allEvents(store)).length, before);
});

test('a guarantor\'s savings called on their own, for a loan not written off: refused, nothing '
  + 'taken', async () => {
  const { store, ledger } = await society();
  const before = (await allEvents(store)).length;
  const o = await ledger.execute({ type: 'CallGuarantee', data: { ...by('cg-1', 'bm-1'),
    accountId: 'SB-M1', loanId: 'L1', amount: '500' } });
  assert.equal(o.status === 'rejected' && o.rejection, { type: 'not_authorised', actor: 'bm-1',
    commandType: 'CallGuarantee', rolesAllowed: [], why: 'process_step' });
  assert.is((await allEvents(store)).length, before);
});

test('a till\'s cash moved by one cashier alone, naming no member\'s step: refused, the till\'s '
  + 'book as it was; through cashAtTill the same cash moves', async () => {
  const { store, ledger } = await society();
  const on = (commandId: string, actor: string) => ({ commandId, actor, on: '2025-04-02' });
  const at = { branchId: 'SONAGACHI' };
  ok(await ledger.takeOverVaultCash({ ...on('v0', 'bm-1'), ...at, amount: '200000' }));
  ok(await ledger.transferBranchCash({ ...on('till-open', 'cash-1'), ...at, fromTill: null,
    toTill: 'T1', amount: '50000' }));
  const till = async () => (await ledger.tillPositions(at)).tills[0]?.cash;
  const before = (await allEvents(store)).length;
  const o = await ledger.execute({ type: 'MoveTillCash', data: { ...on('ghost', 'cash-1'), ...at,
    tillId: 'T1', purpose: 'withdrawal', amount: '5000', stepId: 'no-such-step',
    accountStream: 'deposit-SB-M1' } });
  assert.equal(o.status === 'rejected' && o.rejection, { type: 'not_authorised',
    actor: 'cash-1', commandType: 'MoveTillCash', rolesAllowed: [], why: 'process_step' });
  assert.is((await allEvents(store)).length, before);
  assert.is(await till(), '50000.00');
  assert.is((await ledger.cashAtTill({ ...on('d1', 'cash-1'), ...at, tillId: 'T1',
    type: 'MakeDeposit', accountId: 'SB-M1', amount: '3000' })).status, 'completed');
  assert.is(await till(), '53000.00');
});

test.run();
