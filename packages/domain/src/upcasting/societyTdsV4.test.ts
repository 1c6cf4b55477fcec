// Settings stored before the TDS setting keep opening: read with TDS off, as decided.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '../catalogue.ts';
import { defaultProvisioningNorms } from '../society/provisioning.ts';

const metadata = (schemaVersion: number) => ({
  eventId: 's1.0', commandId: 's1', actor: 'board-1', effectiveOn: '2024-06-01', schemaVersion,
});
const noLimit = { maxOutstandingPrincipal: null, maxLoansAtOnce: null };
const v2Data = { societyId: 'USHA', on: '2024-06-01', statutoryReservePercent: '25',
  dividendRateCapPercent: '15', provisioningNorms: defaultProvisioningNorms };
const v3Data = { ...v2Data, lendingLimits: noLimit };
const off = { enabled: false, thresholdPerYear: '40000.00', ratePercent: '10' };

test('a version 3 SocietyConfigured is read as version 4 with TDS off', () => {
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: v3Data, metadata: metadata(3) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...v3Data, tds: off });
  assert.is(r.right.metadata.schemaVersion, 4);
});

test('a version 2 SocietySettingsChanged is read as version 3 with TDS off', () => {
  const r = decodeDomainEvent({ type: 'SocietySettingsChanged', data: v3Data,
    metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...v3Data, tds: off });
  assert.is(r.right.metadata.schemaVersion, 3);
});

test('a version 2 SocietyConfigured (no limits either) is read with no limit and TDS off', () => {
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: v2Data, metadata: metadata(2) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...v2Data, lendingLimits: noLimit, tds: off });
});

test('a current event without its TDS setting is refused naming the field', () => {
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: v3Data, metadata: metadata(4) },
    { stream: 'society-USHA', revision: 0n });
  assert.ok(E.isLeft(r) && r.left.message.includes('data.tds'));
});

test('a setting stated in version 4 is read as stated', () => {
  const on = { enabled: true, thresholdPerYear: '50000.00', ratePercent: '10' };
  const r = decodeDomainEvent({ type: 'SocietyConfigured', data: { ...v3Data, tds: on },
    metadata: metadata(4) });
  if (E.isLeft(r)) throw r.left;
  assert.equal(r.right.data, { ...v3Data, tds: on });
});

test.run();
