// Admission fees and their reversals in any order, some asked twice, some naming no fee: the
// books and the passbooks agree with a plain count of fees charged and reversed once.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import { accountBalances, trialBalance } from '../books/reports.ts';
import { passbook } from './passbook.ts';
import { products, replayAll } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

const decoded = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');

// The members whose passbooks the replay keeps (testing/compare.ts).
const members = ['M0', 'M1', 'M2'] as const;
// Each member admitted with a fee or without; then reversals, each naming a member's fee id.
const plans = fc.record({
  withFee: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  reversals: fc.array(fc.constantFrom(...members), { maxLength: 8 }),
});

test('admission fee income is 47.00 for each fee charged and not reversed, the books balanced',
  () => {
    fc.assert(fc.property(plans, ({ withFee, reversals }) => {
      const sim = simulator(decoded.right);
      members.forEach((m, i) => sim.run('AdmitMember', { on: '2024-04-01', memberId: m,
        branchId: 'B1', shareProductId: withFee[i] === true ? 'SHF' : 'SH', shares: 10 }));
      const reversed = new Set<string>();
      reversals.forEach((m) => {
        // The simulator numbers commands k1, k2...: member i was admitted by k<i+1>.
        const eventId = `k${members.indexOf(m) + 1}.1`;
        const out = sim.run('ReverseEvent', { on: '2024-04-02', aggregate: 'member',
          aggregateId: m, eventId, reason: 'entry_error' });
        const charged = withFee[members.indexOf(m)] === true;
        // Accepted exactly when her fee was charged and not yet reversed.
        assert.is(out.length, charged && !reversed.has(m) ? 1 : 0);
        if (out.length === 1) reversed.add(m);
      });
      const standing = withFee.filter((f, i) => f && !reversed.has(members[i] ?? '')).length;
      const s = replayAll(sim.events).states;
      const gl = new Map(accountBalances(s.books).map((b) => [b.account.code, b.balance]));
      const tb = trialBalance(s.books);
      assert.equal([gl.get('4700') ?? 0n, gl.get('1100') ?? 0n],
        [-4_700n * BigInt(standing), 4_700n * BigInt(standing)]);
      assert.is(tb.totalDebit, tb.totalCredit);
      for (const [i, m] of members.entries()) {
        const lines = passbook(s.passbook, m).pages.flatMap((p) => p.lines)
          .map((l) => l.particulars);
        const fee = withFee[i] === true ? ['Admission fee 47.00 in cash'] : [];
        const back = reversed.has(m) ? ['Reversal (2024-04-01): Admission fee 47.00 in cash']
          : [];
        assert.equal(lines, [...fee, ...back]);
      }
    }), { numRuns: 60 });
  });

test.run();
