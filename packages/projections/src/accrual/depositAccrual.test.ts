import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { products as domainProducts } from '@usha/domain/testing';
import { replay } from '../replay.ts';
import { simulator } from '../testing/simulator.ts';
import { depositAccruals } from './depositAccrual.ts';
import { accrualProjection } from './projection.ts';

// SB posted and compounded monthly, as the finance core's stepped-rate example has it.
const catalogue: ProductCatalogue = (() => {
  const d = ProductCatalogue.decode({ ...domainProducts,
    SB: { ...domainProducts.SB, compounding: 'monthly', posting: 'monthly' } });
  if (d._tag === 'Left') throw new Error('the monthly SB product does not decode');
  return d.right;
})();

// Rs 1,00,000 on 1 April 2025 at 4%, 6% from 16 May (recorded 25 April), each month's
// interest posted at its end up to `postTo` (none: not even April's).
const history = (postTo: string) => {
  const sim = simulator(catalogue);
  const on = '2025-04-01';
  sim.run('ConfigureSociety', { on, societyId: 'U', statutoryReservePercent: '25',
    dividendRateCapPercent: '15' });
  sim.run('AdmitMember', { on, memberId: 'M0', branchId: 'B1', shareProductId: 'SH',
    shares: 5 });
  sim.run('OpenSavingsAccount', { on, accountId: 'A0', memberId: 'M0', productId: 'SB' });
  sim.run('MakeDeposit', { on, accountId: 'A0', amount: '100000', source: 'cash' });
  sim.run('ChangeProductRate', { on: '2025-04-25', societyId: 'U', productId: 'SB',
    effectiveFrom: '2025-05-16', rateAnnualPercent: '6' });
  for (const end of ['2025-04-30', '2025-05-31', '2025-06-30']) {
    if (end <= postTo) sim.run('PostInterest', { on: end, accountId: 'A0', periodTo: end });
  }
  return sim.events;
};

const accruedOn = (postTo: string, asOf: string): string => {
  const s = replay(accrualProjection(), history(postTo));
  const a = depositAccruals(s, catalogue, { asOf }).find((x) => x.accountId === 'A0');
  return String(a?.accrued);
};

const postedAmounts = () => history('2025-06-30').flatMap((e) =>
  (e.type === 'InterestPosted' ? [e.data.amount] : []));

test('the engine posts 328.77, 428.80 and 496.89 across the change (4% to 6% on 16 May)', () => {
  assert.equal(postedAmounts(), ['328.77', '428.80', '496.89']);
});

// By hand: May on 100328.7671.. for 15 days at 4% and 5 days at 6%:
// 100328.7671.. x (0.60 + 0.30) / 365 = 247.3860.. -> 247.39 (at 4% throughout: 219.90).
test('accrued to 20 May counts 15 days at 4% and 5 at 6% (247.39)', () => {
  assert.is(accruedOn('2025-04-30', '2025-05-20'), '24739');
});

test('accrued at each month-end equals the posting the engine then makes', () => {
  assert.is(accruedOn('2025-03-31', '2025-04-30'), '32877');
  assert.is(accruedOn('2025-04-30', '2025-05-31'), '42880');
  assert.is(accruedOn('2025-05-31', '2025-06-30'), '49689');
});

test('before the change takes effect the accrual is at 4% (15 May: 100328.7671.. x 4% x 15/365)',
  () => {
    // 164.9240.. -> 164.92: the change is recorded (25 April) but not yet in force.
    assert.is(accruedOn('2025-04-30', '2025-05-15'), '16492');
  });

test('unposted months accrue across the change to the sum of the postings (1,254.46)', () => {
  assert.is(accruedOn('2025-03-31', '2025-06-30'), '125446');
});

test.run();
