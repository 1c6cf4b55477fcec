// The report fixture's society with field work to collect, for the collection sheet and due
// list tests (every figure worked by hand there): M-0001's loan L-0001 (SONAGACHI, EMI
// 2,070.58 from 1 June, only the first paid) with a penalty of 50.00 charged on 5 July; M-0003
// of SONAGACHI with an RD of 500.00 a month from 10 May, only the first paid; M-0002's RD of
// KALIGHAT, never paid. Field officers: fo-1 for M-0001 from 15 April; fo-2 for M-0003 from
// 1 May, handed to fo-1 on 1 August.
import { reportsHistory } from './reportsHistory.fixture.ts';

/** The history and the commands refused (none, when the fixture is sound). */
export const collectionHistory = (): ReturnType<typeof reportsHistory> => {
  const h = reportsHistory();
  h.run('AdmitMember', { on: '2024-04-01', memberId: 'M-0003', branchId: 'SONAGACHI',
    shareProductId: 'SH', shares: 10 });
  h.run('AssignFieldOfficer', { on: '2024-04-15', memberId: 'M-0001', staffId: 'fo-1' });
  h.run('AssignFieldOfficer', { on: '2024-05-01', memberId: 'M-0003', staffId: 'fo-2' });
  h.run('AssignFieldOfficer', { on: '2024-08-01', memberId: 'M-0003', staffId: 'fo-1' });
  const rd = (accountId: string, memberId: string) => h.run('OpenRecurringDeposit', {
    on: '2024-05-10', accountId, memberId, productId: 'RD', instalment: '500', termMonths: 12,
  });
  rd('RD-0003', 'M-0003');
  rd('RD-0002', 'M-0002');
  h.run('MakeDeposit', { on: '2024-05-10', accountId: 'RD-0003', amount: '500.00',
    source: 'cash' });
  h.run('ChargePenalty', { on: '2024-07-05', loanId: 'L-0001', amount: '50',
    reason: 'late_payment' });
  return h;
};
