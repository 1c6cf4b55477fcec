// Tax deducted at source leaves the account, so the interest after it is on the net balance,
// as Fineract's savings account posts its withholding-tax transaction (a debit dated the
// interest posting, in the running balance from the next day) and earns on what it leaves.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import {
  asMember, by, command, event, history, products, withFacts,
} from '../testing/fixtures.ts';
import { defaultTdsSettings } from '../tds/tdsSettings.ts';
import type { TdsFacts } from '../tds/tdsDue.ts';
import { accountHistory } from './accountHistory.ts';
import { createDepositDecider, type DepositDecision } from './decide.ts';

const decider = createDepositDecider({ products });
const A = { accountId: 'A1' };
const funded: DepositDecision[] = [asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'SB',
})), asMember(command('MakeDeposit', {
  ...by('c2', '2024-04-01'), ...A, amount: '20000', source: 'cash' }))];
// Her interest earlier in the year: Rs 39,900, so each posting here crosses Rs 40,000.
const tds: TdsFacts = { settings: defaultTdsSettings, exempt: false,
  interestEarlierInYearMinor: 3_990_000n };
const post = (id: string, on: string, periodTo: string, before: DepositDecision[]) =>
  withFacts(command('PostInterest', { ...by(id, on), ...A, periodTo }),
    { history: accountHistory(history(decider, before)), tds });
// April to June: 199.45 on Rs 20,000 at 4%, of which Rs 20 is deducted on 30 June.
const q1 = post('c3', '2024-06-30', '2024-06-30', funded);

test('after a deduction, the next period earns on the balance net of the tax', () => {
  // July to September on 20,179.45, not 20,199.45: 203.45 (203.65 had the tax stayed in).
  const before = [...funded, q1];
  spec(decider).given(history(decider, before))
    .when(post('c4', '2024-09-30', '2024-09-30', before)).then([event('InterestPosted', {
      eventId: 'c4.0', ...A, memberId: 'M1', on: '2024-09-30', periodFrom: '2024-07-01',
      periodTo: '2024-09-30', amount: '203.45', balanceAfter: '20382.90',
    }), event('TdsDeducted', {
      ...A, memberId: 'M1', on: '2024-09-30', financialYear: '2024-25', interest: '203.45',
      rate: '10', amount: '20.00',
    })]);
});

test('the history has a deduction as money out, a give-back as money in, each from the next day',
  () => {
  const reversal = command('ReverseEvent', { ...by('c5', '2024-07-15'), aggregate: 'deposit',
    aggregateId: 'A1', eventId: 'c3.0', reason: 'wrong_amount' });
  const h = accountHistory(history(decider, [...funded, q1, reversal]));
  assert.equal(h.taxMoves, [{ on: '2024-07-01', minor: -2000n },
    { on: '2024-07-16', minor: 2000n }]);
  assert.is(h.interestPostedMinor, 0n);
});

test.run();
