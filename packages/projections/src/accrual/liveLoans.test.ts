import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate, toEpochDay } from '@usha/domain';
import { combine } from '../combine.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';
import { replay } from '../replay.ts';
import { historyOf, type Op } from '../testing/histories.ts';
import { liveLoanBalancesProjection } from './liveLoanBalances.ts';
import { loanAccruals } from './loanAccrual.ts';
import { loanBalancesProjection } from './loanBalances.ts';

// 90 loans, a day apart, each written off the day it is paid out but every fifteenth, which
// stays active; the first 60 of three members, the rest of two. A loan table holds 64 rows
// before it first grows: the 65th loan finds it full, its rows mostly ended, and member M2's
// last loan (written off) is let go. At the end a recovery on that loan, then its reversal.
const ops: Array<{ gap: number; op: Op }> = [];
for (let n = 0; n < 90; n += 1) {
  const m = n < 60 ? n % 3 : n % 2;
  ops.push({ gap: 1, op: { k: 'loan', m, rupees: 1000 + n, weekly: false } });
  if (n % 15 !== 7) ops.push({ gap: 0, op: { k: 'writeoff', m } });
}
ops.push({ gap: 1, op: { k: 'recover', m: 2, paise: 12_345 } });
const money = (h: ReadonlyArray<{ data: object; type: string }>) =>
  h.filter((e) => 'eventId' in e.data && e.type !== 'InterestPosted').length;
ops.push({ gap: 1, op: { k: 'reverse', pick: money(historyOf(ops)) - 1 } });
const history = historyOf(ops);

const loansOf = (live: boolean, asOf: string) => {
  const s = replay(combine({
    balances: live ? liveLoanBalancesProjection() : loanBalancesProjection() }), history,
  { asOf }).states.balances;
  const day = toEpochDay(businessDate(asOf));
  return {
    state: s,
    report: loanAccruals(s, { asOf }).map((l) => {
      const loan = s.loans.get(l.loanId);
      return { l, p: loan === undefined ? undefined : loanPosition(s.schedules, loan, day) };
    }),
  };
};

test('a long history: the loan rows of ended loans are let go when the table is full, the '
  + 'loans active read as in the full fold, and a recovery on a loan let go makes no row', () => {
  const counts: Record<string, number> = {};
  for (const e of history) counts[e.type] = (counts[e.type] ?? 0) + 1;
  assert.is(counts.LoanDisbursed, 90);
  assert.is(counts.LoanWrittenOff, 84);
  assert.is(counts.RecoveryReceived, 1);
  assert.is(counts.EventReversed, 1);
  const reversed = history.at(-1);
  assert.ok(reversed?.type === 'EventReversed' && reversed.data.aggregate === 'loan'
    && reversed.data.aggregateId === 'LN-2020', 'the recovery on M2\'s last loan reversed');
  const last = history.at(-1)?.metadata.effectiveOn ?? '';
  for (const asOf of [last, '2024-06-10', '2024-05-04']) {
    const full = loansOf(false, asOf);
    const live = loansOf(true, asOf);
    assert.equal(live.report, full.report, asOf);
    assert.is(live.state.through, full.state.through, asOf);
    const statuses = [...live.state.loans.values()].map((l) => l.status);
    assert.ok(statuses.every((s) => s === 'active' || s === 'written_off'), asOf);
  }
  const full = loansOf(false, last);
  const live = loansOf(true, last);
  assert.is(live.state.through, last);
  assert.is(full.state.loans.size, 90);
  assert.is(full.report.length, 6);
  // Compacted once, at the 65th loan: the 4 active then kept, the 26 after it added; the
  // recovery and its reversal on a loan let go make no row.
  assert.is(live.state.loans.size, 4 + 26);
  assert.equal(live.report.map((x) => x.l.loanId), full.report.map((x) => x.l.loanId));
});

test('a reversal on a loan let go, its posting not resolved, is refused as the full fold '
  + 'refuses it', () => {
  const p = liveLoanBalancesProjection();
  const last = history.at(-1);
  const s = replay(combine({ balances: p }), history.slice(0, -1)).states.balances;
  assert.ok(last?.type === 'EventReversed');
  assert.throws(() => p.apply(s, { ...last, reversed: undefined } as ResolvedEvent),
    (e: unknown) => e instanceof UnresolvedReversalError);
});

test.run();
