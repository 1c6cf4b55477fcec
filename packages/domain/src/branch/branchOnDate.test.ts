import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '../dates/businessDate.ts';
import type { MemberEvent } from '../member/events.ts';
import { branchOnDate } from './branchOnDate.ts';

const admitted = { type: 'MemberAdmitted', data: { memberId: 'M1', branchId: 'SONAGACHI',
  on: '2024-04-01', shareProductId: 'SH', sharesSubscribed: 10 } };
const moved = (to: string, from: string, on: string) =>
  ({ type: 'MemberTransferred', data: { memberId: 'M1', from, to, on } });
// Plain JSON as a stream holds it; the events' own codecs are tested with the member's.
const events = [admitted, moved('KALIGHAT', 'SONAGACHI', '2024-04-05'),
  { type: 'FieldOfficerAssigned', data: { memberId: 'M1', staffId: 'FO-1', on: '2024-04-06' } },
  moved('SONAGACHI', 'KALIGHAT', '2024-05-01')] as unknown as MemberEvent[];
const on = (d: string) => branchOnDate(events, businessDate(d));

test('her branch on a date: admission, then each transfer from its own date', () => {
  assert.equal([on('2024-03-01'), on('2024-04-01'), on('2024-04-04'), on('2024-04-05'),
    on('2024-04-30'), on('2024-05-01')],
  ['SONAGACHI', 'SONAGACHI', 'SONAGACHI', 'KALIGHAT', 'KALIGHAT', 'SONAGACHI']);
  assert.is(branchOnDate([], businessDate('2024-04-01')), undefined);
});

test.run();
