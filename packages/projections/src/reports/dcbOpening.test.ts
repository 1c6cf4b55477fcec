import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { dcbOpening } from './dcbOpening.ts';
import { demandCollectionBalance } from './demandCollectionBalance.ts';
import { reportsHistory } from './reportsHistory.fixture.ts';

// The fixture's L-0001 (EMI 2,070.58 from 1 June, only the first paid): by 31 July two
// instalments were due, 3,920.67 principal and 220.49 interest; one was paid.
const h = reportsHistory().events;
const balances = (asOf: string) =>
  replay(combine({ balances: balancesProjection() }), h, { asOf }).states.balances;

test('the opening of August keeps what L-0001 owed and paid by 31 July', () => {
  assert.equal(dcbOpening(balances('2024-07-31'), '2024-08-01').figures('L-0001'), {
    duePrincipal: 392067n, dueInterest: 22049n, principalRepaid: 195058n, interestPaid: 12000n,
    interestWaived: 0n,
  });
});

test('the DCB of August from the opening: the July instalment unpaid is the arrears', () => {
  const o = { from: '2024-08-01', to: '2024-08-31' };
  const d = demandCollectionBalance(dcbOpening(balances('2024-07-31'), o.from),
    balances(o.to), o);
  assert.is(d.total.principal.arrears, 392067n - 195058n);
  assert.is(d.total.interest.arrears, 22049n - 12000n);
});

test('a loan not yet disbursed at the start is left out of the opening', () => {
  assert.is(dcbOpening(balances('2024-04-30'), '2024-05-01').figures('L-0001'), undefined);
});

test('an opening taken for another period is refused', () => {
  const s = balances('2024-03-31');
  assert.throws(() => demandCollectionBalance(dcbOpening(s, '2024-04-01'), s,
    { from: '2024-05-01', to: '2024-05-31' }), /DCB opening of 2024-04-01/);
});

test.run();
