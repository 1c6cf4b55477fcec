import type { Passbook } from '../passbook/passbook.ts';

/** A member's passbook of two pages, as the passbook projection makes one. */
export const twoPagePassbook: Passbook = {
  memberId: 'M-7', asOf: '2025-06-30',
  pages: [
    { accountId: 'SB-7', kind: 'savings', balance: 1234567850n, lines: [
      { on: '2025-04-02', particulars: 'By cash', withdrawal: 0n, deposit: 1234600000n,
        balance: 1234600000n },
      { on: '2025-05-10', particulars: 'To cash', withdrawal: 32150n, deposit: 0n,
        balance: 1234567850n },
    ] },
    { accountId: 'LN-7', kind: 'loan', balance: 28800000n, lines: [
      { on: '2025-04-05', particulars: 'To loan disbursed', withdrawal: 30000000n, deposit: 0n,
        balance: 30000000n },
      { on: '2025-05-05', particulars: 'By repayment: principal 12000.00, interest 300.00, '
        + 'penalties 0.00, fees 0.00', withdrawal: 0n, deposit: 1230000n, balance: 28800000n },
    ] },
  ],
};
