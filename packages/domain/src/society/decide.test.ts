import { test } from 'uvu';
import { spec } from '../../../testing/src/decider/deciderSpecification.ts';
import { by, command, event, history } from '../testSupport.ts';
import { createSocietyDecider } from './decide.ts';

const decider = createSocietyDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const S = { societyId: 'USHA' };
const configured = command('ConfigureSociety', {
  ...by('c1', '2024-04-01'), ...S, statutoryReservePercent: '25', dividendRateCapPercent: '15',
});
const close = (netProfit: string, on = '2025-04-10') => command('CloseFinancialYear', {
  ...by('c2', on), ...S, financialYear: '2024-25', netProfit,
});
const declare = (ratePercent: string) => command('DeclareDividend', {
  ...by('c3', '2025-04-20'), ...S, financialYear: '2024-25', ratePercent, faceValue: '10',
  holdings: [
    { memberId: 'M1', changes: [{ on: '2024-04-01', shares: 100 }] },
    { memberId: 'M2', changes: [{ on: '2024-10-01', shares: 100 }] },
  ],
});

test('a year close sets aside the statutory reserve, rounded up to the paisa', () => {
  given(configured).when(close('1000.01')).then([event('FinancialYearClosed', {
    ...S, on: '2025-04-10', financialYear: '2024-25', startsOn: '2024-04-01', endsOn: '2025-03-31',
    netProfit: '1000.01', statutoryReservePercent: '25', statutoryReserveTransfer: '250.01',
    reserveRounding: 'up', distributableSurplus: '750.00',
  })]);
});

test('a dividend is shared out by share-days held', () => {
  // 10% a year on Rs 10 shares: M1 held 100 all year (36500 share-days), M2 100 from 1 October
  // (18200); 10% x 10 x 54700 / 365 = 149.863 -> 149.86, split by share-days.
  given(configured, close('100000')).when(declare('10')).then([event('DividendDeclared', {
    ...S, on: '2025-04-20', financialYear: '2024-25', ratePercent: '10', faceValue: '10.00',
    total: '149.86',
    parts: [
      { memberId: 'M1', shareDays: 36500, amount: '100.00' },
      { memberId: 'M2', shareDays: 18200, amount: '49.86' },
    ],
  })]);
});

test('rejections, in the order they are checked', () => {
  given().when(close('1')).thenRejects('not_found');
  given(configured).when(command('CloseFinancialYear', { ...by('c2', '2025-04-10'),
    societyId: 'OTHER', financialYear: '2024-25', netProfit: '1' })).thenRejects('wrong_aggregate');
  given(configured).when(close('1', '2024-03-31')).thenRejects('date_before_last_event');
  given().when(command('ConfigureSociety', { ...by('c1', '2024-04-01'), ...S,
    statutoryReservePercent: '24.99', dividendRateCapPercent: '15' }))
    .thenRejects('reserve_below_legal_minimum', { minimumPercent: '25', requested: '24.99' });
  given(configured).when(close('1', '2025-03-31'))
    .thenRejects('financial_year_not_ended', { endsOn: '2025-03-31' });
  given(configured, close('1')).when(close('1')).thenRejects('financial_year_already_closed');
  given(configured).when(declare('10')).thenRejects('financial_year_not_closed');
  given(configured, close('100000'), declare('10')).when(declare('10'))
    .thenRejects('dividend_already_declared');
  given(configured, close('100000')).when(declare('15.01'))
    .thenRejects('dividend_rate_above_cap', { capPercent: '15', requested: '15.01' });
  given(configured, close('100000')).when(command('DeclareDividend', {
    ...by('c3', '2025-04-20'), ...S, financialYear: '2024-25', ratePercent: '10', faceValue: '10',
    holdings: [{ memberId: 'M1', changes: [{ on: '2024-04-01', shares: -1 }] }],
  })).thenRejects('invalid_terms');
  given(configured, close('100')).when(declare('10'))
    .thenRejects('dividend_exceeds_surplus', { surplus: '75.00', total: '149.86' });
});

test.run();
