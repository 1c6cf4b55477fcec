// A savings rate change and dormancy through the Ledger: the change is on the society's stream,
// so another Ledger over the same log figures the same interest; a dormant account's
// withdrawal waits for a manager's reactivation.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  allEvents, memberWithSavings, memoryStore, ok, products, testLedger,
} from '../testSupport.ts';
import { isAccepted } from '../commands/outcome.ts';

const board = (id: string, on: string) => ({ commandId: id, actor: 'board', on });
const clerk = (id: string, on: string) => ({ commandId: id, actor: 'clerk', on });

const configured = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  ok(await ledger.configureSociety({ ...board('cfg', '2024-04-01'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await memberWithSavings(ledger, 'M1', '100000');
  return { store, ledger };
};

test('interest after a rate change is figured day by day, the same by another Ledger',
  async () => {
    const { store, ledger } = await configured();
    ok(await ledger.changeProductRate({ ...board('rate', '2024-05-01'), societyId: 'USHA',
      productId: 'SB', effectiveFrom: '2024-05-16', rateAnnualPercent: '6' }));
    // Q1: 1,00,000 x (4% x 45 + 6% x 46) / 365 = 1,249.3150..; Q2 on 1,01,249.3150.. at 6%
    // for 92 days = 1,531.2225.. (at 4% throughout it would be 1,020.82).
    ok(await ledger.postInterest({ ...clerk('q1', '2024-06-30'), accountId: 'SB-M1',
      periodTo: '2024-06-30' }));
    const again = await testLedger(store);
    ok(await again.postInterest({ ...clerk('q2', '2024-09-30'), accountId: 'SB-M1',
      periodTo: '2024-09-30' }));
    const posted = (await allEvents(store)).flatMap((e) =>
      e.type === 'InterestPosted' ? [`${e.data.periodTo} ${e.data.amount}`] : []);
    assert.equal(posted, ['2024-06-30 1249.32', '2024-09-30 1531.22']);
    const page = (await again.passbook('M1', 'SB-M1')).pages[0];
    assert.equal(page?.lines.map((l) => l.particulars).filter((p) => p.includes('rate')),
      ['Interest rate 6% a year from 2024-05-16 (was 4%)']);
  });

test('a rate change is refused for a fixed deposit product or dated before the command',
  async () => {
    const { ledger } = await configured();
    const fd = await ledger.changeProductRate({ ...board('r1', '2024-05-01'), societyId: 'USHA',
      productId: 'FD', effectiveFrom: '2024-05-16', rateAnnualPercent: '6' });
    assert.equal(isAccepted(fd) ? null : fd.rejection,
      { type: 'wrong_product', productId: 'FD', expected: 'savings', got: 'fixed' });
    const early = await ledger.changeProductRate({ ...board('r2', '2024-05-01'),
      societyId: 'USHA', productId: 'SB', effectiveFrom: '2024-04-30', rateAnnualPercent: '6' });
    assert.equal(isAccepted(early) ? null : early.rejection, { type: 'invalid_terms',
      field: 'data.effectiveFrom', reason: "must not be before the command's date 2024-05-01" });
  });

test('a dormant account pays out only after a reactivation', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: {
    ...products, SB: { ...products.SB!, dormantAfterMonths: 6 } } });
  await memberWithSavings(ledger, 'M1', '5000');
  const out = (id: string) => ({ ...clerk(id, '2024-10-01'), accountId: 'SB-M1', amount: '500' });
  const refused = await ledger.withdraw(out('w1'));
  assert.equal(isAccepted(refused) ? null : refused.rejection, { type: 'account_dormant',
    accountId: 'SB-M1', lastActivityOn: '2024-04-01', dormantSince: '2024-10-01' });
  ok(await ledger.reactivateAccount({ ...clerk('re', '2024-10-01'), accountId: 'SB-M1' }));
  ok(await ledger.withdraw(out('w2')));
  const types = (await allEvents(store)).map((e) => e.type).slice(-2);
  assert.equal(types, ['AccountReactivated', 'Withdrawn']);
});

test.run();
