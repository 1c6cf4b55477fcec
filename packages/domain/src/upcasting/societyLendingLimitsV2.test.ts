// Settings stored before the society-wide lending limits keep opening: read with no limit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';
import { defaultProvisioningNorms } from '../society/provisioning.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 's1.0', commandId: 's1', actor: 'board-1', effectiveOn: '2024-06-01', schemaVersion,
});
const before = { societyId: 'USHA', on: '2024-06-01', statutoryReservePercent: '25',
  dividendRateCapPercent: '15', provisioningNorms: defaultProvisioningNorms };
const noLimit = { maxOutstandingPrincipal: null, maxLoansAtOnce: null };
// Read on through v3 -> v4 (societyTdsV4.ts): TDS off as well.
const noTds = { enabled: false, thresholdPerYear: '40000.00', ratePercent: '10' };

test('a version 1 SocietySettingsChanged is read as version 2 with no lending limit', () => {
  const r = decodeDomainEvent({ type: 'SocietySettingsChanged', data: before,
    metadata: metadata(1) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...before, lendingLimits: noLimit, tds: noTds });
  assert.is(r.right.metadata.schemaVersion, 3);
});

test('a version 2 SocietyConfigured is read as version 3 with no lending limit', () => {
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: before,
    metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...before, lendingLimits: noLimit, tds: noTds });
  assert.is(r.right.metadata.schemaVersion, 4);
});

test('a current event without its limits is refused naming the field, not guessed at', () => {
  const r = decodeDomainEvent({ type: 'SocietySettingsChanged', data: before,
    metadata: metadata(2) }, { stream: 'society-USHA', revision: 1n });
  assert.ok(E.isLeft(r) && r.left.message.includes('data.lendingLimits'));
});

test.run();
