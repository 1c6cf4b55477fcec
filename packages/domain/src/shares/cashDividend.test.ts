import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import {
  asMember, by, command, event, history, must, products, withFacts,
} from '../testing/fixtures.ts';
import { AccountId } from '../shared/ids.ts';
import { createShareDecider } from './decide.ts';

const decider = createShareDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const A = { accountId: 'S-M1', memberId: 'M1' };
const FY = { financialYear: '2024-25' };
const opened = asMember(command('PurchaseShares', { ...by('c1', '2024-04-01'), ...A,
  productId: 'SH',
  shares: 20 }));
const payable = (id: string, amount = '12.50') =>
  command('RecordDividendPayableInCash', { ...by(id, '2025-05-01'), ...A, ...FY, amount });
const pay = (id: string, amount = '12.50', on = '2025-05-10') =>
  command('PayDividendInCash', { ...by(id, on), ...A, ...FY, amount });
const credit = (id: string) => command('CreditDividend', { ...by(id, '2025-05-01'), ...A,
  ...FY, amount: '12.50', savingsAccountId: 'SB-M1' });
const exited = withFacts(command('RedeemShares', { ...by('c0', '2025-04-15'), ...A, shares: 20,
  forExit: true }), { loans: [] });

test('a dividend payable in cash is paid once, the declared amount', () => {
  given(opened).when(payable('c2')).then([event('DividendPayableInCash', {
    eventId: 'c2.0', ...A, on: '2025-05-01', ...FY, amount: '12.50' })]);
  given(opened, payable('c2')).when(pay('c3')).then([event('DividendPaidInCash', {
    eventId: 'c3.0', ...A, on: '2025-05-10', ...FY, amount: '12.50' })]);
  given(opened, payable('c2'), pay('c3')).when(pay('c4'))
    .thenRejects('dividend_already_paid', FY);
  given(opened, payable('c2')).when(pay('c3', '12.49'))
    .thenRejects('dividend_amount_differs', { ...FY, expected: '12.50', got: '12.49' });
});

test('a member who has left is still paid her dividend in cash', () => {
  given(opened, exited, payable('c2')).when(pay('c3')).thenState((s) => {
    assert.ok(s.status === 'closed');
    assert.equal(s.cashDividends, { '2024-25': { amount: '12.50', paid: true } });
  });
});

test('a year is credited to savings or payable in cash, never both', () => {
  given(opened, credit('c2')).when(payable('c3')).thenRejects('dividend_already_credited', FY);
  given(opened, payable('c2')).when(credit('c3')).thenRejects('dividend_already_credited', FY);
  given(opened, payable('c2')).when(payable('c3')).thenRejects('dividend_already_credited', FY);
  given(opened, credit('c2')).when(pay('c3')).thenRejects('dividend_already_credited', FY);
  given(opened).when(pay('c2')).thenRejects('dividend_not_payable_in_cash', FY);
});

test('cash dividend rejections, in the order they are checked', () => {
  given().when(pay('c2')).thenRejects('not_found');
  given(opened, payable('c2')).when(pay('c3', '12.50', '2025-04-30'))
    .thenRejects('date_before_last_event');
  given().when(payable('c2')).thenRejects('not_found');
});

// SB-M1 as its stream holds it: open or closed, with the dividend deposits it holds.
type Deposit = { financialYear: string | null; amount: bigint; on: string };
const savings = (open: boolean, deposits: Deposit[] = [], accountId = 'SB-M1') =>
  ({ savings: { accountId: must(AccountId, accountId), open, deposits } });
const of2024 = (amount = 1_250n): Deposit => ({ financialYear: '2024-25', amount,
  on: '2025-05-01' });
const redirect = (id: string, f: ReturnType<typeof savings>, amount = '12.50') =>
  withFacts(command('RedirectDividendToCash', { ...by(id, '2025-05-02'), ...A, ...FY, amount }),
    f);

test('a credit whose savings account closed before the deposit is redirected to cash, once, '
  + 'and paid from there', () => {
  given(opened, credit('c2')).when(redirect('c3', savings(false))).then([
    event('DividendRedirectedToCash', { eventId: 'c3.0', ...A, on: '2025-05-02', ...FY,
      amount: '12.50', savingsAccountId: 'SB-M1', creditedEventId: 'c2.0' })]);
  given(opened, credit('c2'), redirect('c3', savings(false))).when(pay('c4'))
    .then([event('DividendPaidInCash', { eventId: 'c4.0', ...A, on: '2025-05-10', ...FY,
      amount: '12.50' })]);
  given(opened, credit('c2'), redirect('c3', savings(false)))
    .when(redirect('c4', savings(false))).thenRejects('dividend_already_credited', FY);
  // A member who has left is still redirected (her share account closed since the credit).
  const exitedSince = withFacts(command('RedeemShares', { ...by('c9', '2025-05-01'), ...A,
    shares: 20, forExit: true }), { loans: [] });
  given(opened, credit('c2'), exitedSince).when(redirect('c3', savings(false))).thenState((s) => {
    assert.ok(s.status === 'closed');
    assert.equal(s.cashDividends, { '2024-25': { amount: '12.50', paid: false } });
  });
});

test('a redirect is refused while the part can still be, or already was, deposited', () => {
  given(opened, credit('c2')).when(redirect('c3', savings(true)))
    .thenRejects('dividend_savings_open', { ...FY, savingsAccountId: 'SB-M1' });
  given(opened, credit('c2')).when(redirect('c3', savings(false, [of2024()])))
    .thenRejects('dividend_already_deposited', { ...FY, savingsAccountId: 'SB-M1' });
  // A deposit of an older log names no year: it brought the credit of its amount.
  given(opened, credit('c2')).when(redirect('c3', savings(false,
    [{ financialYear: null, amount: 1_250n, on: '2025-05-01' }])))
    .thenRejects('dividend_already_deposited');
  // ... but not one deposited before the credit was made: it brought an earlier one.
  given(opened, credit('c2')).when(redirect('c3', savings(false,
    [{ financialYear: null, amount: 1_250n, on: '2025-04-30' }]))).then([
    event('DividendRedirectedToCash', { eventId: 'c3.0', ...A, on: '2025-05-02', ...FY,
      amount: '12.50', savingsAccountId: 'SB-M1', creditedEventId: 'c2.0' })]);
  // One of another amount, or of another year, did not bring this one.
  given(opened, credit('c2')).when(redirect('c3', savings(false,
    [{ financialYear: null, amount: 1n, on: '2025-05-01' },
      { financialYear: '2023-24', amount: 1_250n, on: '2025-05-01' }])))
    .then([event('DividendRedirectedToCash', { eventId: 'c3.0', ...A, on: '2025-05-02', ...FY,
      amount: '12.50', savingsAccountId: 'SB-M1', creditedEventId: 'c2.0' })]);
  given(opened, credit('c2')).when(redirect('c3', savings(false), '12.49'))
    .thenRejects('dividend_amount_differs', { ...FY, expected: '12.50', got: '12.49' });
  given(opened, credit('c2')).when(redirect('c3', savings(false, [], 'SB-M9')))
    .thenRejects('wrong_aggregate', { aggregate: 'deposit', expected: 'SB-M1', got: 'SB-M9' });
  given(opened, payable('c2')).when(redirect('c3', savings(false)))
    .thenRejects('dividend_not_credited', FY);
  given(opened).when(redirect('c3', savings(false))).thenRejects('dividend_not_credited', FY);
});

const undo = (id: string, f?: ReturnType<typeof savings>) => {
  const c = command('ReverseEvent', { ...by(id, '2025-05-03'), aggregate: 'shares',
    aggregateId: 'M1', eventId: 'c2.0', reason: 'entry_error' });
  return f === undefined ? c : withFacts(c, f);
};

test('a credit is reversed only while its part awaits deposit, and never once redirected', () => {
  given(opened, credit('c2')).when(undo('c3', savings(true))).thenState((s) => {
    assert.ok(s.status === 'open');
    assert.equal(s.dividendYears, [], 'the year is undecided again');
  });
  given(opened, credit('c2')).when(undo('c3', savings(true, [of2024()])))
    .thenRejects('not_reversible',
    { eventId: 'c2.0', eventType: 'DividendCredited',
      why: 'the dividend was deposited in savings: reverse the deposit first' });
  given(opened, credit('c2'), redirect('c3', savings(false))).when(undo('c4', savings(false)))
    .thenRejects('not_reversible', { why: 'the dividend was redirected to cash' });
  given(opened, credit('c2')).when(undo('c3')).thenRejects('cannot_compute',
    { field: 'facts.savings' });
});

// Two years credited to SB-M1: 2023-24 Rs 5.00, then 2024-25 Rs 12.50.
const credit2023 = command('CreditDividend', { ...by('c1b', '2025-05-01'), ...A,
  financialYear: '2023-24', amount: '5.00', savingsAccountId: 'SB-M1' });
const of2023: Deposit = { financialYear: '2023-24', amount: 500n, on: '2025-05-01' };

test('with two years credited to one account, each is deposited, redirected or reversed as its '
  + 'own: the year deposited is neither redirected nor reversed, the year awaiting is', () => {
  const both = [opened, credit2023, credit('c2')] as const;
  given(...both).when(withFacts(command('RedirectDividendToCash', { ...by('c3', '2025-05-02'),
    ...A, financialYear: '2023-24', amount: '5.00' }), savings(false, [of2023])))
    .thenRejects('dividend_already_deposited', { financialYear: '2023-24' });
  given(...both).when(redirect('c3', savings(false, [of2023]))).then([
    event('DividendRedirectedToCash', { eventId: 'c3.0', ...A, on: '2025-05-02', ...FY,
      amount: '12.50', savingsAccountId: 'SB-M1', creditedEventId: 'c2.0' })]);
  const undo2023 = withFacts(command('ReverseEvent', { ...by('c3', '2025-05-03'),
    aggregate: 'shares', aggregateId: 'M1', eventId: 'c1b.0', reason: 'entry_error' }),
  savings(true, [of2023]));
  given(...both).when(undo2023).thenRejects('not_reversible', { eventId: 'c1b.0' });
  given(...both).when(undo('c3', savings(true, [of2023]))).thenState((s) => {
    assert.ok(s.status === 'open');
    assert.equal(s.dividendYears, ['2023-24'], '2024-25 undecided again; 2023-24 stands');
  });
});

test.run();
