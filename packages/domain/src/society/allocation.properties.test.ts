import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { addDays, businessDate } from '../dates/businessDate.ts';
import { shareDividends } from '../finance/shareDividends.ts';
import {
  minorOf, moneyString, PositiveMoneyInput, SignedMoneyInput,
} from '../shared/codecs.ts';
import { by, command, history, must, withFacts } from '../testing/fixtures.ts';
import {
  allocationBatch, allocationDigest, batchCount, batchLength, byMemberId, chainDigest,
  EMPTY_ALLOCATION_DIGEST,
} from './allocation.ts';
import { createSocietyDecider } from './decide.ts';
import { DividendPart } from './events.ts';
import { HoldingInput } from './facts.ts';
import { noEntries, zeroYearEndEntries } from './yearEndEntries.fixture.ts';

const holdingsFacts = (u: unknown) => must(t.readonlyArray(HoldingInput), u);

const partsArb = fc.uniqueArray(fc.record({
  memberId: fc.stringMatching(/^M[0-9]{1,5}$/),
  shareDays: fc.integer({ min: 0, max: 200_000 }),
  amount: fc.bigInt({ min: 0n, max: 10n ** 9n }).map(moneyString),
}), { selector: (p) => p.memberId, maxLength: 40 })
  .map((ps) => must(t.readonlyArray(DividendPart), [...ps].sort(byMemberId)));
const sizeArb = fc.integer({ min: 1, max: 7 });

const chained = (parts: ReadonlyArray<DividendPart>, size: number): string => {
  let d = EMPTY_ALLOCATION_DIGEST;
  for (let i = 0; i < batchCount(parts.length, size); i++) {
    d = chainDigest(d, allocationBatch(parts, i, size));
  }
  return d;
};

test('the batches of an allocation are its parts, in order, none over the batch size', () => {
  fc.assert(fc.property(partsArb, sizeArb, (parts, size) => {
    const batches = Array.from({ length: batchCount(parts.length, size) },
      (_, i) => allocationBatch(parts, i, size));
    assert.equal(batches.flat(), parts);
    batches.forEach((b, i) => assert.is(b.length, batchLength(parts.length, i, size)));
    assert.ok(batches.every((b) => b.length >= 1 && b.length <= size));
  }));
});

test('the digest chained batch by batch is the allocation digest; a changed part changes it',
  () => {
    fc.assert(fc.property(partsArb.filter((ps) => ps.length > 0), sizeArb, fc.nat(),
      (parts, size, k) => {
        const d = allocationDigest(parts, size);
        assert.is(chained(parts, size), d);
        const i = k % parts.length;
        const changed = parts.map((p, j) => (j === i
          ? { ...p, amount: moneyString(minorOf(p.amount) + 1n) } : p));
        assert.is.not(allocationDigest(changed, size), d);
      }));
  });

// The society's view: declared on any holdings, the one batch recorded is shareDividends'
// parts, in member id order, and they sum to the declared total.
const start = businessDate('2024-04-01');
const holdingsArb = fc.uniqueArray(fc.record({
  memberId: fc.stringMatching(/^M[0-9]{1,4}$/),
  changes: fc.array(fc.record({ day: fc.integer({ min: -100, max: 364 }),
    shares: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 3 }),
}), { selector: (h) => h.memberId, minLength: 1, maxLength: 30 }).map((hs) => hs.map((h) => ({
  memberId: h.memberId,
  changes: h.changes.map((c) => ({ on: addDays(start, c.day), shares: c.shares })),
})));

test('a declared dividend recorded in batches is shareDividends\' parts, summing to the total',
  () => {
    const decider = createSocietyDecider();
    const S = { societyId: 'USHA', financialYear: '2024-25' };
    const given = history(decider, [
      command('ConfigureSociety', { ...by('c1', '2024-04-01'), societyId: 'USHA',
        statutoryReservePercent: '25', dividendRateCapPercent: '15' }),
      ...zeroYearEndEntries('2024-25'),
      withFacts(command('CloseFinancialYear', { ...by('c2', '2025-04-10'), ...S }),
        { netProfit: must(SignedMoneyInput, '100000000'), ...noEntries }),
    ]);
    fc.assert(fc.property(holdingsArb, (holdings) => {
      const state = given.reduce(decider.evolve, decider.initialState);
      const declared = decider.decide(withFacts(command('DeclareDividend', {
        ...by('c3', '2025-04-20'), ...S, ratePercent: '10' }),
      { faceValue: must(PositiveMoneyInput, '10'), holdings: holdingsFacts(holdings) }), state);
      if (E.isLeft(declared)) throw new Error(declared.left.type);
      const d = declared.right[0];
      if (d?.type !== 'DividendDeclared') throw new Error('no declaration');
      const expected = shareDividends({ ratePercent: '10', faceValue: '10', holdings,
        from: '2024-04-01', to: '2025-03-31' }).parts.map((p) => ({ memberId: p.memberId,
        shareDays: Number(p.shareDays), amount: moneyString(p.amount.minor) }))
        .sort(byMemberId);
      const recorded = decider.decide(command('RecordDividendAllocation', {
        ...by('c4', '2025-04-21'), ...S, batch: 0, parts: expected }),
      decider.evolve(state, d));
      if (E.isLeft(recorded)) throw new Error(recorded.left.type);
      const batch = recorded.right[0];
      assert.equal(batch?.type === 'DividendAllocated' && batch.data.parts, expected);
      assert.is(moneyString(expected.reduce((a, p) => a + minorOf(p.amount), 0n)),
        d.data.total);
    }), { numRuns: 50 });
  });

test.run();
