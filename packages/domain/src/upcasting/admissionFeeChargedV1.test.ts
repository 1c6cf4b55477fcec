// Admission fees written before version 2 keep opening: the id their metadata holds, no till.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 'adm-1.1', commandId: 'adm-1', actor: 'clerk-1', effectiveOn: '2024-04-01',
  schemaVersion,
});
const v1 = { memberId: 'M1', branchId: 'SONAGACHI', on: '2024-04-01', amount: '47.00' };

test('a version 1 fee is read as version 2: its own id from the metadata, tillId null', () => {
  const r = decodeDomainEvent({ type: 'AdmissionFeeCharged', data: v1, metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { eventId: 'adm-1.1', ...v1, tillId: null });
  assert.is(r.right.metadata.schemaVersion, 2);
});

test('a version 2 fee taken at a till is read as written', () => {
  const data = { eventId: 'adm-1.1', ...v1, tillId: 'T1' };
  const r = decodeDomainEvent({ type: 'AdmissionFeeCharged', data, metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, data);
});

test('a version 2 fee without its till is refused naming the field', () => {
  const r = decodeDomainEvent({ type: 'AdmissionFeeCharged',
    data: { eventId: 'adm-1.1', ...v1 }, metadata: metadata(2) },
  { stream: 'member-M1', revision: 1n });
  assert.ok(E.isLeft(r));
  if (E.isRight(r)) return;
  assert.ok(r.left.message.startsWith('stream member-M1, revision 1, event AdmissionFeeCharged'));
  assert.ok(r.left.message.includes('data.tillId'), r.left.message);
});

test.run();
