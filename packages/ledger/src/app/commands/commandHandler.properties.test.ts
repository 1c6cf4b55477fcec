// The state a command handler holds in memory is always its stream folded from the store,
// whatever other writers stored meanwhile and whichever of their commands it retried.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand, type Command } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, products, testLedger } from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import { noBackoff } from './backoff.ts';
import { createCommandHandler, type CommandHandler } from './commandHandler.ts';
import { loanDisbursed } from './loanDisbursed.fixture.ts';
import { plainCommandIndex } from './plainCommandIndex.ts';
import { rejectionMemo } from './rejectionMemo.ts';
import type { StreamState } from './streamStates.ts';
import { scheduledStore } from './scheduledStore.fixture.ts';

const decider = aggregateDecider(products);

const handler = (store: EventStore<LedgerEvent>): CommandHandler => {
  const commands = plainCommandIndex();
  return createCommandHandler({ store, decider, commands, observe: (e) => commands.observe(e),
    memo: rejectionMemo(), backoff: noBackoff });
};

// A fee's event is the same whatever the loan's state: a retry by another writer is stored
// once, and the store answers it with the revision where it is.
const fee = (commandId: string): Command => {
  const c = decodeCommand({ type: 'ChargeFee', data: { commandId, actor: 'checker',
    on: '2024-05-02', loanId: 'L1', amount: '10', reason: 'processing' } });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

const folded = async (store: EventStore<LedgerEvent>, upTo: bigint): Promise<StreamState> => {
  let s: StreamState = { stream: 'loan-L1', state: decider.initial('loan'), revision: undefined };
  for await (const e of store.readStream('loan-L1')) {
    if (e.revision <= upTo) {
      s = { ...s, state: decider.evolve(s.state, e), revision: e.revision, upTo: e };
    }
  }
  return s;
};

const disbursedLoan = async (store: EventStore<LedgerEvent>) => {
  const setup = await testLedger(store);
  await memberWithSavings(setup, 'M1', '1000');
  await loanDisbursed(setup, { on: '2024-05-02', productId: 'LP', principal: '2000',
    repayments: 4 });
};

test('the state a handler holds is its stream folded from the store, after any interleaving',
  async () => {
    await fc.assert(fc.asyncProperty(fc.scheduler(),
      fc.array(fc.record({ writer: fc.nat(2), id: fc.constantFrom('F-1', 'F-2', 'F-3', 'F-4') }),
        { minLength: 2, maxLength: 10 }),
      async (s, sends) => {
        const store = memoryStore();
        await disbursedLoan(store);
        const writers = [0, 1, 2].map(() => handler(scheduledStore(s, store)));
        // Each writer holds the loan first, so later tries start from state held in memory.
        const warm = writers.map((w, i) => w.handle(fee(`warm-${i}`)));
        await s.waitFor(Promise.all(warm));
        const all = Promise.all(sends.map((x) => writers[x.writer]?.handle(fee(x.id))));
        await s.waitFor(all);
        for (const o of await all) assert.is(o?.status, 'accepted');
        for (const w of writers) {
          const held = w.states.cached('loan-L1');
          if (held?.revision === undefined) throw new Error('the loan is not held');
          const stored = await folded(store, held.revision);
          // The event it says it was folded up to is the store's at its revision.
          const { upTo, ...state } = held;
          const { upTo: storedUpTo, ...storedState } = stored;
          assert.equal(state, storedState);
          assert.is(upTo?.eventId, storedUpTo?.eventId);
        }
      }), { numRuns: 100 });
  });

test.run();
