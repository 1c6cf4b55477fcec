// The deposit charge decision: the product's rule, once per period, never below zero.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { createDepositDecider } from '../deposit/decide.ts';
import type { DepositEvent } from '../deposit/events.ts';
import { asMember, command, history, must, products, withFacts } from '../testing/fixtures.ts';
import { datedBalances } from './datedBalances.ts';

const decider = createDepositDecider({ products: must(ProductCatalogue, { ...products,
  SB: { ...products['SB'], belowMinimumBalanceCharge: { below: '500.00', amount: '30.00' } },
  RD: { ...products['RD'], missedInstalmentPenalty: { amount: '5.00' } } }) });
const d = (commandId: string, on: string) => ({ commandId, actor: 'clerk-1', on });
const facts = (events: ReadonlyArray<DepositEvent>) => ({ balances: datedBalances(events) });
const apply = (events: ReadonlyArray<DepositEvent>, id: string, on: string, accountId: string) =>
  decider.decide(withFacts(command('ApplyDepositCharges', { ...d(id, on), accountId }),
    facts(events)), events.reduce(decider.evolve, decider.initialState));
const shown = (r: ReturnType<typeof apply>) => E.isLeft(r) ? r.left
  : r.right.map((e) => e.type === 'DepositChargeApplied'
    ? `${e.data.rule.period} ${e.data.amount} ${e.data.balanceAfter}` : e.type);

// 50.00 saved on 10 April 2025: every month below 500.00.
const savings = history(decider, [
  asMember(command('OpenSavingsAccount', { ...d('o', '2025-04-10'), accountId: 'A1',
    memberId: 'M1', productId: 'SB' })),
  asMember(command('MakeDeposit', { ...d('m', '2025-04-10'), accountId: 'A1', amount: '50',
    source: 'cash' })),
]);

test('charges take at most the balance; one that finds it empty is left due', () => {
  const first = apply(savings, 'c1', '2025-07-01', 'A1');
  assert.equal(shown(first), ['2025-04 30.00 20.00', '2025-05 20.00 0.00']);
  const after = [...savings, ...(E.isRight(first) ? first.right : [])];
  assert.equal(shown(apply(after, 'c2', '2025-07-01', 'A1')), { type: 'nothing_to_charge',
    aggregate: 'deposit', id: 'A1', on: '2025-07-01' });
});

test('the balances a rule reads are dated the stream\'s latest date, a charge included', () => {
  const first = apply(savings, 'c1', '2025-07-01', 'A1');
  const after = [...savings, ...(E.isRight(first) ? first.right : [])];
  assert.equal(datedBalances(after).map((b) => `${b.on} ${b.balance}`), [
    '2025-04-10 5000', '2025-07-01 2000', '2025-07-01 0']);
});

test('a recurring deposit is penalised for each unpaid instalment past its due day', () => {
  const rd = history(decider, [
    asMember(command('OpenRecurringDeposit', { ...d('o', '2025-04-05'), accountId: 'R1',
      memberId: 'M1', productId: 'RD', instalment: '100', termMonths: 12 })),
    asMember(command('MakeDeposit', { ...d('m', '2025-04-05'), accountId: 'R1',
      amount: '100', source: 'cash' })),
  ]);
  assert.equal(shown(apply(rd, 'c1', '2025-06-05', 'R1')), ['instalment-2 5.00 95.00']);
  assert.equal(shown(apply(rd, 'c1', '2025-06-06', 'R1')),
    ['instalment-2 5.00 95.00', 'instalment-3 5.00 90.00']);
});

test('a fixed deposit takes no charge', () => {
  const fd = history(decider, [asMember(command('OpenFixedDeposit', { ...d('o', '2025-04-05'),
    accountId: 'F1', memberId: 'M1', productId: 'FD', principal: '5000', termMonths: 12 }))]);
  assert.equal(shown(apply(fd, 'c1', '2025-06-06', 'F1')), { type: 'operation_not_allowed',
    kind: 'fixed', operation: 'apply_charges', status: 'open' });
});

test.run();
