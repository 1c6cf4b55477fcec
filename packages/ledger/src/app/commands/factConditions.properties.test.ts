// Commands decided on facts from other streams, racing commands that change those facts:
// each append is conditioned on the revisions its facts were read at, so a fact that moved
// before the append sends the command round again instead of storing it on stale facts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { appointStaff, memberAndLoan } from '../authorisation/staffFixture.ts';
import { allEvents, memoryStore, ok, testLedger } from '../testSupport.ts';
import type { CommandOutcome } from './outcome.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

// The same store, as a store that takes no conditions would serve the Ledger. An opening's
// events follow its note on the member's stream; a writer slow between the two (a few turns
// of the scheduler) leaves the window open that only the condition on her stream closes.
const unconditioned = (s: fc.Scheduler) => (store: EventStore<LedgerEvent>):
  EventStore<LedgerEvent> => {
  let noted = false;
  return { ...store, appendConditions: undefined, appendToStream: async (stream, events, o) => {
    if (noted) for (let i = 0; i < 6; i += 1) await s.schedule(Promise.resolve(), 'slow');
    noted = events[0]?.type === 'AccountOpeningNoted';
    return store.appendToStream(stream, events, o);
  } };
};

type Stores = 'memory' | 'file';
const dir = await mkdtemp(join(tmpdir(), 'usha-fact-conditions-'));
let files = 0;
const freshStore = (kind: Stores): Promise<EventStore<LedgerEvent>> => kind === 'memory'
  ? Promise.resolve(memoryStore())
  : openFileEventStore({ file: join(dir, `log-${files++}.ndjson`), schema: ledgerEventSchema });

const settle = async (s: fc.Scheduler, work: Array<Promise<CommandOutcome>>) => {
  const all = Promise.all(work);
  await s.waitFor(all);
  return all;
};

type Stored = RecordedEvent<LedgerEvent>;
const indexOf = (all: ReadonlyArray<Stored>, p: (e: Stored) => boolean) => all.findIndex(p);

interface Race {
  /**
   * The race's outcome: whether the invariant held, and whether the facts' side won. `lag`
   * reads the changing side makes first, unscheduled: the file store's real reads otherwise
   * let the shorter command win every interleaving the scheduler picks.
   */
  readonly run: (s: fc.Scheduler, wrap: (x: EventStore<LedgerEvent>) => EventStore<LedgerEvent>,
    kind: Stores, lag: number) =>
    Promise<{ readonly held: boolean; readonly factSideAccepted: boolean }>;
}

// `n` reads of a stream straight from the store: time spent by the other side first.
const lagBy = async (store: EventStore<LedgerEvent>, stream: string, n: number) => {
  for (let i = 0; i < n; i += 1) for await (const e of store.readStream(stream)) void e;
};

// M2 is admitted with nothing to settle, so her exit is allowed; one Ledger applies for a loan
// for her (decided on her membership) while another records her exit.
const exitRacingLoan: Race = {
  run: async (s, wrap, kind, lag) => {
    const store = await freshStore(kind);
    try {
      const setup = await testLedger(store);
      ok(await setup.admitMember({ commandId: 'admit-M2', actor: 'clerk', on: '2024-04-01',
        memberId: 'M2', branchId: 'SONAGACHI', shareProductId: 'SH', shares: 10 }));
      const [a, b] = [await testLedger(wrap(scheduledStore(s, store))),
        await testLedger(wrap(scheduledStore(s, store)))];
      const [exit, apply] = await settle(s, [
        lagBy(store, 'member-M2', lag).then(() => a.exitMember({ commandId: 'exit-M2',
          actor: 'clerk', on: '2024-05-01', memberId: 'M2' })),
        b.applyForLoan({ commandId: 'apply-L2', actor: 'clerk', on: '2024-05-01', loanId: 'L2',
          memberId: 'M2', productId: 'LP', principal: '2000', repayments: 4,
          firstRepaymentOn: null }),
      ]);
      const all = await allEvents(store);
      const exited = indexOf(all, (e) => e.type === 'MemberExited');
      const applied = indexOf(all, (e) => e.type === 'LoanApplied' && e.stream === 'loan-L2');
      // Each acceptance is what the log holds; no loan is applied for after her exit.
      assert.is(exited >= 0, exit?.status === 'accepted');
      assert.is(applied >= 0, apply?.status === 'accepted');
      return { held: applied < 0 || exited < 0 || applied < exited,
        factSideAccepted: apply?.status === 'accepted' };
    } finally {
      await store.close();
    }
  },
};

// The cashier is revoked through one Ledger while another takes her withdrawal.
const revokeRacingStaff: Race = {
  run: async (s, wrap, kind, lag) => {
    const store = await freshStore(kind);
    try {
      const setup = await testLedger(store);
      await appointStaff(setup);
      await memberAndLoan(setup);
      const [a, b] = [await testLedger(wrap(scheduledStore(s, store))),
        await testLedger(wrap(scheduledStore(s, store)))];
      const on = '2025-06-01';
      const [, withdrawal] = await settle(s, [
        lagBy(store, 'deposit-SB-M1', lag).then(() => a.revokeStaff({
          commandId: 'revoke-cash-1', actor: 'board-1', on, staffId: 'cash-1' })),
        b.withdraw({ commandId: 'w-1', actor: 'cash-1', on, accountId: 'SB-M1',
          amount: '100' }),
      ]);
      const all = await allEvents(store);
      const revoked = indexOf(all, (e) => e.type === 'StaffRevoked');
      const taken = indexOf(all, (e) => e.metadata.commandId === 'w-1');
      assert.ok(revoked >= 0, 'the revocation needs nothing and is always stored');
      assert.is(taken >= 0, withdrawal?.status === 'accepted');
      return { held: taken < 0 || taken < revoked,
        factSideAccepted: withdrawal?.status === 'accepted' };
    } finally {
      await store.close();
    }
  },
};

const races: ReadonlyArray<readonly [string, Race]> = [
  ['ExitMember racing ApplyForLoan for the same member', exitRacingLoan],
  ['RevokeStaff racing that staff member\'s withdrawal', revokeRacingStaff],
];

for (const [name, race] of races) {
  for (const kind of ['memory', 'file'] as const) {
    test(`a command is never accepted on facts another stream changed before it was stored: `
      + `${name} (${kind} store, two Ledgers)`, async () => {
      let won = 0;
      await fc.assert(fc.asyncProperty(fc.scheduler(), fc.nat({ max: 3 }), async (s, lag) => {
        const r = await race.run(s, (x) => x, kind, lag);
        if (r.factSideAccepted) won += 1;
        assert.ok(r.held, 'accepted after its facts had moved');
      }), { numRuns: kind === 'memory' ? 60 : 25 });
      // Both ways of the race occur, so the invariant is not held by refusing everything.
      assert.ok(won > 0, 'the command decided on the facts was never accepted');
    });
  }

  test(`without conditions the race is lost: ${name}`, async () => {
    const r = await fc.check(fc.asyncProperty(fc.scheduler(), fc.nat({ max: 3 }),
      async (s, lag) => (await race.run(s, unconditioned(s), 'memory', lag)).held),
    { numRuns: 200 });
    assert.ok(r.failed, 'no interleaving stored a command on facts that had moved');
  });
}

test.after(() => rm(dir, { recursive: true, force: true }));
test.run();
