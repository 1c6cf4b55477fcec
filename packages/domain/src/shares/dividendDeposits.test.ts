// Which credits to an account still await deposit: a deposit naming its year takes that year's;
// one of an older log, naming none, takes the credit of its amount made on its day, else the
// oldest made before it; one whose credit no longer stands takes none.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { must } from '../testing/fixtures.ts';
import { MoneyString } from '../shared/codecs.ts';
import { creditsAwaiting } from './dividendDeposits.ts';

const credit = (financialYear: string, amount: string, on: string) =>
  ({ financialYear, amount: must(MoneyString, amount), on });
const y2023 = credit('2023-24', '10.00', '2024-04-11');
const y2024 = credit('2024-25', '10.00', '2025-04-11');
const years = (cs: ReadonlyArray<{ financialYear: string }>) => cs.map((c) => c.financialYear);

test('a deposit that names its year takes that year\'s credit, whatever its amount matches',
  () => {
    assert.equal(years(creditsAwaiting([y2024, y2023],
      [{ financialYear: '2024-25', amount: 1_000n, on: '2025-04-11' }])), ['2023-24']);
    assert.equal(years(creditsAwaiting([y2024, y2023], [])), ['2023-24', '2024-25']);
  });

test('an older log\'s deposit takes the credit made on its day first (a run\'s credit and '
  + 'deposit), else the oldest made before it, and never one made after it', () => {
  // 2023-24's deposit was refused by its run; 2024-25's run credited and deposited on its day.
  const sameDay = { financialYear: null, amount: 1_000n, on: '2025-04-11' };
  assert.equal(years(creditsAwaiting([y2023, y2024], [sameDay])), ['2023-24']);
  const later = { financialYear: null, amount: 1_000n, on: '2025-06-01' };
  assert.equal(years(creditsAwaiting([y2023, y2024], [later])), ['2024-25']);
  // Deposited in 2024, before 2024-25 was credited: it brought 2023-24's part, or none.
  const early = { financialYear: null, amount: 1_000n, on: '2024-04-11' };
  assert.equal(years(creditsAwaiting([y2024], [early])), ['2024-25'],
    'a deposit whose credit was reversed holds up no later year');
  assert.equal(years(creditsAwaiting([y2023, y2024], [early])), ['2024-25']);
  const otherAmount = { financialYear: null, amount: 999n, on: '2025-04-11' };
  assert.equal(years(creditsAwaiting([y2023, y2024], [otherAmount])), ['2023-24', '2024-25']);
});

test.run();
