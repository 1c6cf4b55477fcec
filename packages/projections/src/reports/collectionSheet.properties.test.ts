import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { businessDate, toEpochDay } from '@usha/domain';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';
import { replay } from '../replay.ts';
import { histories } from '../testing/histories.ts';
import { collectionSheet } from './collectionSheet.ts';
import { collectionSheetFactsProjection } from './collectionSheetFacts.ts';
import { dues } from './dues.ts';

const runs = { numRuns: 30 };
const dateIn = (h: ReadonlyArray<ProjectedEvent>, i: number) =>
  h[i % h.length]?.metadata.effectiveOn ?? '2024-04-01';
const statesTo = (h: ReadonlyArray<ProjectedEvent>, asOf: string) => replay(combine({
  balances: balancesProjection(), facts: collectionSheetFactsProjection() }), h, { asOf }).states;

test('a sheet\'s total is the sum of its lines, and every loan in arrears on the date is on '
  + 'its branch\'s sheet exactly once, for any history and date', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, i) => {
    const on = dateIn(h, i);
    const s = statesTo(h, on);
    const branches = new Set([...s.balances.members.values()].map((m) => m.branchId ?? ''));
    const seen = new Map<string, string[]>();
    for (const branchId of branches) {
      const sheet = collectionSheet(s.balances, s.facts, { branchId, on });
      assert.is(sheet.total, sheet.lines.reduce((a, l) => a + l.total, 0n));
      for (const l of sheet.lines) {
        assert.is(l.total, l.principal + l.interest + l.penalty + l.fees + l.deposit);
        assert.ok(l.overdue <= l.principal + l.interest + l.deposit);
        seen.set(l.accountId, [...seen.get(l.accountId) ?? [], branchId]);
      }
    }
    const day = toEpochDay(businessDate(on));
    for (const l of s.balances.loans.values()) {
      if (loanPosition(s.balances.schedules, l, day).arrears === 0n) continue;
      const branch = s.balances.members.get(l.memberId)?.branchId ?? '';
      assert.equal(seen.get(l.loanId), [branch], l.loanId);
    }
    for (const [accountId, where] of seen) assert.is(where.length, 1, accountId);
  }), runs);
});

test('what the due list leaves unpaid from the first instalment to a date is what the loan '
  + 'position says is due then, for any history and date', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, i) => {
    const to = dateIn(h, i);
    const s = statesTo(h, to);
    const d = dues(s.balances, s.facts, { from: '2000-01-01', to });
    const day = toEpochDay(businessDate(to));
    for (const l of s.balances.loans.values()) {
      if (l.status !== 'active') continue;
      const p = loanPosition(s.balances.schedules, l, day);
      const unpaid = d.lines.filter((x) => x.accountId === l.loanId)
        .reduce((a, x) => a + x.unpaid, 0n);
      assert.is(unpaid, p.principalDue + p.interestDue, l.loanId);
    }
    const overdue = dues(s.balances, s.facts, { from: '2000-01-01', to, overdueOnly: true });
    assert.ok(overdue.lines.every((x) => x.unpaid > 0n && x.dueOn < to));
    assert.is(overdue.totalUnpaid, d.lines.filter((x) => x.dueOn < to)
      .reduce((a, x) => a + x.unpaid, 0n));
  }), runs);
});

test.run();
