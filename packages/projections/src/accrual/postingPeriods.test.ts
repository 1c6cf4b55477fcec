import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate, type Period } from '@usha/domain';
import { lastPeriodEnd } from './postingPeriods.ts';

const d = (s: string) => businessDate(s);

test('the last posting-period end on or before a day, as the finance core cuts periods',
  () => {
    const at = (from: string, posting: Period, on: string) => lastPeriodEnd(d(from), posting,
      d(on));
    assert.is(at('2025-04-05', 'quarterly', '2025-06-29'), null);
    assert.is(at('2025-04-05', 'quarterly', '2025-10-02'), '2025-09-30');
    assert.is(at('2025-04-05', 'half-yearly', '2026-04-01'), '2026-03-31');
    assert.is(at('2025-04-05', 'yearly', '2026-03-31'), '2026-03-31');
    assert.is(at('2025-04-05', 'monthly', '2025-05-15'), '2025-04-30');
  });

test('an account opened late in 2199 whose first period would end after 2199-12-31 has none '
  + 'ended on any day (not a throw building a day of 2200)', () => {
  assert.is(lastPeriodEnd(d('2199-04-05'), 'yearly', d('2199-12-30')), null);
  assert.is(lastPeriodEnd(d('2199-10-01'), 'half-yearly', d('2199-12-31')), null);
  assert.is(lastPeriodEnd(d('2199-10-01'), 'quarterly', d('2199-12-31')), '2199-12-31');
  assert.is(lastPeriodEnd(d('2199-12-31'), 'quarterly', d('2199-12-31')), null);
  assert.is(lastPeriodEnd(d('2199-03-01'), 'yearly', d('2199-12-31')), '2199-03-31');
});

test.run();
