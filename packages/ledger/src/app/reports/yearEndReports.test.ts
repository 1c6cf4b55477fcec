import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  formatShareCapitalRegister, profitAppropriationCsv, shareCapitalRegisterCsv,
} from '@usha/projections';
import { isAccepted } from '../commands/outcome.ts';
import { ok } from '../testSupport.ts';
import { declaredDividend } from '../processes/declaredDividend.fixture.ts';

// M1, M2 and M3 each buy 10 shares of Rs 10 on 1 April 2024. 2024-25 closes with a 25%
// reserve and a 10% dividend (Rs 10.00 each, Rs 30.00 in all). In 2025-26 M3 buys 5 more
// shares on 1 May and redeems 3 on 1 June.
const society = async () => {
  const { ledger: l } = await declaredDividend(['M1', 'M2', 'M3']);
  const bought = ok(await l.purchaseShares({ commandId: 'buy', actor: 'clerk', on: '2025-05-01',
    accountId: 'SH-M3', memberId: 'M3', productId: 'SH', shares: 5 }));
  ok(await l.redeemShares({ commandId: 'redeem', actor: 'clerk', on: '2025-06-01',
    accountId: 'SH-M3', memberId: 'M3', shares: 3, forExit: false }));
  return { ledger: l, bought };
};

test('share capital register: holdings as of a date and the year\'s movements', async () => {
  const { ledger, bought } = await society();
  const now = await ledger.shareCapitalRegister({ financialYear: '2025-26' });
  // 30 + 5 - 3 = 32 shares of Rs 10.
  assert.equal([now.membersHolding, now.sharesHeld, now.paidUpCapital], [3, 32, 32000n]);
  assert.equal([now.purchased, now.redeemed],
    [{ shares: 5, amount: 5000n }, { shares: 3, amount: 3000n }]);
  const may = await ledger.shareCapitalRegister({ financialYear: '2025-26', asOf: '2025-05-15' });
  assert.equal([may.asOf, may.sharesHeld, may.paidUpCapital, may.redeemed.shares],
    ['2025-05-15', 35, 35000n, 0]);
  const first = await ledger.shareCapitalRegister({ financialYear: '2024-25' });
  assert.equal([first.purchased, first.redeemed],
    [{ shares: 30, amount: 30000n }, { shares: 0, amount: 0n }]);
  if (!isAccepted(bought)) return assert.unreachable();
  const known = await ledger.shareCapitalRegister({ financialYear: '2025-26',
    asKnownAt: bought.position });
  assert.equal([known.sharesHeld, known.redeemed.shares], [35, 0]);
  assert.is(shareCapitalRegisterCsv(now), 'item,shares,amount\r\n'
    + 'Members holding shares,3,\r\nShares held,32,\r\nPaid-up capital,,320.00\r\n'
    + 'Shares purchased in 2025-26,5,50.00\r\nShares redeemed in 2025-26,3,30.00\r\n');
  assert.equal(formatShareCapitalRegister(may).split('\n'), [
    'Share capital register as of 2025-05-15, financial year 2025-26',
    '                             Shares      Rs',
    '---------------------------  ------  ------',
    'Members holding shares            3',
    'Shares held                      35',
    'Paid-up capital                      350.00',
    'Shares purchased in 2025-26       5   50.00',
    'Shares redeemed in 2025-26        0    0.00',
  ]);
});

test('profit appropriation: reserve first, then the dividend, the rest carried', async () => {
  const { ledger } = await society();
  const p = await ledger.profitAppropriation({ financialYear: '2024-25' });
  // 1,00,000.00: 25% reserve 25,000.00; dividend 30.00; carried 75,000.00 - 30.00.
  assert.equal(p, { financialYear: '2024-25', closedOn: '2025-04-05', netProfit: 10_000_000n,
    statutoryReserve: 2_500_000n, dividendDeclared: 3000n, carried: 7_497_000n });
  assert.is(profitAppropriationCsv(p), 'item,amount\r\nNet profit,100000.00\r\n'
    + 'Statutory reserve,25000.00\r\nDividend declared,30.00\r\n'
    + 'Carried to other funds and surplus,74970.00\r\n');
  assert.is(await ledger.profitAppropriation({ financialYear: '2025-26' }), undefined);
});

test.run();
