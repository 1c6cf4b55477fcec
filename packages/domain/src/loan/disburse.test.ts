// Disbursement under the schedule-change settings: the terms say them, the schedule obeys.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { history } from '../testing/fixtures.ts';
import { createLoanDecider } from './decide.ts';
import { duesOn } from './dues.ts';
import { businessDate } from '../dates/businessDate.ts';
import { approvedLoan, changeProducts, decided, disburseOf } from './scheduleChanges.fixture.ts';

const decider = createLoanDecider({ products: changeProducts });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const disbursedUnder = (productId: string) => {
  const [e] = decided(given(...approvedLoan('L1', productId, '10000'))
    .when(disburseOf('L1', '2024-01-15')).outcome());
  if (e?.type !== 'LoanDisbursed') throw new Error(`no disbursement: ${String(e?.type)}`);
  return e.data;
};

test('a product without the settings lends as before: cumulative, no down payment, '
  + 'no recalculation, one tranche, no top-up', () => {
  const d = disbursedUnder('LN');
  assert.equal([d.terms.scheduleType, d.terms.downPaymentPercent, d.terms.interestRecalculation,
    d.terms.maxTranches, d.topUpOf], ['cumulative', '0', 'none', 1, null]);
  assert.is(d.schedule.installments.length, 6);
});

test('a 10% down payment is instalment 1, due the day paid out, principal only', () => {
  const d = disbursedUnder('LD');
  assert.is(d.terms.downPaymentPercent, '10');
  assert.equal(d.schedule.installments[0], {
    n: 1, dueOn: '2024-01-15', days: 0, principal: '1000.00', interest: '0.00',
    total: '1000.00', balance: '9000.00',
  });
  assert.equal(d.schedule.installments[1], {
    n: 2, dueOn: '2024-02-15', days: 31, principal: '1462.94', interest: '90.00',
    total: '1552.94', balance: '7537.06',
  });
  assert.equal([d.schedule.installments.length, d.schedule.totalPrincipal,
    d.schedule.totalInterest], [7, '10000.00', '317.61']);
});

test('the down payment is due at once: the day\'s dues are exactly it', () => {
  given(...approvedLoan('L1', 'LD', '10000')).when(disburseOf('L1', '2024-01-15'))
    .thenState((s) => {
      assert.ok(s.status === 'active');
      if (s.status !== 'active') return;
      assert.equal(duesOn(s.schedule, s.totals, businessDate('2024-01-15')),
        { penalties: 0n, fees: 0n, interest: 0n, principal: 100_000n });
    });
});

test.run();
