// Several Ledgers over one store, on what is not a member's: the society, the staff register,
// a refusal, and a process left unfinished. A Ledger opened before another configured the
// society or appointed the first member of staff decides on them all the same (set-up notes);
// a retried refusal is decided again on the store's facts by every Ledger alike; and of the
// Ledgers that find a process unfinished, the one whose claim is stored completes it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { dyingAfter } from '../processes/dyingStore.fixture.ts';
import { isAccepted, type CommandOutcome } from './outcome.ts';

const by = (commandId: string, actor = 'clerk', on = '2024-04-01') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;
const deposit = (commandId: string, actor: string) => ({ ...by(commandId, actor),
  accountId: 'SB-M1', amount: '100', source: 'cash' as const });

test('a Ledger opened before the first board appointment refuses a stranger: not_staff',
  async () => {
    const store = memoryStore();
    const stale = await testLedger(store);
    const other = await testLedger(store);
    await memberWithSavings(other, 'M1', '1000');
    ok(await other.appointStaff({ ...by('appoint-b', 'founder'), staffId: 'board',
      role: 'board', branchId: null }));
    assert.equal(rejection(await stale.makeDeposit(deposit('d-1', 'stranger'))), {
      type: 'not_authorised', actor: 'stranger', commandType: 'MakeDeposit',
      rolesAllowed: ['cashier'], why: 'not_staff' });
    // Nor is a second "first" board member appointed by anyone under the set-up rule.
    assert.equal(rejection(await stale.appointStaff({ ...by('appoint-x', 'stranger'),
      staffId: 'x', role: 'board', branchId: null }))?.type, 'not_authorised');
    const notes = (await allEvents(store)).flatMap((e) => e.type === 'SetUpNoted'
      ? [`${e.stream} ${e.revision} ${e.data.kind} ${e.data.id}`] : []);
    assert.equal(notes, ['ledger-setup 0 staff board']);
  });

test('a Ledger opened before the society was configured holds her to its limits', async () => {
  const store = memoryStore();
  const stale = await testLedger(store);
  const other = await testLedger(store);
  await memberWithSavings(other, 'M1', '1000');
  ok(await other.configureSociety({ ...by('cfg', 'board'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15',
    lendingLimits: { maxLoansAtOnce: null, maxOutstandingPrincipal: '4000.00' } }));
  const o = await stale.applyForLoan({ ...by('apply', 'maker'), loanId: 'L1', memberId: 'M1',
    productId: 'LN', principal: '5000', repayments: 6, firstRepaymentOn: null });
  assert.equal(rejection(o), { type: 'loan_limit_exceeded',
    limit: 'society_outstanding_principal', maximum: '4000.00', outstanding: '0.00',
    requested: '5000.00' });
});

test('a retry of a refused command gets one answer from every Ledger: decided again on the '
  + 'store\'s facts', async () => {
  const store = memoryStore();
  const a = await testLedger(store);
  const b = await testLedger(store);
  await memberWithSavings(a, 'M1', '1000');
  const w = { ...by('w-1'), accountId: 'SB-M1', amount: '950' };
  const refused = { type: 'below_minimum_balance', minimumBalance: '100.00',
    balanceAfter: '50.00' };
  assert.equal(rejection(await a.withdraw(w)), refused);
  const [again, elsewhere] = [await a.withdraw(w), await b.withdraw(w)];
  assert.equal([rejection(again), rejection(elsewhere)], [refused, refused]);
  // Only the Ledger that refused it can say it did: the flag is its memory, not the store's.
  assert.equal([!isAccepted(again) && again.duplicate,
    !isAccepted(elsewhere) && elsewhere.duplicate], [true, false]);
  ok(await b.makeDeposit({ ...by('d-1'), accountId: 'SB-M1', amount: '1000',
    source: 'cash' }));
  // With the money there, the same request passes through either, stored once.
  const passed = await a.withdraw(w);
  const retried = await b.withdraw(w);
  assert.equal([isAccepted(passed) && passed.revision, isAccepted(retried) && retried.revision],
    [3n, 3n]);
  assert.is((await allEvents(store)).filter((e) => e.type === 'Withdrawn').length, 1);
});

test('a process claimed by an instance that died is left to it until its lease runs out, then '
  + 'completed by the next Ledger opened', async () => {
  const store = memoryStore();
  const setup = await testLedger(store);
  await memberWithSavings(setup, 'M1', '2000');
  ok(await setup.applyForLoan({ ...by('apply', 'maker'), loanId: 'L1', memberId: 'M1',
    productId: 'LP', principal: '5000', repayments: 6, firstRepaymentOn: null }));
  ok(await setup.approveLoan({ ...by('approve', 'checker'), loanId: 'L1', principal: '5000' }));
  ok(await setup.disburseLoan({ ...by('disburse', 'checker'), loanId: 'L1' }));
  const repay = { ...by('repay'), loanId: 'L1', accountId: 'SB-M1', amount: '500' };
  const clock = (iso: string) => ({ leaseMs: 60_000, now: () => new Date(iso) });
  // Cut short after its claim and its withdrawal; then the same instance, restarted, claims it
  // again at open and dies at once.
  await (await testLedger(dyingAfter(store, 2),
    { processClaims: { claimant: 'dead', ...clock('2026-12-05T09:59:00.000Z') } }))
    .repayFromSavings(repay).then(() => assert.unreachable(), () => undefined);
  await testLedger(dyingAfter(store, 1),
    { processClaims: { claimant: 'dead', ...clock('2026-12-05T10:00:00.000Z') } })
    .then(() => assert.unreachable(), () => undefined);
  const early = await testLedger(store,
    { processClaims: { claimant: 'early', ...clock('2026-12-05T10:00:59.000Z') } });
  assert.equal([early.resumed, early.resumedElsewhere], [[], [{ processId: 'repay',
    claimant: 'dead', leaseUntil: '2026-12-05T10:01:00.000Z' }]]);
  const late = await testLedger(store,
    { processClaims: { claimant: 'late', ...clock('2026-12-05T10:01:00.001Z') } });
  assert.equal(late.resumed.map((o) => [o.processId, o.status]), [['repay', 'completed']]);
  const events = await allEvents(store);
  assert.equal(events.flatMap((e) => e.type === 'ProcessClaimed' ? [e.data.claimant] : []),
    ['dead', 'dead', 'late']);
  assert.equal(events.flatMap((e) => e.type === 'RepaymentReceived' ? [e.data.amount] : []),
    ['500.00']);
});

test.run();
