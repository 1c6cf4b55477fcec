// A Ledger restarted from the states it kept decides every command as a Ledger that never
// restarted (every state folded from the log) decides it: kept states change what a first
// command reads, never what it decides.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventIdFor, routeCommand, schemaVersionOf } from '@usha/domain';
import {
  loanCommands, products, savingsCommands, shareCommands,
} from '@usha/domain/testing';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { aggregateDecider } from '../commands/aggregateDecider.ts';
import { decodeLedgerEvent, ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { eventDigest } from './keptStates.ts';
import { everyClose, memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';

const keys = generateKeyPairSync('ed25519');
const signed = { signingKey: keys.privateKey, verifyKey: keys.publicKey };

type Step = { readonly kind: 'deposit' | 'withdraw'; readonly account: 'SB-M1' | 'SB-M2';
  readonly amount: string } | { readonly kind: 'restart' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    kind: fc.constantFrom('deposit' as const, 'withdraw' as const),
    account: fc.constantFrom('SB-M1' as const, 'SB-M2' as const),
    amount: fc.integer({ min: 1, max: 60_000 }).map((p) => `${Math.floor(p / 100)}.${
      String(p % 100).padStart(2, '0')}`) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) });

type AnyLedger = Awaited<ReturnType<typeof testLedger>>;
const send = (ledger: AnyLedger, s: Exclude<Step, { kind: 'restart' }>, i: number) => {
  const base = { commandId: `c${i}`, actor: 'clerk', on: '2024-05-01', accountId: s.account,
    amount: s.amount };
  return s.kind === 'deposit' ? ledger.makeDeposit({ ...base, source: 'cash' })
    : ledger.withdraw(base);
};
// What a decision was, as a caller sees it.
const seen = (o: Awaited<ReturnType<typeof send>>) =>
  JSON.stringify(o.status === 'rejected' ? o.rejection : o.events.map((e) => e.event.data),
    (_k, v: unknown) => typeof v === 'bigint' ? v.toString() : v);

test('a Ledger restarted from its kept states decides every command as one that never '
  + 'restarted', async () => {
  let restoredAny = 0;
  await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 70 }),
    async (steps) => {
      const dir = await mkdtemp(join(tmpdir(), 'usha-kept-model-'));
      try {
        const file = join(dir, 'usha.ndjson');
        let store = await openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
        let ledger = await testLedger(store, { indexCheckpoint: everyClose });
        const model = await testLedger(memoryStore());
        for (const l of [ledger, model]) {
          await memberWithSavings(l, 'M1', '1000');
          await memberWithSavings(l, 'M2', '200');
        }
        // Streams long enough to be kept (16 events) from the start; a restart, then a
        // withdrawal from each account, at the end: every run decides on kept states.
        const long = [...Array<Step>(16).fill({ kind: 'deposit', account: 'SB-M1',
          amount: '1.00' }), ...Array<Step>(16).fill({ kind: 'deposit', account: 'SB-M2',
          amount: '1.00' })];
        const end: Step[] = [{ kind: 'restart' },
          { kind: 'withdraw', account: 'SB-M1', amount: '500.00' },
          { kind: 'withdraw', account: 'SB-M2', amount: '500.00' }];
        for (const [i, s] of [...long, ...steps, ...end].entries()) {
          if (s.kind === 'restart') {
            await ledger.close();
            await store.close();
            store = await openFileEventStore({ file, schema: ledgerEventSchema, ...signed });
            ledger = await testLedger(store, { indexCheckpoint: everyClose });
            restoredAny += ledger.restoredStates.restored;
            continue;
          }
          const [got, want] = [await send(ledger, s, i), await send(model, s, i)];
          if (seen(got) !== seen(want)) {
            throw new Error(`step ${i}: ${seen(got)} where ${seen(want)}`);
          }
        }
        await ledger.close();
        await store.close();
        await model.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }), { numRuns: 8 });
  // The property is about kept states: some restarts must have had some.
  assert.ok(restoredAny > 0, 'no restart restored a state');
});

// A state the Ledger folded from its own append is bound to the event as decided; after a
// restart it is used only if the event read back from the log has the same digest.
test('the digest of an event as decided is the digest of the same event read back', () => {
  const decider = aggregateDecider(products);
  const types = new Set<string>();
  // A history of each kind every run (as the catalogue's round trip draws them): with one kind
  // a run, a hundred runs left the repayments undrawn about one time in eight.
  const histories = fc.tuple(savingsCommands, shareCommands, loanCommands('LN'));
  fc.assert(fc.property(histories, (kinds) => {
    for (const commands of kinds) {
      const first = commands[0];
      if (first === undefined) continue;
      let state = decider.initial(routeCommand(first).aggregate);
      for (const c of commands) {
        const r = decider.decide(c, state);
        if (E.isLeft(r)) continue;
        for (const [i, e] of r.right.entries()) {
          const decided: LedgerEvent = { ...e, metadata: {
            eventId: eventIdFor(c.data.commandId, i), commandId: c.data.commandId,
            actor: c.data.actor, effectiveOn: c.data.on, schemaVersion: schemaVersionOf(e.type),
            commandType: c.type, commandHash: 'h' } };
          state = decider.evolve(state, e);
          const line: unknown = JSON.parse(JSON.stringify(ledgerEventSchema.encode(decided)));
          const back = decodeLedgerEvent({ type: e.type, data: Reflect.get(Object(line), 'data'),
            metadata: Reflect.get(Object(line), 'metadata') });
          if (E.isLeft(back)) throw new Error(`${e.type} does not read back`);
          const digest = eventDigest(decided);
          assert.type(digest, 'string', `${e.type}: no digest as decided`);
          assert.is(eventDigest(back.right), digest, e.type);
          types.add(e.type);
        }
      }
    }
  }), { numRuns: 200 });
  // The generators reach the money events: a digest of nothing would prove nothing. (About one
  // loan history in sixteen holds a repayment: in 200 runs, none is a chance of about 4e-6.)
  for (const t of ['Deposited', 'Withdrawn', 'SharesRedeemed', 'LoanDisbursed',
    'RepaymentReceived']) assert.ok(types.has(t), `never decided ${t}`);
});

test.run();
