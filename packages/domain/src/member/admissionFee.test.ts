// The admission fee on her stream: charged by her share product's rule, naming the till that
// took it, and reversed once by a correction that names it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history, products } from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { admissionFeeFor } from '../charges/admissionFee.ts';
import { createMemberDecider } from './decide.ts';

const withFee = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(withFee)) throw new Error('bad catalogue');
const decider = createMemberDecider({ products: withFee.right });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const admit = (more: Record<string, unknown> = {}, productId = 'SHF') =>
  command('AdmitMember', { ...by('c1', '2024-04-01'), memberId: 'M1', branchId: 'SONAGACHI',
    shareProductId: productId, shares: 5, ...more });
const reverse = (id: string, eventId: string, on = '2024-04-03', more = {}) => ({
  ...command('ReverseEvent', { ...by(id, on, 'bm-1'), aggregate: 'member', aggregateId: 'M1',
    eventId, reason: 'entry_error' }), ...more });
const admitted = event('MemberAdmitted', { memberId: 'M1', branchId: 'SONAGACHI',
  on: '2024-04-01', shareProductId: 'SHF', sharesSubscribed: 5 });

test('the fee of her share product, one rule: 47.00 for SHF, none for SH', () => {
  assert.equal(admissionFeeFor(withFee.right, 'SHF'), E.right('47.00'));
  assert.equal(admissionFeeFor(withFee.right, 'SH'), E.right(null));
  assert.equal(admissionFeeFor(withFee.right, 'SB'), E.left({ type: 'wrong_product',
    productId: 'SB', expected: 'share', got: 'savings' }));
});

test('a fee taken at a till names it; without one, the cash in hand (tillId null)', () => {
  given().when(admit({ tillId: 'T1' })).then([admitted, event('AdmissionFeeCharged', {
    eventId: 'c1.1', memberId: 'M1', branchId: 'SONAGACHI', on: '2024-04-01',
    amount: '47.00', tillId: 'T1' })]);
  given().when(admit()).then([admitted, event('AdmissionFeeCharged', {
    eventId: 'c1.1', memberId: 'M1', branchId: 'SONAGACHI', on: '2024-04-01',
    amount: '47.00', tillId: null })]);
});

test('a fee charged in error is reversed by a correction naming it', () => {
  given(admit({ tillId: 'T1' })).when(reverse('r1', 'c1.1')).then([event('EventReversed', {
    aggregate: 'member', aggregateId: 'M1', memberId: 'M1', on: '2024-04-03',
    reversedEventId: 'c1.1', reversedEventType: 'AdmissionFeeCharged', reason: 'entry_error',
  })]);
});

test('reversal rejections: twice, a fee never charged, no member, a closed year', () => {
  given(admit(), reverse('r1', 'c1.1')).when(reverse('r2', 'c1.1'))
    .thenRejects('already_reversed', { eventId: 'c1.1' });
  // SH charges no fee: nothing of hers can be reversed.
  given(admit({}, 'SH')).when(reverse('r1', 'c1.1'))
    .thenRejects('event_not_found', { eventId: 'c1.1' });
  given(admit()).when(reverse('r1', 'c1.0')).thenRejects('event_not_found', { eventId: 'c1.0' });
  given().when(reverse('r1', 'c1.1')).thenRejects('not_found', { aggregate: 'member' });
  given(admit()).when(reverse('r1', 'c1.1', '2024-03-31'))
    .thenRejects('date_before_last_event');
  given(admit()).when(reverse('r1', 'c1.1', '2024-04-03',
    { period: { closedThrough: '2025-03-31' } }))
    .thenRejects('period_closed', { closedThrough: '2025-03-31', on: '2024-04-03' });
});

test.run();
