// Standing instructions under the staff register: given at the member's branch by its clerk,
// run by its cashier; a run by someone who may not move money records nothing for the date.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appointStaff, memberAndLoan } from '../authorisation/staffFixture.ts';
import { balanceOf, memoryStore, ok, testLedger } from '../testSupport.ts';
import { decided } from './standingDay.fixture.ts';

const setUp = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { requireStaff: true });
  await appointStaff(ledger);
  await memberAndLoan(ledger);
  return { store, ledger };
};

const give = (actor: string) => ({ commandId: `give-${actor}`, actor, on: '2025-04-02',
  instructionId: 'SI-1', fromAccountId: 'SB-M1', toAccountId: 'L1',
  what: 'loan-instalment' as const, startOn: '2025-04-02', endOn: null });

test('her branch\'s clerk gives it; another branch\'s manager may not', async () => {
  const { ledger } = await setUp();
  const o = await ledger.giveStandingInstruction(give('bm-2'));
  assert.equal(o.status === 'rejected' && o.rejection,
    { type: 'not_authorised', actor: 'bm-2', commandType: 'GiveStandingInstruction',
      rolesAllowed: ['clerk', 'branchManager'], why: 'other_branch' });
  ok(await ledger.giveStandingInstruction(give('clerk-1')));
});

test('the cashier\'s run pays the instalment; a clerk\'s run records nothing', async () => {
  const { store, ledger } = await setUp();
  ok(await ledger.giveStandingInstruction(give('clerk-1')));
  const day = { commandId: 'run-clerk', actor: 'clerk-1', on: '2025-05-01' };
  const byClerk = await ledger.runStandingInstructions(day);
  assert.equal(byClerk.status === 'completed' && byClerk.skipped.map((s) => s.rejection.type),
    ['not_authorised']);
  assert.equal(await decided(store), []);
  await ledger.runStandingInstructions({ ...day, commandId: 'run-cash', actor: 'cash-1' });
  // Rs 5,000 at 1% a month over 12 months: EMI 444.24, out of her Rs 1,000.
  assert.equal(await decided(store), ['SI-1 2025-05-01 executed 444.24']);
  assert.is(await balanceOf(ledger, store, 'SB-M1'), 55576n);
});

test.run();
