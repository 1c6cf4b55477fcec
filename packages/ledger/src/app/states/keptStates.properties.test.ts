// A Ledger restarted from the states it kept decides every command as a Ledger that never
// restarted (every state folded from the log) decides it: kept states change what a first
// command reads, never what it decides.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
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

test.run();
