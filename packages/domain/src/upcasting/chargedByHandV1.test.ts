// Charges written before rules keep opening, read as typed in by hand.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 'p1.0', commandId: 'p1', actor: 'clerk-1', effectiveOn: '2024-03-10', schemaVersion,
});
const penalty = { eventId: 'p1.0', loanId: 'L1', memberId: 'M1', on: '2024-03-10',
  amount: '25.00', reason: 'late_payment' };
const fee = { ...penalty, reason: 'processing' };

test('a version 1 PenaltyCharged or FeeCharged is read as version 2 with no rule', () => {
  for (const [type, data] of [['PenaltyCharged', penalty], ['FeeCharged', fee]] as const) {
    const r = decodeDomainEvent({ type, data, metadata: metadata(1) });
    if (E.isLeft(r)) throw r.left;
    assert.equal(r.right.data, { ...data, rule: null });
    assert.is(r.right.metadata.schemaVersion, 2);
  }
});

test('a version 2 penalty computed by a rule is read as written', () => {
  const data = { ...penalty, rule: { rule: 'late_payment', period: 'instalment-2' } };
  const r = decodeDomainEvent({ type: 'PenaltyCharged', data, metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, data);
});

test('a version 2 penalty without its rule is refused naming the field', () => {
  const r = decodeDomainEvent({ type: 'PenaltyCharged', data: penalty, metadata: metadata(2) },
    { stream: 'loan-L1', revision: 4n });
  assert.ok(E.isLeft(r));
  if (E.isRight(r)) return;
  assert.ok(r.left.message.startsWith('stream loan-L1, revision 4, event PenaltyCharged'));
  assert.ok(r.left.message.includes('data.rule'), r.left.message);
});

test.run();
