// Loans disbursed before schedule changes keep opening, with the terms they were computed on.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 'd1.0', commandId: 'd1', actor: 'clerk-1', effectiveOn: '2024-01-15', schemaVersion,
});
const v1Terms = {
  rateAnnualPercent: '12', interestMethod: 'declining-balance',
  amortization: 'equal-installments', interestPeriod: 'same-as-repayment', repayments: 1,
  every: 1, frequency: 'months', firstRepaymentOn: null, daysInYear: 365, daysInMonth: 'actual',
  installmentMultipleOf: '0.01', rounding: 'half-even', graceOnPrincipal: 0,
  graceOnInterestPayment: 0, graceOnInterestCharged: 0,
  allocationOrder: ['penalties', 'fees', 'interest', 'principal'], excessRepayment: 'reject',
};
const schedule = {
  installments: [{ n: 1, dueOn: '2024-02-15', days: 31, principal: '1000.00',
    interest: '10.19', total: '1010.19', balance: '0.00' }],
  totalPrincipal: '1000.00', totalInterest: '10.19', totalDue: '1010.19',
};
const v1Data = { loanId: 'L1', memberId: 'M1', productId: 'LN', on: '2024-01-15',
  principal: '1000.00', terms: v1Terms, schedule };

test('a version 1 LoanDisbursed is read as version 2: cumulative, no down payment, '
  + 'no recalculation, one tranche, no top-up', () => {
  const r = decodeDomainEvent({ type: 'LoanDisbursed', data: v1Data, metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, {
    ...v1Data, topUpOf: null,
    terms: { ...v1Terms, scheduleType: 'cumulative', downPaymentPercent: '0',
      interestRecalculation: 'none', maxTranches: 1 },
  });
  assert.is(r.right.metadata.schemaVersion, 2);
});

test('a version 2 LoanDisbursed without the new terms is refused naming the field', () => {
  const r = decodeDomainEvent({ type: 'LoanDisbursed', data: { ...v1Data, topUpOf: null },
    metadata: metadata(2) }, { stream: 'loan-L1', revision: 2n });
  assert.ok(E.isLeft(r));
  if (E.isRight(r)) return;
  assert.ok(r.left.message.includes('data.terms.scheduleType'), r.left.message);
  assert.ok(r.left.message.startsWith('stream loan-L1, revision 2, event LoanDisbursed'));
});

test('a version 2 top-up is read as written', () => {
  const data = {
    ...v1Data, topUpOf: { loanId: 'L0', payoff: '400.00' },
    terms: { ...v1Terms, scheduleType: 'progressive', downPaymentPercent: '10',
      interestRecalculation: 'reduce-emi', maxTranches: 2 },
  };
  const r = decodeDomainEvent({ type: 'LoanDisbursed', data, metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, data);
});

test.run();
