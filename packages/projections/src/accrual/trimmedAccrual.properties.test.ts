import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addDays, businessDate, toEpochDay } from '@usha/domain';
import { combine } from '../combine.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { loanPosition } from '../portfolio/loanStatus.ts';
import { replay } from '../replay.ts';
import { historyOf, products, steps } from '../testing/histories.ts';
import { depositAccruals } from './depositAccrual.ts';
import { liveLoanBalancesProjection } from './liveLoanBalances.ts';
import { loanAccruals } from './loanAccrual.ts';
import { loanBalancesProjection } from './loanBalances.ts';
import { openAccrualProjection } from './openAccrual.ts';
import { accrualProjection } from './projection.ts';

const full = () => combine({ balances: loanBalancesProjection(), accrual: accrualProjection() });
const trimmed = (eager: boolean) =>
  combine({ balances: liveLoanBalancesProjection({ eager }), accrual: openAccrualProjection() });
type Sources = ReturnType<ReturnType<typeof full>['initialState']>;

// Everything the accrued-interest report reads of its fold, as of a date: each open deposit
// account's accrual, each active loan's accrual and its position (days late, principal).
const reportOf = (s: Sources, asOf: string) => {
  const b = s.states.balances;
  const day = toEpochDay(businessDate(asOf));
  return {
    deposits: depositAccruals(s.states.accrual, products, { asOf }),
    loans: loanAccruals(b, { asOf }).map((l) => {
      const loan = b.loans.get(l.loanId);
      return { l, p: loan === undefined ? undefined : loanPosition(b.schedules, loan, day) };
    }),
  };
};

// Generated histories, each with a fixed deposit of 3 months opened and matured (then closed)
// somewhere in it: the generator's own steps are days apart and rarely reach a maturity.
const histories = () => fc.tuple(steps(70), fc.nat(2), fc.nat(), fc.nat()).map(
  ([ss, m, a, b]) => {
    const all = [...ss];
    const at = a % (all.length + 1);
    all.splice(at, 0, { gap: 0, op: { k: 'fixed', m } });
    all.splice(at + 1 + (b % (all.length - at)), 0, { gap: 95, op: { k: 'mature', m } });
    return historyOf(all);
  });

const ended = (h: ReadonlyArray<ProjectedEvent>, asOf: string, types: ReadonlyArray<string>) =>
  h.some((e) => types.includes(e.type) && e.metadata.effectiveOn <= asOf);

test('the accrued-interest report from the trimmed fold equals the report from the full fold, '
  + 'for any generated history and any as-of date', () => {
  const seen = {
    loansEnded: 0, accountsEnded: 0, rowsLetGo: 0, changesLetGo: 0, accountsLetGo: 0,
    loansLetGo: 0,
  };
  fc.assert(fc.property(histories(), fc.nat(), fc.nat(40), fc.boolean(), (h, i, ahead, eager) => {
    const asOf = addDays(businessDate(h[i % h.length]?.metadata.effectiveOn ?? '2024-04-01'),
      ahead);
    const whole = replay(full(), h, { asOf });
    const trim = replay(trimmed(eager), h, { asOf });
    assert.equal(reportOf(trim, asOf), reportOf(whole, asOf));
    if (ended(h, asOf, ['LoanClosed', 'LoanWrittenOff'])) seen.loansEnded += 1;
    if (ended(h, asOf, ['DepositMatured', 'DepositClosedEarly', 'DepositAccountClosed'])) {
      seen.accountsEnded += 1;
    }
    if (trim.states.balances.schedules.size < whole.states.balances.schedules.size) {
      seen.rowsLetGo += 1;
    }
    const moves = trim.states.accrual.moves;
    if (moves.free >= 0 || moves.size < whole.states.accrual.moves.size) seen.changesLetGo += 1;
    for (const a of trim.states.accrual.accounts.values()) {
      assert.is(a.status, 'open', `${a.accountId} ended, still held`);
    }
    if (trim.states.accrual.accounts.size < whole.states.accrual.accounts.size) {
      seen.accountsLetGo += 1;
    }
    if (trim.states.balances.loans.size < whole.states.balances.loans.size) seen.loansLetGo += 1;
    if (eager) {
      for (const l of trim.states.balances.loans.values()) {
        assert.ok(!['closed', 'written_off', 'rejected'].includes(l.status), 'ended loan held');
      }
    }
    // Each member's list of loans is her loans' rows, in order: mended to the rows kept.
    const rows = [...trim.states.balances.loans.entries()];
    for (const [id, m] of trim.states.balances.members) {
      assert.equal(m.loans, rows.filter(([, l]) => l.memberId === id).map(([l]) => l), id);
    }
  }), { numRuns: 120 });
  // The histories end loans and accounts, and the trimmed fold let their rows go.
  assert.ok(seen.loansEnded > 10, `loans ended in ${seen.loansEnded} of 120`);
  assert.ok(seen.accountsEnded > 10, `accounts ended in ${seen.accountsEnded} of 120`);
  assert.ok(seen.rowsLetGo > 10, `schedule rows let go in ${seen.rowsLetGo} of 120`);
  assert.ok(seen.changesLetGo > 10, `balance changes let go in ${seen.changesLetGo} of 120`);
  assert.ok(seen.accountsLetGo > 10, `accounts let go in ${seen.accountsLetGo} of 120`);
  assert.ok(seen.loansLetGo > 3, `loan rows let go in ${seen.loansLetGo} of 120`);
});

test.run();
