// Two instances on one dividend credit at once, in any interleaving of their reads and appends
// (fc.scheduler): both starting it, both resuming it at open after an instance that died
// mid-run, or one resuming it as the other starts it. Exactly one of them sends each step to
// the store, and the books are those of one run.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, testLedger } from '../testSupport.ts';
import { credit, creditBooks, dividendDeclared, oneRun } from './dividendDeclared.fixture.ts';
import { dyingAfter } from './dyingStore.fixture.ts';
import { ProcessTakenOverError } from './runningClaim.ts';
import { scheduledStore } from '../commands/scheduledStore.fixture.ts';

const t0 = Date.parse('2026-12-05T10:00:00.000Z');
const claims = (claimant: string, atMs: number) =>
  ({ processClaims: { claimant, leaseMs: 60_000, now: () => new Date(atMs) } });

// `store` as instance `name` sees it: every read and append waits for the scheduler, and the
// command id of every step of the credit it sends is noted, whether the append succeeds or not.
const scheduled = (
  s: fc.Scheduler, store: EventStore<LedgerEvent>, name: string, sent: Array<[string, string]>,
): EventStore<LedgerEvent> => scheduledStore(s, {
  ...store,
  appendToStream: (stream, events, o) => {
    for (const e of events) {
      const m = e.metadata;
      if (m !== undefined && 'processId' in m && m.processId === 'credit') {
        sent.push([String(m.commandId), name]);
      }
    }
    return store.appendToStream(stream, events, o);
  },
}, name);

// What an instance's part came to: the run completed, left to the other, or stopped.
const settled = (p: Promise<unknown>) => p.then(() => 'ran', (e: unknown) => {
  if (e instanceof ProcessTakenOverError) return 'left';
  throw e;
});

type Scenario = 'both start' | 'both resume' | 'one resumes, one starts';

const race = async (s: fc.Scheduler, scenario: Scenario) => {
  const store = memoryStore();
  await dividendDeclared(store);
  if (scenario !== 'both start') {
    // An instance dies after its claim, the parts and two of the six credit steps.
    const dead = await testLedger(dyingAfter(store, 4), claims('dead', t0));
    await dead.creditDividends(credit).then(() => assert.unreachable(), () => undefined);
  }
  const at = t0 + 61_000;
  const sent: Array<[string, string]> = [];
  const open = (name: string, more = {}) =>
    testLedger(scheduled(s, store, name, sent), { ...claims(name, at), ...more });
  const work: Promise<ReadonlyArray<unknown>> = scenario === 'both start'
    ? Promise.all(['A', 'B'].map(async (n) => settled((await open(n)).creditDividends(credit))))
    : scenario === 'both resume'
      ? Promise.all([open('A'), open('B')]).then((ls) => ls.map((l) => l.resumed.length))
      : Promise.all([open('A').then((l) => l.resumed.length), open('B', { resume: false })
        .then((l) => settled(l.creditDividends(credit)))]);
  await s.waitFor(work);
  await work;
  return { sent, books: await creditBooks(store) };
};

test('every step of a process is run by one instance, whichever two start or resume it at '
  + 'once, and the books are those of one run', async () => {
  const scenarios: Scenario[] = ['both start', 'both resume', 'one resumes, one starts'];
  await fc.assert(fc.asyncProperty(fc.scheduler(), fc.constantFrom(...scenarios),
    async (s, scenario) => {
      const { sent, books } = await race(s, scenario);
      const senders = new Map<string, Set<string>>();
      for (const [step, name] of sent) {
        senders.set(step, (senders.get(step) ?? new Set()).add(name));
      }
      // All 8 steps (the parts, 3 credits, 3 deposits, the end), or the 5 the dead left.
      assert.is(senders.size, scenario === 'both start' ? 8 : 5, scenario);
      assert.equal([...senders].filter(([, names]) => names.size > 1), [], scenario);
      assert.equal(books, oneRun, scenario);
    }), { numRuns: 45 });
});

test.run();
