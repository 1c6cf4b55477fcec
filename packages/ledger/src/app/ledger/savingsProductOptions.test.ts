// Each savings product option reaches the interest the Ledger posts: the calculation method
// (daily or average daily balance) and the minimum balance for interest, as Fineract has them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';

// Fineract's settings for these figures: 10% a year, actual/365, monthly compounding and
// posting. `minimumBalance` (what a withdrawal may leave) is the same in all of them.
const base = {
  kind: 'savings', rateAnnualPercent: '10', dayCount: 'actual/365', compounding: 'monthly',
  posting: 'monthly', minimumBalance: '100.00', rounding: 'half-even',
} as const;
const catalogue = {
  ...products,
  ADB: { ...base, id: 'ADB', interestCalculation: 'average-daily-balance',
    minimumBalanceForInterest: '5000.00' },
  DBM: { ...base, id: 'DBM', interestCalculation: 'daily-balance',
    minimumBalanceForInterest: '5000.00' },
  // As a catalogue written before the options existed names a savings product.
  OLD: { ...base, id: 'OLD' },
};
const clerk = (id: string, on: string) => ({ commandId: id, actor: 'clerk', on });

// A member with an account of `productId` opened on `openedOn`, and the Ledger.
const account = async (productId: string, openedOn: string) => {
  const store = memoryStore();
  const ledger = await testLedger(store, { products: catalogue });
  ok(await ledger.admitMember({ ...clerk('admit', openedOn), memberId: 'M1',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
  ok(await ledger.purchaseShares({ ...clerk('shares', openedOn), accountId: 'SH-M1',
    memberId: 'M1', productId: 'SH', shares: 10 }));
  ok(await ledger.openSavingsAccount({ ...clerk('open', openedOn), accountId: 'SB-M1',
    memberId: 'M1', productId }));
  const posted = async () => (await allEvents(store))
    .filter((e) => e.type === 'InterestPosted')
    .map((e) => 'periodTo' in e.data && [e.data.on, e.data.periodFrom, e.data.periodTo,
      e.data.amount]);
  return { ledger, posted };
};

test('average daily balance with a minimum of 5,000 posts Fineract\'s 32.88 for January',
  async () => {
    // Opened 1 January, 10,000 on 20 January: Fineract averages over the days since the first
    // deposit (10,000 >= 5,000), 10,000 x 10% x 12 / 365 = 32.8767 -> 32.88, on 1 February.
    // Over all 31 days the average would be 3,870.97, under the minimum: nothing.
    const { ledger, posted } = await account('ADB', '2024-01-01');
    ok(await ledger.makeDeposit({ ...clerk('d1', '2024-01-20'), accountId: 'SB-M1',
      amount: '10000', source: 'cash' }));
    ok(await ledger.postInterest({ ...clerk('p1', '2024-02-01'), accountId: 'SB-M1',
      periodTo: '2024-01-31' }));
    assert.equal(await posted(), [['2024-02-01', '2024-01-01', '2024-01-31', '32.88']]);
  });

// 10,000 paid in on 1 February 2025 and `amount` withdrawn on `on`; February's posting.
const february = async (productId: string, on: string, amount: string) => {
  const { ledger, posted } = await account(productId, '2025-02-01');
  ok(await ledger.makeDeposit({ ...clerk('d1', '2025-02-01'), accountId: 'SB-M1',
    amount: '10000', source: 'cash' }));
  ok(await ledger.withdraw({ ...clerk('w1', on), accountId: 'SB-M1', amount }));
  const o = await ledger.postInterest({ ...clerk('p1', '2025-03-01'), accountId: 'SB-M1',
    periodTo: '2025-02-28' });
  return 'rejection' in o ? o.rejection.type : (await posted()).map((p) => p && p[3]);
};

test('the minimum for interest is held against the average, or against each day\'s balance',
  async () => {
    // 15 days at 10,000, 13 at 1,000: 163,000 balance-days. The average, 5,821.43, reaches
    // 5,000: 163,000 x 10% / 365 = 44.6575 -> 44.66. Day by day, the 13 days at 1,000 are
    // under it: 150,000 x 10% / 365 = 41.0959 -> 41.10 (as in Fineract's
    // testPostInterestWithOverdraftProduct_WhitBalanceLessZero, where those days are overdrawn).
    assert.equal(await february('ADB', '2025-02-16', '9000'), ['44.66']);
    assert.equal(await february('DBM', '2025-02-16', '9000'), ['41.10']);
  });

test('a product naming no option earns on every day\'s balance, as catalogues always did',
  async () => {
    // 9 days at 10,000, 19 at 500: 99,500 balance-days x 10% / 365 = 27.2603 -> 27.26. With
    // the minimum day by day, 90,000 x 10% / 365 = 24.6575 -> 24.66; on the average,
    // 3,553.57 < 5,000: nothing, so nothing is posted.
    assert.equal(await february('OLD', '2025-02-10', '9500'), ['27.26']);
    assert.equal(await february('DBM', '2025-02-10', '9500'), ['24.66']);
    assert.equal(await february('ADB', '2025-02-10', '9500'), 'nothing_to_post');
  });

test.run();
