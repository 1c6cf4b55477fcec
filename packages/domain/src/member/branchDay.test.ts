// A member's own commands against a closed day of the branches they concern, and her fee at a
// till that never took it (BranchDayFact, tillTookFee).
import { test } from 'uvu';
import * as E from 'fp-ts/lib/Either.js';
import { businessDate } from '../dates/businessDate.ts';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history, products } from '../testing/fixtures.ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import type { MoneyString } from '../shared/codecs.ts';
import type { BranchDayFact } from '../branch/branchDayFact.ts';
import type { TillId } from '../branch/tillId.ts';
import { createMemberDecider, type MemberDecision } from './decide.ts';

const withFee = ProductCatalogue.decode({ ...products,
  SHF: { ...products['SH'], id: 'SHF', admissionFee: { amount: '47.00' } } });
if (E.isLeft(withFee)) throw new Error('bad catalogue');
const decider = createMemberDecider({ products: withFee.right });
const given = (...cs: MemberDecision[]) => spec(decider).given(history(decider, cs));
const branch = (id: string) => id as BranchDayFact['branchId'];
// SONAGACHI closed through 2024-04-02.
const closed: BranchDayFact = { branchId: branch('SONAGACHI'),
  closedThrough: businessDate('2024-04-02'), tillMoved: false };
const open: BranchDayFact = { ...closed, closedThrough: null };
const fee = (tillId: string, amount = '47.00'): BranchDayFact => ({ ...open, tillMoved: true,
  tillMove: { tillId: tillId as TillId, purpose: 'fee', amount: amount as MoneyString } });
const admit = (on: string, more: Record<string, unknown> = {}, day?: BranchDayFact) => ({
  ...command('AdmitMember', { ...by('c1', on), memberId: 'M1', branchId: 'SONAGACHI',
    shareProductId: 'SHF', shares: 5, ...more }),
  ...day === undefined ? {} : { branchDay: day } });
const admitted = (on: string) => event('MemberAdmitted', { memberId: 'M1',
  branchId: 'SONAGACHI', on, shareProductId: 'SHF', sharesSubscribed: 5 });
const charged = (on: string, tillId: string | null) => event('AdmissionFeeCharged', {
  eventId: 'c1.1', memberId: 'M1', branchId: 'SONAGACHI', on, amount: '47.00', tillId });

test('an admission dated in a closed day of her branch is refused; the next day is open', () => {
  given().when(admit('2024-04-02', {}, closed)).thenRejects('branch_day_closed',
    { branchId: 'SONAGACHI', closedThrough: '2024-04-02', on: '2024-04-02' });
  given().when(admit('2024-04-01', {}, closed)).thenRejects('branch_day_closed',
    { on: '2024-04-01' });
  given().when(admit('2024-04-03', {}, closed))
    .then([admitted('2024-04-03'), charged('2024-04-03', null)]);
});

test('a fee naming a till is refused unless that till took that fee under the command id',
  () => {
    const notMoved = { type: 'till_not_moved' as const, branchId: 'SONAGACHI', tillId: 'T1',
      stepId: 'c1', amount: '47.00' };
    given().when(admit('2024-04-03', { tillId: 'T1' }, open))
      .thenRejects('till_not_moved', notMoved);
    given().when(admit('2024-04-03', { tillId: 'T1' }, fee('T2')))
      .thenRejects('till_not_moved', notMoved);
    given().when(admit('2024-04-03', { tillId: 'T1' }, fee('T1', '40.00')))
      .thenRejects('till_not_moved', notMoved);
    given().when(admit('2024-04-03', { tillId: 'T1' }, fee('T1')))
      .then([admitted('2024-04-03'), charged('2024-04-03', 'T1')]);
    // No fee, no cash: a till named by a product without a fee is not looked for.
    given().when(admit('2024-04-03', { tillId: 'T1', shareProductId: 'SH' }, open))
      .then([event('MemberAdmitted', { memberId: 'M1', branchId: 'SONAGACHI',
        on: '2024-04-03', shareProductId: 'SH', sharesSubscribed: 5 })]);
  });

test('the fee a till took before the close completes her admission; none named, refused', () => {
  const tookIt: BranchDayFact = { ...fee('T1'), closedThrough: closed.closedThrough };
  given().when(admit('2024-04-02', { tillId: 'T1' }, tookIt))
    .then([admitted('2024-04-02'), charged('2024-04-02', 'T1')]);
  given().when(admit('2024-04-02', {}, tookIt)).thenRejects('branch_day_closed',
    { on: '2024-04-02' });
});

test('a transfer or exit in a closed day is refused; her field officer is recorded', () => {
  const M = { memberId: 'M1' };
  const member = admit('2024-04-01', { shareProductId: 'SH' });
  const transfer = { ...command('TransferMember', { ...by('t1', '2024-04-02', 'bm-1'), ...M,
    to: 'KALIGHAT' }), facts: { accountsLastOn: null },
  branchDay: { ...closed, branchId: branch('KALIGHAT') } };
  given(member).when(transfer).thenRejects('branch_day_closed',
    { branchId: 'KALIGHAT', closedThrough: '2024-04-02', on: '2024-04-02' });
  const exit = { ...command('ExitMember', { ...by('x1', '2024-04-02', 'bm-1'), ...M }),
    facts: { loans: [], shares: { status: 'none' as const }, deposits: [] }, branchDay: closed };
  given(member).when(exit).thenRejects('branch_day_closed', { on: '2024-04-02' });
  const officer = { ...command('AssignFieldOfficer', { ...by('f1', '2024-04-02', 'bm-1'), ...M,
    staffId: 'fo-3' }), branchDay: closed };
  given(member).when(officer).then([event('FieldOfficerAssigned', { ...M, staffId: 'fo-3',
    on: '2024-04-02' })]);
});

test.run();
