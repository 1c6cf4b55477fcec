// A deposit of a dividend brings one of her credits to the account, whole, and names its year
// (DividendDeposited): of its amount, the one credited on the deposit's day (the dividend run
// credits, then deposits, the same day), else the oldest credited before it.
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
const opened = asMember(command('OpenSavingsAccount', { ...by('c1', '2023-04-01'), ...A,
  memberId: 'M1', productId: 'SB' }));
// Her credits to SB-M1 standing, each credited on 11 April after its year.
const credits = [['2024-25', '10.00', '2025-04-11'], ['2023-24', '10.00', '2024-04-11'],
  ['2022-23', '4.00', '2023-04-11']].map(([financialYear, amount, on]) =>
  ({ financialYear: financialYear ?? '', amount: must(MoneyString, amount), on: on ?? '' }));
const dividend = (id: string, amount: string, on: string, source = 'dividend') =>
  withFacts(command('MakeDeposit', { ...by(id, on), ...A, amount, source }),
    { ...activeMember(), dividendCredits: credits });
const brought = (id: string, on: string, amount: string, balanceAfter: string,
  financialYear: string) => [
  event('Deposited', { eventId: `${id}.0`, ...A, memberId: 'M1', on, amount,
    source: 'dividend', instalmentNumber: null, balanceAfter }),
  event('DividendDeposited', { ...A, memberId: 'M1', on, financialYear,
    depositedEventId: `${id}.0` })];

test('a dividend deposit brings the credit of its amount made that day, else the oldest one '
  + 'made before it, and names its year', () => {
  given(opened).when(dividend('c2', '10.00', '2025-04-11'))
    .then(brought('c2', '2025-04-11', '10.00', '10.00', '2024-25'));
  given(opened).when(dividend('c2', '10.00', '2025-05-01'))
    .then(brought('c2', '2025-05-01', '10.00', '10.00', '2023-24'));
  given(opened, dividend('c2', '10.00', '2025-04-11')).when(dividend('c3', '10.00', '2025-04-11'))
    .then(brought('c3', '2025-04-11', '10.00', '20.00', '2023-24'));
  given(opened).when(dividend('c2', '10.00', '2024-05-01'))
    .then(brought('c2', '2024-05-01', '10.00', '10.00', '2023-24'));
  given(opened).when(dividend('c2', '4.00', '2025-04-11'))
    .then(brought('c2', '2025-04-11', '4.00', '4.00', '2022-23'));
});

test('a dividend deposit is refused when no credit of its amount, made by its day, awaits: each '
  + 'part is taken once and whole', () => {
  const day = '2025-04-11';
  given(opened, dividend('c2', '10.00', day), dividend('c3', '10.00', day))
    .when(dividend('c4', '10.00', day)).thenRejects('dividend_not_awaiting_deposit',
      { requested: '10.00', awaitingDeposit: '4.00' });
  given(opened).when(dividend('c2', '5.00', day)).thenRejects('dividend_not_awaiting_deposit',
    { requested: '5.00', awaitingDeposit: '24.00' });
  // Before any credit of its amount was made: nothing of it awaits yet.
  given(opened).when(dividend('c2', '10.00', '2024-01-01'))
    .thenRejects('dividend_not_awaiting_deposit', { requested: '10.00' });
  // Reversed, a deposit gives its credit back to await deposit again.
  const undo = command('ReverseEvent', { ...by('c3', day), aggregate: 'deposit',
    aggregateId: 'SB-M1', eventId: 'c2.0', reason: 'entry_error' });
  given(opened, dividend('c2', '4.00', day), undo).when(dividend('c4', '4.00', day))
    .then(brought('c4', day, '4.00', '4.00', '2022-23'));
});

test.run();
