import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkpoint, ProjectionVersionError, restore } from '../projection.ts';
import { accrualProjection } from './projection.ts';

// A state as version 1 wrote it: no rate changes kept.
const v1State = {
  through: '2025-04-01',
  accounts: [{ accountId: 'A0', memberId: 'M0', kind: 'savings', productId: 'SB',
    rateAnnualPercent: '4', openedOn: '2025-04-01', status: 'open', days: [20179],
    amounts: ['10000000'], interestPosted: '0' }],
};

test('a version 1 state reads as one with no rate change, its moves exact', () => {
  const p = accrualProjection();
  const s = p.deserialize(v1State);
  assert.equal(s.rateSteps, {});
  assert.equal(p.serialize(s), { ...v1State, rateSteps: {} });
});

test('a version 1 checkpoint is refused as another version, to be rebuilt by replay', () => {
  const text = JSON.stringify({ projection: 'accrual@1', state: v1State });
  assert.throws(() => restore(accrualProjection(), text),
    (e: unknown) => e instanceof ProjectionVersionError && e.got === 'accrual@1');
});

test('rate changes survive a checkpoint', () => {
  const p = accrualProjection();
  const s = p.deserialize({ ...v1State,
    rateSteps: { SB: [{ effectiveFrom: '2025-05-16', rateAnnualPercent: '6' }] } });
  assert.equal(restore(p, checkpoint(p, s)).rateSteps,
    { SB: [{ effectiveFrom: '2025-05-16', rateAnnualPercent: '6' }] });
});

test.run();
