// A deposit of a dividend brings one of her credits to the account, whole, and names its year
// (DividendDeposited): the year asked for, else the oldest credit of its amount not yet taken.
import { test } from 'uvu';
import { spec } from '../testing/deciderSpecification.ts';
import {
  activeMember, asMember, by, command, event, history, must, products, withFacts,
} from '../testing/fixtures.ts';
import { MoneyString } from '../shared/codecs.ts';
import { createDepositDecider } from './decide.ts';

const decider = createDepositDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'SB-M1' };
const opened = asMember(command('OpenSavingsAccount', { ...by('c1', '2024-04-01'), ...A,
  memberId: 'M1', productId: 'SB' }));
// Her credits to SB-M1 standing: 2023-24 Rs 10.00 and 2024-25 Rs 10.00, and 2022-23 Rs 4.00.
const credits = [['2024-25', '10.00'], ['2023-24', '10.00'], ['2022-23', '4.00']]
  .map(([financialYear, amount]) => ({ financialYear: financialYear ?? '',
    amount: must(MoneyString, amount), on: '2025-04-11' }));
const dividend = (id: string, amount: string, financialYear?: string, source = 'dividend') =>
  withFacts(command('MakeDeposit', { ...by(id, '2025-05-01'), ...A, amount, source,
    ...(financialYear === undefined ? {} : { financialYear }) }),
  { ...activeMember(), dividendCredits: credits });
const brought = (id: string, amount: string, balanceAfter: string, financialYear: string) => [
  event('Deposited', { eventId: `${id}.0`, ...A, memberId: 'M1', on: '2025-05-01', amount,
    source: 'dividend', instalmentNumber: null, balanceAfter }),
  event('DividendDeposited', { ...A, memberId: 'M1', on: '2025-05-01', financialYear,
    depositedEventId: `${id}.0` })];

test('a dividend deposit names the year it brings: the one asked for, else the oldest credit '
  + 'of its amount not yet taken', () => {
  given(opened).when(dividend('c2', '10.00')).then(brought('c2', '10.00', '10.00', '2023-24'));
  given(opened).when(dividend('c2', '10.00', '2024-25'))
    .then(brought('c2', '10.00', '10.00', '2024-25'));
  given(opened, dividend('c2', '10.00')).when(dividend('c3', '10.00'))
    .then(brought('c3', '10.00', '20.00', '2024-25'));
  given(opened, dividend('c2', '4.00')).when(dividend('c3', '10.00', '2023-24'))
    .then(brought('c3', '10.00', '14.00', '2023-24'));
});

test('a dividend deposit is refused when no credit of its amount (and year) awaits: each part '
  + 'is taken once and whole', () => {
  given(opened, dividend('c2', '10.00'), dividend('c3', '10.00')).when(dividend('c4', '10.00'))
    .thenRejects('dividend_not_awaiting_deposit', { requested: '10.00', financialYear: null,
      awaitingDeposit: '4.00' });
  given(opened).when(dividend('c2', '5.00')).thenRejects('dividend_not_awaiting_deposit',
    { requested: '5.00', awaitingDeposit: '24.00' });
  given(opened, dividend('c2', '10.00', '2024-25')).when(dividend('c3', '10.00', '2024-25'))
    .thenRejects('dividend_not_awaiting_deposit', { financialYear: '2024-25' });
  given(opened).when(dividend('c2', '4.00', '2023-24'))
    .thenRejects('dividend_not_awaiting_deposit', { financialYear: '2023-24' });
  given(opened).when(dividend('c2', '4.00', '2023-24', 'cash')).thenRejects('invalid_request',
    { field: 'data.financialYear' });
  // Reversed, a deposit gives its credit back to await deposit again.
  const undo = command('ReverseEvent', { ...by('c3', '2025-05-01'), aggregate: 'deposit',
    aggregateId: 'SB-M1', eventId: 'c2.0', reason: 'entry_error' });
  given(opened, dividend('c2', '4.00'), undo).when(dividend('c4', '4.00'))
    .then(brought('c4', '4.00', '4.00', '2022-23'));
});

test.run();
