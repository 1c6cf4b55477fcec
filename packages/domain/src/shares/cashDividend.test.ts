import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { asMember, by, command, event, history, products, withFacts } from '../testing/fixtures.ts';
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

test.run();
