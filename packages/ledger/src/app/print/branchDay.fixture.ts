import { tillOpened } from '../branch/tillOpened.fixture.ts';
import { ok } from '../testSupport.ts';

/**
 * SONAGACHI's 2 April 2024: Rs 2,00,000 taken over into the vault the day before, 50,000 to
 * till T1; deposits of 3,000 and 2,500 and a withdrawal of 1,200 at it; counted 54,250 (50.00
 * short of the book's 54,300), all of it back to the vault; the day closed.
 */
export const branchDay = async () => {
  const { ledger } = await tillOpened([['M1', '5000'], ['M2', '1000']]);
  const at = { branchId: 'SONAGACHI' };
  const till = { ...at, tillId: 'T1' };
  const by = (id: string, on = '2024-04-02', actor = 'cashier') =>
    ({ commandId: id, actor, on });
  for (const [id, type, accountId, amount] of [['d1', 'MakeDeposit', 'SB-M1', '3000'],
    ['d2', 'MakeDeposit', 'SB-M2', '2500'], ['w1', 'Withdraw', 'SB-M1', '1200']] as const) {
    const r = await ledger.cashAtTill({ ...by(id), ...till, type, accountId, amount });
    if (r.status !== 'completed') throw new Error(`${id}: ${r.status}`);
  }
  ok(await ledger.countTillCash({ ...by('count'), ...till, counted: '54250' }));
  ok(await ledger.transferBranchCash({ ...by('back'), ...at, fromTill: 'T1', toTill: null,
    amount: '54250' }));
  ok(await ledger.closeBranchDay({ ...by('close'), ...at }));
  return { ledger };
};
