import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkpoint, restore } from './projection.ts';
import { trialBalance, accountBalances } from './books/reports.ts';
import { depositAccruals } from './accrual/depositAccrual.ts';
import {
  feesReceivable, penaltiesReceivable, principalOutstanding,
} from './balances/state.ts';
import { replay } from './replay.ts';
import { histories } from './testing/histories.ts';
import { products, projections, replayAll, statesText } from './testing/compare.ts';
import type { ProjectedEvent } from './core/projectedEvent.ts';

const runs = { numRuns: 30 };

test('the trial balance is zero after any history, and as of any date in it', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, k) => {
    const s = replayAll(h);
    const tb = trialBalance(s.states.books);
    assert.is(tb.totalDebit, tb.totalCredit);
    const asOf = h[k % h.length]?.metadata.effectiveOn ?? '2024-04-01';
    const tbd = trialBalance(s.states.books, { asOf });
    assert.is(tbd.totalDebit, tbd.totalCredit);
  }), runs);
});

test('the member balances and the journal agree account by account', () => {
  fc.assert(fc.property(histories(), (h) => {
    const s = replayAll(h);
    const gl = new Map(accountBalances(s.states.books).map((b) => [b.account.code, b.balance]));
    const b = s.states.balances;
    const deposits = (kind: string) => [...b.deposits.values()]
      .filter((a) => a.kind === kind).reduce((x, a) => x + a.balance, 0n);
    const loans = [...b.loans.values()];
    const sum = (f: (l: (typeof loans)[number]) => bigint) => loans.reduce((x, l) => x + f(l), 0n);
    assert.is(-(gl.get('2100') ?? 0n), deposits('savings'), 'savings');
    assert.is(-(gl.get('2110') ?? 0n), deposits('recurring'), 'recurring');
    assert.is(-(gl.get('2120') ?? 0n), deposits('fixed'), 'fixed');
    assert.is(-(gl.get('3100') ?? 0n),
      [...b.members.values()].reduce((x, m) => x + m.shareCapital, 0n), 'share capital');
    assert.is(gl.get('1200') ?? 0n, sum(principalOutstanding), 'loans');
    assert.is(gl.get('1210') ?? 0n, sum(penaltiesReceivable), 'penalties');
    assert.is(gl.get('1220') ?? 0n, sum(feesReceivable), 'fees');
    // Every top-up in these histories is complete: its payoff left clearing as it came in.
    assert.is(gl.get('1240') ?? 0n, 0n, 'top-up clearing');
  }), runs);
});

test('replay is deterministic', () => {
  fc.assert(fc.property(histories(), (h) => {
    const p = projections();
    assert.is(checkpoint(p, replay(p, h)), checkpoint(p, replay(p, h)));
  }), runs);
});

test('replaying with duplicated events changes nothing', () => {
  fc.assert(fc.property(histories(), fc.array(fc.nat(), { maxLength: 30 }), (h, picks) => {
    const noisy: ProjectedEvent[] = [];
    h.forEach((e, i) => {
      noisy.push(e);
      for (const k of picks) if (k % (h.length + 1) === i) noisy.push(h[k % (i + 1)] ?? e);
    });
    const withoutPositions = h.map(({ position: _, ...e }) => e);
    assert.is(statesText(replayAll(noisy)), statesText(replayAll(h)));
    // Without positions, the stream revision tells a redelivery apart.
    const again = [...withoutPositions, ...withoutPositions.slice(0, picks.length)];
    assert.is(statesText(replayAll(again)), statesText(replayAll(h)));
  }), runs);
});

test('one by one equals one batch, and resuming from a checkpoint equals never stopping', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, k) => {
    const p = projections();
    let one = p.initialState();
    for (const e of h) one = p.apply(one, e);
    const cut = k % (h.length + 1);
    const first = replay(p, h.slice(0, cut));
    const resumed = replay(p, h.slice(cut), { state: restore(p, checkpoint(p, first)) });
    const batch = replay(p, h);
    assert.is(checkpoint(p, one), checkpoint(p, batch));
    assert.is(checkpoint(p, resumed), checkpoint(p, batch));
  }), runs);
});

test('as of a date equals the projection of only the events effective by then', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, k) => {
    const asOf = h[k % h.length]?.metadata.effectiveOn ?? '2024-04-01';
    const filtered = h.filter((e) => e.metadata.effectiveOn <= asOf);
    assert.is(statesText(replayAll(h, { asOf })), statesText(replayAll(filtered)));
    // The books answer for the date from the running state too.
    const now = replayAll(h).states.books;
    assert.equal(trialBalance(now, { asOf }).rows,
      trialBalance(replayAll(filtered).states.books).rows);
  }), runs);
});

test('as known at a position equals the projection of the log up to it', () => {
  fc.assert(fc.property(histories(), fc.nat(), (h, k) => {
    const at = h[k % h.length]?.position ?? { commit: 0n, prepare: 0n };
    const p = projections();
    const known = h.filter((e) => (e.position?.commit ?? 0n) <= at.commit);
    assert.is(checkpoint(p, replay(p, h, { asKnownAt: at })), checkpoint(p, replay(p, known)));
  }), runs);
});

test('accrued interest at a posting date equals the interest then posted', () => {
  let checked = 0;
  let afterChange = 0; // postings whose period earned at a changed rate
  fc.assert(fc.property(histories(), (h) => {
    const p = projections();
    let s = p.initialState();
    let changedFrom: string | undefined;
    for (const e of h) {
      if (e.type === 'ProductRateChanged') changedFrom ??= e.data.effectiveFrom;
      if (e.type === 'InterestPosted') {
        const a = depositAccruals(s.states.accrual, products, { asOf: e.data.periodTo })
          .find((x) => x.accountId === e.data.accountId);
        assert.is(a?.accrued, BigInt(e.data.amount.replace('.', '')), e.data.periodTo);
        checked += 1;
        if (changedFrom !== undefined && changedFrom <= e.data.periodTo) afterChange += 1;
      }
      s = p.apply(s, e);
    }
  }), { numRuns: 25 });
  assert.ok(checked > 20, `only ${checked} postings checked`);
  assert.ok(afterChange > 5, `only ${afterChange} postings checked after a rate change`);
});

test.run();
