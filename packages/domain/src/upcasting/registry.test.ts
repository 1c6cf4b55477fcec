import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';
import { upcast } from './registry.ts';

const v1 = {
  eventId: 'c4.0', loanId: 'L1', memberId: 'M1', on: '2024-02-15', amount: '888.49',
  allocation: { penalty: '0.00', fees: '0.00', interest: '100.00', principal: '788.49' },
  principalOutstandingAfter: '9211.51',
};
const metadata = (schemaVersion: number) => ({
  eventId: 'c4.0', commandId: 'c4', actor: 'clerk-1', effectiveOn: '2024-02-15', schemaVersion,
});

test('a version 1 RepaymentReceived is read as version 2', () => {
  const r = decodeDomainEvent({ type: 'RepaymentReceived', data: v1, metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, {
    ...v1, allocation: { penalties: '0.00', fees: '0.00', interest: '100.00', principal: '788.49' },
    prepayment: '0.00',
  });
  assert.is(r.right.metadata.schemaVersion, 2);
});

test('version 1 data read as version 2 fails, naming the field', () => {
  const r = decodeDomainEvent({ type: 'RepaymentReceived', data: v1, metadata: metadata(2) },
    { stream: 'loan-L1', revision: 4n });
  assert.ok(E.isLeft(r) && r.left.message.includes('data.allocation.penalties'));
});

test('a version 1 DividendDeclared is read as version 2, its parts kept inline', () => {
  const parts = [
    { memberId: 'M1', shareDays: 36500, amount: '100.00' },
    { memberId: 'M2', shareDays: 18200, amount: '49.86' },
  ];
  const head = { societyId: 'USHA', on: '2025-04-20', financialYear: '2024-25',
    ratePercent: '10', faceValue: '10.00', total: '149.86' };
  const r = decodeDomainEvent({ type: 'DividendDeclared', data: { ...head, parts },
    metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...head, allocation: { kind: 'inline', parts } });
  assert.is(r.right.metadata.schemaVersion, 2);
  const v2 = decodeDomainEvent({ type: 'DividendDeclared', data: { ...head, parts },
    metadata: metadata(2) }, { stream: 'society-USHA', revision: 2n });
  assert.ok(E.isLeft(v2) && v2.left.message.includes('data.parts'), 'v1 data as v2 names parts');
});

test('a version 1 SocietyConfigured is read as version 4: default norms, no lending limit, no TDS',
  () => {
  const v1 = { societyId: 'USHA', on: '2024-04-01', statutoryReservePercent: '25',
    dividendRateCapPercent: '15' };
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: v1, metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...v1, provisioningNorms: { standardUpToDays: 90,
    subStandardUpToDays: 365, doubtfulUpToDays: 1095,
    percent: { standard: '0.4', subStandard: '10', doubtful: '25', loss: '100' } },
  lendingLimits: { maxOutstandingPrincipal: null, maxLoansAtOnce: null },
  tds: { enabled: false, thresholdPerYear: '40000.00', ratePercent: '10' } });
  assert.is(r.right.metadata.schemaVersion, 4);
  const v2 = decodeDomainEvent({ type: 'SocietyConfigured', data: v1, metadata: metadata(2) },
    { stream: 'society-USHA', revision: 0n });
  assert.ok(E.isLeft(v2) && v2.left.message.includes('data.provisioningNorms'),
    'v1 data as v2 names the norms');
});

test('a version from the future is refused, not guessed at', () => {
  assert.ok(E.isLeft(upcast('RepaymentReceived', 3, v1)));
  const r = decodeDomainEvent({ type: 'Deposited', data: {}, metadata: metadata(2) });
  assert.ok(E.isLeft(r) && r.left.message.includes('metadata.schemaVersion'));
});

test.run();
