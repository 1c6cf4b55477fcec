// Claims on an unfinished process (processClaim.ts): of instances claiming at once exactly one
// wins, in any interleaving of their reads and appends; a claim is left alone while its lease
// runs, by the claiming instance's clock, and taken over once it has run out.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, memoryStore } from '../testSupport.ts';
import { claimProcess, processClaimSettings, type ClaimOutcome } from './processClaim.ts';
import { processRecord } from './processRecord.ts';
import { scheduledStore } from '../commands/scheduledStore.fixture.ts';

const p = { processId: 'credit', record: processRecord('creditDividends',
  { commandId: 'credit', actor: 'board', on: '2025-04-10', societyId: 'USHA',
    financialYear: '2024-25' }) };
const at = (iso: string) => () => new Date(iso);

test('of instances claiming one process at once, exactly one claim is stored, and every '
  + 'other instance is told that one holds it', async () => {
  await fc.assert(fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 5 }),
    async (s, n) => {
      const store = memoryStore();
      const names = Array.from({ length: n }, (_, i) => `I${i}`);
      const work = Promise.all(names.map((claimant) => claimProcess(scheduledStore(s, store),
        processClaimSettings({ claimant, now: at('2026-12-05T10:00:00.000Z') }), p)));
      await s.waitFor(work);
      const outcomes: ClaimOutcome[] = await work;
      const claims = (await allEvents(store)).filter((e) => e.type === 'ProcessClaimed');
      assert.is(claims.length, 1);
      const winner = claims[0]?.type === 'ProcessClaimed' ? claims[0].data.claimant : '';
      assert.equal(outcomes.map((o) => o.kind === 'won' ? 'won' : o.by.claimant),
        names.map((c) => c === winner ? 'won' : winner));
    }), { numRuns: 200 });
});

test('a claim is left alone until its lease runs out, then taken over', async () => {
  const store = memoryStore();
  const settings = (claimant: string, now: string) =>
    processClaimSettings({ claimant, leaseMs: 60_000, now: at(now) });
  assert.equal(await claimProcess(store, settings('A', '2026-12-05T10:00:00.000Z'), p),
    { kind: 'won', claim: { revision: 0n, leaseUntil: '2026-12-05T10:01:00.000Z' } });
  assert.equal(await claimProcess(store, settings('B', '2026-12-05T10:00:59.999Z'), p),
    { kind: 'held', by: { processId: 'credit', claimant: 'A',
      leaseUntil: '2026-12-05T10:01:00.000Z' } });
  // Its own claim renewed, whatever the lease.
  assert.equal(await claimProcess(store, settings('A', '2026-12-05T10:00:30.000Z'), p),
    { kind: 'won', claim: { revision: 1n, leaseUntil: '2026-12-05T10:01:30.000Z' } });
  assert.equal(await claimProcess(store, settings('B', '2026-12-05T10:01:29.999Z'), p),
    { kind: 'held', by: { processId: 'credit', claimant: 'A',
      leaseUntil: '2026-12-05T10:01:30.000Z' } });
  assert.equal(await claimProcess(store, settings('B', '2026-12-05T10:01:30.001Z'), p),
    { kind: 'won', claim: { revision: 2n, leaseUntil: '2026-12-05T10:02:30.001Z' } });
  const claims = (await allEvents(store)).flatMap((e) => e.type === 'ProcessClaimed'
    ? [`${e.stream} ${e.revision} ${e.data.claimant} ${e.data.leaseUntil}`] : []);
  assert.equal(claims, [
    'process-credit 0 A 2026-12-05T10:01:00.000Z',
    'process-credit 1 A 2026-12-05T10:01:30.000Z',
    'process-credit 2 B 2026-12-05T10:02:30.001Z',
  ]);
});

test.run();
