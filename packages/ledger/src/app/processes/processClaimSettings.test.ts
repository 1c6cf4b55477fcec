// The claim settings an app gives createLedger (`processClaims`) are read as any value: each
// field once, refused with ProcessClaimSettingsError when it cannot be used, never a throw of
// another kind; and a `stopped` or `now` that misbehaves later never lets a claim be taken on a
// broken answer.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { noBackoff } from '../commands/backoff.ts';
import { createLedger } from '../ledger/createLedger.ts';
import { allEvents, memoryStore, products } from '../testSupport.ts';
import {
  ClaimClockError, claimProcess, processClaimSettings, ProcessClaimSettingsError,
} from './processClaim.ts';
import { processRecord } from './processRecord.ts';

const p = { processId: 'credit', record: processRecord('creditDividends',
  { commandId: 'credit', actor: 'board', on: '2025-04-10', societyId: 'USHA',
    financialYear: '2024-25' }) };
const at = (iso: string) => () => new Date(iso);

// What processClaimSettings does with a value: 'ok', the refused field, or the throw itself.
const outcome = (u: unknown): string => {
  try {
    processClaimSettings(u);
    return 'ok';
  } catch (e) {
    if (e instanceof ProcessClaimSettingsError) return `refused ${e.field}`;
    throw e;
  }
};

test('any value as settings gives settings or a ProcessClaimSettingsError, never another '
  + 'throw', () => {
  const hostile = fc.oneof(
    fc.anything(),
    fc.record({ claimant: fc.anything(), leaseMs: fc.anything(), now: fc.anything(),
      stopped: fc.anything() }, { requiredKeys: [] }),
    fc.constant(new Proxy({}, { get: () => { throw new Error('trap'); } })),
    fc.constant(Object.defineProperty({}, 'leaseMs', { get: () => { throw 'thrown'; } })),
  );
  fc.assert(fc.property(hostile, (u) => {
    const o = outcome(u);
    assert.ok(o === 'ok' || o.startsWith('refused'), o);
  }), { numRuns: 2000 });
});

test('each unusable field is named', () => {
  assert.is(outcome({ claimant: 'Asha Das' }), 'refused claimant');
  assert.is(outcome({ claimant: '' }), 'refused claimant');
  assert.is(outcome({ claimant: 'x'.repeat(101) }), 'refused claimant');
  assert.is(outcome({ claimant: 42 }), 'refused claimant');
  for (const leaseMs of [0, -1, 1.5, Number.NaN, Infinity, 86_400_001, '60000', 60000n]) {
    assert.is(outcome({ leaseMs }), 'refused leaseMs', String(leaseMs));
  }
  assert.is(outcome({ now: new Date() }), 'refused now');
  assert.is(outcome({ stopped: true }), 'refused stopped');
  assert.is(outcome(7), 'refused ');
  assert.is(outcome(new Proxy({}, { get: () => { throw new Error('trap'); } })),
    'refused claimant');
  assert.is(outcome({ claimant: 'branch-1.app', leaseMs: 86_400_000 }), 'ok');
  assert.is(outcome(undefined), 'ok');
});

test('each field is read once: a getter cannot pass the check and then answer another value',
  () => {
    let reads = 0;
    const s = processClaimSettings(Object.defineProperty({}, 'claimant', {
      get: () => { reads += 1; return reads === 1 ? 'I1' : 'Asha Das'; },
    }));
    assert.is(s.claimant, 'I1');
    assert.is(reads, 1);
  });

test('a stopped() that throws or answers other than true leaves the lease to run', async () => {
  const store = memoryStore();
  const now = at('2026-12-05T10:00:00.000Z');
  assert.is((await claimProcess(store, processClaimSettings({ claimant: 'A', now }), p)).kind,
    'won');
  const askers = [() => { throw new Error('lookup failed'); }, () => 'yes', () => 1];
  for (const stopped of askers) {
    const o = await claimProcess(store, processClaimSettings({ claimant: 'B', now, stopped }), p);
    assert.equal(o, { kind: 'held', by: { processId: 'credit', claimant: 'A',
      leaseUntil: '2026-12-05T10:05:00.000Z' } });
  }
  // And true is taken at its word.
  const o = await claimProcess(store, processClaimSettings({ claimant: 'B', now,
    stopped: (c: string) => c === 'A' }), p);
  assert.is(o.kind, 'won');
});

test('a clock that throws or answers no valid Date takes no claim: ClaimClockError', async () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  // ... also an object made from Date's prototype, a revoked proxy, and a throw of one.
  for (const now of [() => { throw new Error('no clock'); }, () => '2026-12-05',
    () => new Date(Number.NaN), () => Object.create(Date.prototype) as Date,
    () => revoked.proxy as Date, () => { throw revoked.proxy; }]) {
    const store = memoryStore();
    const refused = await claimProcess(store, processClaimSettings({ claimant: 'A', now }), p)
      .then(() => undefined, (e: unknown) => e);
    assert.instance(refused, ClaimClockError);
    assert.is((await allEvents(store)).length, 0);
  }
});

test('createLedger refuses unusable claim settings, typed, and writes nothing', async () => {
  const store = memoryStore();
  const refused = await createLedger({ store, products, backoff: noBackoff,
    processClaims: { claimant: 'Asha Das' } }).then(() => undefined, (e: unknown) => e);
  assert.instance(refused, ProcessClaimSettingsError);
  assert.is((refused as Error).message, 'processClaims.claimant: not an opaque name (1 to 100 '
    + 'letters, digits or - _ . :, starting with a letter or digit; no personal data)');
  assert.is((await allEvents(store)).length, 0);
});

test.run();
