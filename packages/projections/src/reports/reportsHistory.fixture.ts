// A small society's year for the report tests, every figure worked by hand in the tests:
// two members of two branches, shares, savings (one deposit by bank transfer, one corrected),
// a loan repaid once on time and then left unpaid.
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { products } from '../testing/compare.ts';
import { simulator, type Simulator } from '../testing/simulator.ts';

/** The history, and how many commands were refused (none, when the fixture is sound). */
export const reportsHistory = (): {
  events: ProjectedEvent[];
  refused: string[];
  run: (type: Parameters<Simulator['run']>[0], data: Record<string, unknown>) => void;
} => {
  const sim = simulator(products);
  const refused: string[] = [];
  const run = (type: Parameters<typeof sim.run>[0], data: Record<string, unknown>) => {
    if (sim.run(type, data).length === 0) refused.push(`${type} ${JSON.stringify(data)}`);
  };
  run('ConfigureSociety', { on: '2024-03-01', societyId: 'USHA', statutoryReservePercent: '25',
    dividendRateCapPercent: '15' });
  const admit = (on: string, memberId: string, branchId: string, account: string) => {
    run('AdmitMember', { on, memberId, branchId, shareProductId: 'SH', shares: 10 });
    run('PurchaseShares', { on, accountId: account, memberId, productId: 'SH', shares: 10 });
  };
  admit('2024-03-15', 'M-0001', 'SONAGACHI', 'SH-0001');
  admit('2024-04-01', 'M-0002', 'KALIGHAT', 'SH-0002');
  run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'SB-0001', memberId: 'M-0001',
    productId: 'SB' });
  run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'SB-0002', memberId: 'M-0002',
    productId: 'SB' });
  run('MakeDeposit', { on: '2024-04-01', accountId: 'SB-0001', amount: '20000',
    source: 'cash' });
  run('MakeDeposit', { on: '2024-04-01', accountId: 'SB-0002', amount: '5000', source: 'cash' });
  run('MakeDeposit', { on: '2024-04-02', accountId: 'SB-0002', amount: '1000',
    source: 'transfer' });
  // 12,000 over 6 months at 1% a month: EMI 2,070.58; the first paid on its day, no other.
  run('ApplyForLoan', { on: '2024-05-01', loanId: 'L-0001', memberId: 'M-0001',
    productId: 'LN', principal: '12000', repayments: 6, firstRepaymentOn: null });
  run('ApproveLoan', { on: '2024-05-01', actor: 'mgr-1', loanId: 'L-0001', principal: '12000' });
  run('DisburseLoan', { on: '2024-05-01', loanId: 'L-0001' });
  run('RecordRepayment', { on: '2024-06-01', loanId: 'L-0001', amount: '2070.58' });
  run('Withdraw', { on: '2024-07-15', accountId: 'SB-0001', amount: '2000' });
  // A deposit taken by mistake and reversed four days later.
  const wrong = sim.run('MakeDeposit', { on: '2024-08-01', accountId: 'SB-0002',
    amount: '300', source: 'cash' })[0];
  const eventId = wrong !== undefined && 'eventId' in wrong.data ? wrong.data.eventId : '';
  run('ReverseEvent', { on: '2024-08-05', aggregate: 'deposit', aggregateId: 'SB-0002',
    eventId, reason: 'entry_error' });
  run('MakeDeposit', { on: '2025-04-10', accountId: 'SB-0001', amount: '50', source: 'cash' });
  return { events: sim.events, refused, run };
};
