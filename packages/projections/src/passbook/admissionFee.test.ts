// Her admission fee in the books and on her passbook: 47.00 into cash and admission fee income,
// printed on her share page; a reversal takes exactly that back out and prints beneath it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { accountBalances, trialBalance } from '../books/reports.ts';
import { formatPassbook, passbook } from './passbook.ts';
import { plainBalances } from '../balances/plainBalances.ts';
import { products, replayAll } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

const decoded = ProductCatalogue.decode({ ...products,
  SH: { ...products['SH'], admissionFee: { amount: '47.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');

// M1 admitted on 1 April 2024 at till T1 (k1: the fee is k1.1), buys 10 shares of 10.00 (k2);
// the fee, charged in error, is reversed on 3 April (k3).
const sim = simulator(decoded.right);
sim.run('AdmitMember', { on: '2024-04-01', memberId: 'M1', branchId: 'B1',
  shareProductId: 'SH', shares: 10, tillId: 'T1' });
sim.run('PurchaseShares', { on: '2024-04-01', accountId: 'SH-M1', memberId: 'M1',
  productId: 'SH', shares: 10 });
const charged = [...sim.events];
const reversal = sim.run('ReverseEvent', { on: '2024-04-03', aggregate: 'member',
  aggregateId: 'M1', eventId: 'k1.1', reason: 'entry_error' });
const reversed = [...sim.events];

// Cash, share capital, admission fees (debit positive); the member's share capital.
const figures = (h: ReadonlyArray<ProjectedEvent>) => {
  const s = replayAll(h).states;
  const gl = new Map(accountBalances(s.books).map((b) => [b.account.code, b.balance]));
  const tb = trialBalance(s.books);
  return { gl: ['1100', '3100', '4700'].map((c) => gl.get(c) ?? 0n),
    balanced: tb.totalDebit === tb.totalCredit,
    shareCapital: [s.balances.members.get('M1')?.shareCapital,
      plainBalances(h).members.get('M1')?.shareCapital] };
};

test('the fee is cash into admission fee income (4700), none of her share capital', () => {
  assert.equal(charged.map((e) => e.type),
    ['MemberAdmitted', 'AdmissionFeeCharged', 'SharesPurchased']);
  assert.equal(figures(charged), { gl: [14_700n, -10_000n, -4_700n], balanced: true,
    shareCapital: [10_000n, 10_000n] });
});

test('its reversal takes 47.00 out of income and cash again, her shares as they were', () => {
  assert.equal(reversal.map((e) => e.type), ['EventReversed']);
  assert.equal(figures(reversed), { gl: [10_000n, -10_000n, 0n], balanced: true,
    shareCapital: [10_000n, 10_000n] });
});

test('her share page prints the fee, the shares, then the reversal, balances exact', () => {
  const book = passbook(replayAll(reversed).states.passbook, 'M1');
  assert.equal(book.pages.map((p) => p.accountId), ['SH-M1']);
  assert.equal(book.pages[0]?.lines.map((l) => [l.on, l.particulars, l.withdrawal, l.deposit,
    l.balance]), [
    ['2024-04-01', 'Admission fee 47.00 in cash', 0n, 0n, 0n],
    ['2024-04-01', 'By 10 shares', 0n, 10_000n, 10_000n],
    ['2024-04-03', 'Reversal (2024-04-01): Admission fee 47.00 in cash', 0n, 0n, 10_000n],
  ]);
  assert.ok(formatPassbook(book).includes('Admission fee 47.00 in cash'));
});

test.run();
