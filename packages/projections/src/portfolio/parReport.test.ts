// The PAR report groups loans by the member's branch, and follows her when she moves: as of a
// day before her transfer her loan is her old branch's, from its day on, her new one's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parReport } from './parReport.ts';
import { replay } from '../replay.ts';
import { products, projections } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

const sim = simulator(products);
const run = sim.run;
run('AdmitMember', { on: '2024-04-01', memberId: 'M1', branchId: 'SONAGACHI',
  shareProductId: 'SH', shares: 10 });
run('PurchaseShares', { on: '2024-04-01', accountId: 'S1', memberId: 'M1', productId: 'SH',
  shares: 10 });
run('ApplyForLoan', { on: '2024-05-01', loanId: 'L1', memberId: 'M1', productId: 'LN',
  principal: '12000', repayments: 6, firstRepaymentOn: null });
run('ApproveLoan', { on: '2024-05-01', actor: 'mgr-1', loanId: 'L1', principal: '12000' });
run('DisburseLoan', { on: '2024-05-01', loanId: 'L1' });
run('TransferMember', { on: '2024-07-20', memberId: 'M1', to: 'KALIGHAT' });
const h = sim.events;
const p = projections();

const branchesAsOf = (asOf: string) => {
  const r = parReport(replay(p, h, { asOf }).states.balances, { asOf });
  return [...r.byBranch].map(([b, f]) => [b, f.activeLoans, f.principalOutstanding]);
};

test('every command was accepted, the transfer last', () => {
  assert.equal(h.map((e) => e.type).slice(-2), ['LoanDisbursed', 'MemberTransferred']);
});

test('her loan counts at her old branch until the transfer, at the new one from its day', () => {
  assert.equal(branchesAsOf('2024-07-19'), [['SONAGACHI', 1, 1200000n]]);
  assert.equal(branchesAsOf('2024-07-20'), [['KALIGHAT', 1, 1200000n]]);
});

test('the application recorded the branch she was at when she applied', () => {
  const applied = h.find((e) => e.type === 'LoanApplied');
  assert.is(applied?.type === 'LoanApplied' ? applied.data.branchId : undefined, 'SONAGACHI');
});

test.run();
