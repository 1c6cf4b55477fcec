import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { histories } from './histories.ts';

// The event types only members' later life makes: a property "for any history" says nothing
// of one the histories never hold.
const rareTypes = [
  'MemberExited', 'ShareAccountClosed', 'DepositChargeApplied', 'DepositClosedEarly',
  'GuaranteeCalled', 'StandingInstructionExecuted',
] as const;

const sample = fc.sample(histories(), { numRuns: 200, seed: 16 });
const holding = (type: string) => sample.filter((h) => h.some((e) => e.type === type)).length;

test('each rare event type appears in at least 5 of 200 generated histories', () => {
  const counts = Object.fromEntries(rareTypes.map((t) => [t, holding(t)]));
  for (const t of rareTypes) assert.ok((counts[t] ?? 0) >= 5, JSON.stringify(counts));
});

const dated = (h: ReadonlyArray<ProjectedEvent>) =>
  h.map((e) => Reflect.get(Object(e.metadata), 'effectiveOn') as string);

test('a generated history is dated in order, standing instructions and exits included', () => {
  for (const h of sample) {
    const on = dated(h);
    on.forEach((d, i) => assert.ok(i === 0 || (on[i - 1] ?? '') <= d, `${on[i - 1]} > ${d}`));
  }
});

// Her exit waits for principal outstanding, and principal written off is not (member/decide.ts):
// what is recovered of it later is recorded on that loan whether she has left or not.
const allowedAfterExit = new Set(['DividendCredited', 'RecoveryReceived']);

test('a member who has left makes no event after her exit but her dividend and a recovery of a '
  + 'loan written off', () => {
  for (const h of sample) {
    h.forEach((e, i) => {
      if (e.type !== 'MemberExited') return;
      const later = h.slice(i + 1).filter((x) => Reflect.get(Object(x.data), 'memberId')
        === e.data.memberId && !allowedAfterExit.has(x.type));
      assert.equal(later.map((x) => x.type), []);
    });
  }
});

test.run();
