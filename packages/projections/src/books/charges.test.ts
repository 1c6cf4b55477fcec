// Charges by rule in the books, the balances (fast and plain) and the passbook: a deposit
// charge taken for charge income and given back when waived; an admission fee paid in cash.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { accountBalances, trialBalance } from './reports.ts';
import { passbook } from '../passbook/passbook.ts';
import { plainBalances } from '../balances/plainBalances.ts';
import { products, replayAll } from '../testing/compare.ts';
import { simulator } from '../testing/simulator.ts';

const decoded = ProductCatalogue.decode({ ...products,
  SH: { ...products['SH'], admissionFee: { amount: '50.00' } },
  SB: { ...products['SB'], belowMinimumBalanceCharge: { below: '1500.00', amount: '25.00' } } });
if (E.isLeft(decoded)) throw new Error('bad catalogue');

// M1 admitted on 1 April 2024 (fee 50.00) saves 1,000.00 on 10 April: April was below
// 1,500.00, so the run of 1 May takes 25.00 (k4); k5 waives it.
const sim = simulator(decoded.right);
sim.run('AdmitMember', { on: '2024-04-01', memberId: 'M1', branchId: 'B1',
  shareProductId: 'SH', shares: 10 });
sim.run('OpenSavingsAccount', { on: '2024-04-01', accountId: 'A1', memberId: 'M1',
  productId: 'SB' });
sim.run('MakeDeposit', { on: '2024-04-10', accountId: 'A1', amount: '1000', source: 'cash' });
sim.run('ApplyDepositCharges', { on: '2024-05-01', accountId: 'A1' });
const charged = [...sim.events];
sim.run('ReverseEvent', { on: '2024-05-02', aggregate: 'deposit', aggregateId: 'A1',
  eventId: 'k4.0', reason: 'charge_waived' });
const waived = [...sim.events];

// Cash, savings, charge income, admission fees (debit positive), fast and plain balances.
const figures = (h: ReadonlyArray<ProjectedEvent>) => {
  const s = replayAll(h).states;
  const gl = new Map(accountBalances(s.books).map((b) => [b.account.code, b.balance]));
  const tb = trialBalance(s.books);
  const sum = (k: 'debit' | 'credit') => tb.rows.reduce((x, r) => x + r[k], 0n);
  return { gl: ['1100', '2100', '4600', '4700'].map((c) => gl.get(c) ?? 0n),
    balances: [s.balances.deposits.get('A1')?.balance, plainBalances(h).deposits.get('A1')
      ?.balance], balanced: sum('debit') === sum('credit') };
};

test('the admission fee follows the admission and is cash into admission fee income', () => {
  assert.equal(charged.slice(0, 2).map((e) => e.type), ['MemberAdmitted', 'AdmissionFeeCharged']);
  assert.equal(figures(charged.slice(0, 2)).gl, [5_000n, 0n, 0n, -5_000n]);
});

test('a charge leaves the deposit for charge income, in the books and both balance folds', () => {
  assert.equal(figures(charged), { gl: [105_000n, -97_500n, -2_500n, -5_000n],
    balances: [97_500n, 97_500n], balanced: true });
});

test('a waived charge comes back to the deposit and out of charge income', () => {
  assert.equal(figures(waived), { gl: [105_000n, -100_000n, 0n, -5_000n],
    balances: [100_000n, 100_000n], balanced: true });
});

test('the passbook names the rule and the month, and the waiver', () => {
  const page = passbook(replayAll(waived).states.passbook, 'M1').pages
    .find((p) => p.accountId === 'A1');
  assert.equal(page?.lines.slice(-2).map((l) => [l.particulars, l.withdrawal, l.deposit,
    l.balance]), [
    ['To charge: below minimum balance 2024-04', 2_500n, 0n, 97_500n],
    ['Reversal (2024-05-01): To charge', 0n, 2_500n, 100_000n],
  ]);
});

test.run();
