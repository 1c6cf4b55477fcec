// Properties of TDS through a reversal: the deduction comes back whole, and the year's
// statement of a member whose postings were all reversed owes nothing.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { asMember, by, command, history, products, withFacts } from '../testing/fixtures.ts';
import { accountHistory } from './accountHistory.ts';
import { createDepositDecider } from './decide.ts';
import { defaultTdsSettings } from '../tds/tdsSettings.ts';
import { tdsStatement } from '../tds/tdsStatement.ts';
import type { DepositEvent } from './events.ts';

const decider = createDepositDecider({ products });
const A = { accountId: 'A1' };

// Open, pay in `rupees`, post April to June with `earlierRupees` of interest earlier in the
// year, then reverse the posting: the events, and the balance before the reversal.
const run = (rupees: number, earlierRupees: number, exempt: boolean) => {
  const given = [asMember(command('OpenSavingsAccount', {
    ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'SB' })),
  asMember(command('MakeDeposit', {
    ...by('c2', '2024-04-01'), ...A, amount: String(rupees), source: 'cash' }))];
  const post = withFacts(command('PostInterest', {
    ...by('c3', '2024-06-30'), ...A, periodTo: '2024-06-30' }),
  { history: accountHistory(history(decider, given)), tds: { settings: defaultTdsSettings,
    exempt, interestEarlierInYearMinor: BigInt(earlierRupees) * 100n } });
  const reverse = command('ReverseEvent', { ...by('c4', '2024-07-01'), aggregate: 'deposit',
    aggregateId: 'A1', eventId: 'c3.0', reason: 'wrong_amount' });
  const events: ReadonlyArray<DepositEvent> = history(decider, [...given, post, reverse]);
  const balance = events.reduce(decider.evolve, decider.initialState);
  return { events, balance: balance.status === 'none' ? -1n : balance.balance };
};

const cases = fc.tuple(fc.integer({ min: 100, max: 5_000_000 }),
  fc.integer({ min: 0, max: 100_000 }), fc.boolean());

test('a reversed posting leaves the balance as it was before it, tax or no tax', () => {
  fc.assert(fc.property(cases, ([rupees, earlier, exempt]) => {
    const r = run(rupees, earlier, exempt);
    assert.is(r.balance, BigInt(rupees) * 100n);
  }));
});

test('each deduction of a reversed posting is given back whole, once', () => {
  fc.assert(fc.property(cases, ([rupees, earlier, exempt]) => {
    const { events } = run(rupees, earlier, exempt);
    const taken = events.flatMap((e) => (e.type === 'TdsDeducted' ? [e.data.amount] : []));
    const back = events.flatMap((e) => (e.type === 'TdsReversed' ? [e.data.amount] : []));
    assert.equal(back, taken);
    const tds = events.flatMap((e) =>
      (e.type === 'TdsDeducted' || e.type === 'TdsReversed' ? [e] : []));
    assert.is(tdsStatement(tds, 'M1', '2024-25').tdsTotal, '0.00');
  }));
});

test.run();
