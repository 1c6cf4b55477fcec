// Logs written before fixed deposit terms had a unit keep opening: their terms read as months.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 'c1.0', commandId: 'c1', actor: 'clerk-1', effectiveOn: '2024-04-01', schemaVersion,
});
const opened = { accountId: 'FD-1', memberId: 'M-0001', branchId: null, productId: 'FD',
  on: '2024-04-01', rateAnnualPercent: '7.5', principal: '1000.00', maturesOn: '2025-04-01' };

test('a version 2 fixed deposit opening reads as version 3 with its term in months', () => {
  const r = decodeDomainEvent({ type: 'FixedDepositOpened',
    data: { ...opened, termMonths: 12 }, metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...opened, term: 12, termUnit: 'months' });
  assert.is(r.right.metadata.schemaVersion, 3);
});

test('a version 1 opening goes through both steps: branch null, term in months', () => {
  const { branchId: _b, ...v1 } = opened;
  const r = decodeDomainEvent({ type: 'FixedDepositOpened',
    data: { ...v1, termMonths: 6 }, metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...opened, term: 6, termUnit: 'months' });
});

test('a version 3 opening with an unknown unit fails, naming the field', () => {
  const r = decodeDomainEvent({ type: 'FixedDepositOpened',
    data: { ...opened, term: 12, termUnit: 'fortnights' }, metadata: metadata(3) },
  { stream: 'deposit-FD-1', revision: 0n });
  assert.ok(E.isLeft(r) && r.left.message.includes('data.termUnit'), String(r));
});

test.run();
