// Charges by rule through the Ledger: computed for a date, recorded once, waived by two people.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { appointStaff, memberAndLoan } from '../authorisation/staffFixture.ts';

const withPenalty = (rule: unknown): ProductCatalogue => {
  const p = ProductCatalogue.decode({ ...products,
    LN: { ...products['LN'], latePaymentPenalty: rule } });
  if (E.isLeft(p)) throw new Error('bad catalogue');
  return p.right;
};
// L1: 5,000.00 at 12% over 12 months from 1 April 2025; an instalment of 444.24 due on the
// 1st of each month from 1 May (the fixture's schedule).
const society = async (rule: unknown) => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: withPenalty(rule) });
  await appointStaff(ledger);
  await memberAndLoan(ledger);
  return { store, ledger };
};
const by = (commandId: string, actor: string, on: string) => ({ commandId, actor, on });
const penalties = async (store: ReturnType<typeof memoryStore>) =>
  (await allEvents(store)).flatMap((e) => e.type === 'PenaltyCharged'
    ? [`${e.data.rule?.period ?? 'by hand'} ${e.data.amount}`] : []);
const rejection = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : undefined);

test('the Ledger computes a rate penalty for the date, after the grace days', async () => {
  const { ledger, store } = await society({ ratePercent: '2', graceDays: 3 });
  const instalment = (await allEvents(store)).flatMap((e) => e.type === 'LoanDisbursed'
    ? [e.data.schedule.installments[0]?.total] : []);
  assert.equal(instalment, ['444.24']);
  // 1 May + 3 days of grace: on 4 May nothing is late enough yet.
  assert.equal(rejection(await ledger.applyCharges({ ...by('ch-1', 'clerk-1', '2025-05-04'),
    loanId: 'L1' })), { type: 'nothing_to_charge', aggregate: 'loan', id: 'L1',
    on: '2025-05-04' });
  ok(await ledger.applyCharges({ ...by('ch-2', 'clerk-1', '2025-05-05'), loanId: 'L1' }));
  // 2% of 444.24 is 8.8848: 8.88.
  assert.equal(await penalties(store), ['instalment-1 8.88']);
});

test('applying the charges for a date twice records them once', async () => {
  const { ledger, store } = await society({ amount: '50.00', graceDays: 0 });
  ok(await ledger.applyCharges({ ...by('ch-1', 'clerk-1', '2025-06-02'), loanId: 'L1' }));
  const retried = await ledger.applyCharges({ ...by('ch-1', 'clerk-1', '2025-06-02'),
    loanId: 'L1' });
  assert.is(retried.status === 'accepted' && retried.duplicate, true);
  assert.equal(rejection(await ledger.applyCharges({ ...by('ch-2', 'clerk-1', '2025-06-02'),
    loanId: 'L1' })), { type: 'nothing_to_charge', aggregate: 'loan', id: 'L1',
    on: '2025-06-02' });
  assert.equal(await penalties(store), ['instalment-1 50.00', 'instalment-2 50.00']);
});

test('a penalty is waived by one manager asking and another approving', async () => {
  const { ledger, store } = await society({ amount: '50.00', graceDays: 0 });
  ok(await ledger.applyCharges({ ...by('ch-1', 'clerk-1', '2025-05-02'), loanId: 'L1' }));
  const reason = 'charge_waived' as const;
  const waive = { type: 'ReverseEvent' as const, data: { ...by('wv-1', 'bm-1', '2025-05-03'),
    aggregate: 'loan' as const, aggregateId: 'L1', eventId: 'ch-1.0', reason } };
  ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1', '2025-05-03'), command: waive }));
  assert.equal(rejection(await ledger.approveRequest({ ...by('ok-1', 'bm-1', '2025-05-03'),
    requestId: 'wv-1' })), { type: 'same_maker_and_checker', requestId: 'wv-1',
    makerId: 'bm-1', checkerId: 'bm-1' });
  const approved = await ledger.approveRequest({ ...by('ok-2', 'board-1', '2025-05-03'),
    requestId: 'wv-1' });
  assert.is(approved.command?.status, 'accepted');
  const reversed = (await allEvents(store)).flatMap((e) => e.type === 'EventReversed'
    ? [`${e.data.reversedEventType} ${e.data.reason}`] : []);
  assert.equal(reversed, ['PenaltyCharged charge_waived']);
  // Waived is not forgotten: the rule does not charge the same instalment again.
  assert.equal(rejection(await ledger.applyCharges({ ...by('ch-2', 'clerk-1', '2025-05-04'),
    loanId: 'L1' }))?.type, 'nothing_to_charge');
});

test.run();
