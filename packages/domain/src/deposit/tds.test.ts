// Tax deducted at source as the deposit decider posts it: after the interest, as its own event.
import { test } from 'uvu';
import { spec } from '../testing/deciderSpecification.ts';
import {
  asMember, by, command, event, history, products, withFacts,
} from '../testing/fixtures.ts';
import { accountHistory } from './accountHistory.ts';
import { createDepositDecider, type DepositDecision } from './decide.ts';
import { defaultTdsSettings, tdsOff } from '../tds/tdsSettings.ts';
import type { TdsFacts } from '../tds/tdsDue.ts';

const decider = createDepositDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'A1' };
const savings = asMember(command('OpenSavingsAccount', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'SB',
}));
const fd = asMember(command('OpenFixedDeposit', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'FD', principal: '10000',
  termMonths: 12,
}));
const funded = [savings, asMember(command('MakeDeposit', {
  ...by('c2', '2024-04-01'), ...A, amount: '20000', source: 'cash' }))];
const tds = (earlierRupees: number, over: Partial<TdsFacts> = {}): TdsFacts => ({
  settings: defaultTdsSettings, exempt: false,
  interestEarlierInYearMinor: BigInt(earlierRupees) * 100n, ...over,
});
const post = (before: ReadonlyArray<DepositDecision>, t: TdsFacts) =>
  withFacts(command('PostInterest', { ...by('c3', '2024-06-30'), ...A, periodTo: '2024-06-30' }),
    { history: accountHistory(history(decider, before)), tds: t });
// Rs 20,000 at 4% for April to June is 199.45 (see decide.test.ts).
const posted = event('InterestPosted', {
  eventId: 'c3.0', ...A, memberId: 'M1', on: '2024-06-30', periodFrom: '2024-04-01',
  periodTo: '2024-06-30', amount: '199.45', balanceAfter: '20199.45',
});

test('a member crossing the threshold mid-year has 10% of the posting deducted', () => {
  // 39,900.00 earlier + 199.45 = 40,099.45 > 40,000: 10% of 199.45 = 19.945 -> Rs 20.
  given(...funded).when(post(funded, tds(39_900))).then([posted, event('TdsDeducted', {
    ...A, memberId: 'M1', on: '2024-06-30', financialYear: '2024-25', interest: '199.45',
    rate: '10', amount: '20.00',
  })]);
});

test('the deduction leaves the balance: a withdrawal after it sees 20,179.45', () => {
  const taxed = post(funded, tds(39_900));
  given(...funded, taxed).when(command('Withdraw', { ...by('c4', '2024-07-01'), ...A,
    amount: '179.45' })).then([event('Withdrawn', {
    eventId: 'c4.0', ...A, memberId: 'M1', on: '2024-07-01', amount: '179.45',
    balanceAfter: '20000.00',
  })]);
});

test('below the threshold, for an exempt member, or with TDS off, only interest is posted',
  () => {
    given(...funded).when(post(funded, tds(39_800))).then([posted]);
    given(...funded).when(post(funded, tds(39_900, { exempt: true }))).then([posted]);
    given(...funded).when(post(funded, tds(39_900, { settings: tdsOff }))).then([posted]);
  });

test('interest at maturity is taxed too, and the payout is net of the tax', () => {
  // Rs 10,000 fixed for 12 months matures with 771.37; 39,500 + 771.37 > 40,000: 77.137 -> 77.
  const matured = withFacts(command('MatureDeposit', { ...by('c2', '2025-04-01'), ...A }),
    { history: accountHistory(history(decider, [fd])), tds: tds(39_500) });
  given(fd).when(matured).then([event('DepositMatured', {
    ...A, memberId: 'M1', on: '2025-04-01', interest: '771.37', maturityAmount: '10771.37',
  }), event('TdsDeducted', {
    ...A, memberId: 'M1', on: '2025-04-01', financialYear: '2025-26', interest: '771.37',
    rate: '10', amount: '77.00',
  })]);
  given(fd, matured).when(command('CloseDepositAccount', { ...by('c3', '2025-04-02'), ...A }))
    .then([event('DepositAccountClosed', {
      ...A, memberId: 'M1', on: '2025-04-02', payout: '10694.37',
    })]);
});

const rd = asMember(command('OpenRecurringDeposit', {
  ...by('c1', '2024-04-01'), ...A, memberId: 'M1', productId: 'RD', instalment: '10000',
  termMonths: 12,
}));
// Six instalments of Rs 10,000, April to September.
const paid = [rd, ...['04', '05', '06', '07', '08', '09'].map((m) => asMember(command(
  'MakeDeposit', { ...by(`i${m}`, `2024-${m}-01`), ...A, amount: '10000', source: 'cash' })))];

test('interest on closing a recurring deposit early is taxed first; the payout is net of it',
  () => {
    // 1,058.23 at 7% - 1% on the instalments' daily balances, compounded quarterly. 39,900 +
    // 1,058.23 > 40,000: 10% of it, 105.823 -> 106. The closing pays the balance out in the
    // same event, so the tax leaves it first: balance 59,894.00, payout 59,894 + 1,058.23.
    const closing = (t: TdsFacts) => withFacts(command('CloseDepositEarly', {
      ...by('c2', '2024-10-01'), ...A }), { history: accountHistory(history(decider, paid)),
      tds: t });
    given(...paid).when(closing(tds(39_900))).then([event('TdsDeducted', {
      ...A, memberId: 'M1', on: '2024-10-01', financialYear: '2024-25', interest: '1058.23',
      rate: '10', amount: '106.00',
    }), event('DepositClosedEarly', {
      ...A, memberId: 'M1', on: '2024-10-01', balance: '59894.00', interest: '1058.23',
      penaltyPercent: '1', payout: '60952.23',
    })]);
    given(...paid).when(closing(tds(39_900, { exempt: true }))).then([event(
      'DepositClosedEarly', { ...A, memberId: 'M1', on: '2024-10-01', balance: '60000.00',
        interest: '1058.23', penaltyPercent: '1', payout: '61058.23' })]);
  });

const reverse = (eventId: string) => command('ReverseEvent', {
  ...by('c5', '2024-07-01'), aggregate: 'deposit', aggregateId: 'A1', eventId,
  reason: 'wrong_amount',
});

test('reversing a taxed interest posting gives its deduction back with it', () => {
  const taxed = post(funded, tds(39_900));
  given(...funded, taxed).when(reverse('c3.0')).then([event('EventReversed', {
    aggregate: 'deposit', aggregateId: 'A1', memberId: 'M1', on: '2024-07-01',
    reversedEventId: 'c3.0', reversedEventType: 'InterestPosted', reason: 'wrong_amount',
  }), event('TdsReversed', {
    ...A, memberId: 'M1', on: '2024-07-01', reversedEventId: 'c3.0', financialYear: '2024-25',
    interest: '199.45', rate: '10', amount: '20.00',
  })]);
  // 20,000 + 199.45 - 20 - 199.45 + 20: the deposit alone, and the period open again.
  given(...funded, taxed, reverse('c3.0')).when(command('Withdraw', {
    ...by('c6', '2024-07-02'), ...A, amount: '19900' })).then([event('Withdrawn', {
    eventId: 'c6.0', ...A, memberId: 'M1', on: '2024-07-02', amount: '19900.00',
    balanceAfter: '100.00',
  })]);
});

test('reversing an untaxed posting gives nothing back', () => {
  const untaxed = post(funded, tds(39_800));
  given(...funded, untaxed).when(reverse('c3.0')).then([event('EventReversed', {
    aggregate: 'deposit', aggregateId: 'A1', memberId: 'M1', on: '2024-07-01',
    reversedEventId: 'c3.0', reversedEventType: 'InterestPosted', reason: 'wrong_amount',
  })]);
});

test.run();
