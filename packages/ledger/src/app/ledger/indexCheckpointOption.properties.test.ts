// Any JavaScript value as a Ledger's `indexCheckpoint`, whole or as any of its fields: the
// Ledger opens, or refuses it with IndexCheckpointOptionError naming the field, never another
// throw, and a refusal writes no file; each field is read at most once.
import { hostileValues } from '@usha/domain/testing';
import fc from 'fast-check';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryStore, testLedger } from '../testSupport.ts';
import { IndexCheckpointOptionError } from './openIndexes.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-index-option-'));
test.after(() => rm(dir, { recursive: true, force: true }));
let runs = 0;
const freshDir = () => mkdtemp(join(dir, `${++runs}-`));

const fields = ['file', 'everyEvents', 'onCloseAfterEvents', 'stateBytes'] as const;
const names = Object.keys(hostileValues);
// A value made when the property runs (fast-check looks into what it generates): one of the
// shared hostile values, or anything fast-check makes.
const anyValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.constantFrom(...names).map((n) => Object.assign(() => hostileValues[n]?.(),
    { toString: () => n })),
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true,
    withTypedArray: true, withSparseArray: true, withNullPrototype: true })
    .map((v) => Object.assign(() => v, { toString: () => fc.stringify(v) })),
);

// The option's `file`, as far as the test can tell without throwing.
const fileIn = (v: unknown): unknown => {
  try {
    return typeof v === 'object' && v !== null ? Reflect.get(v, 'file') : undefined;
  } catch {
    return undefined;
  }
};

// 'opened', or the refusal's field; anything else thrown fails the property.
const outcome = async (indexCheckpoint: unknown): Promise<string> => {
  try {
    // @ts-expect-error: any value, as a JavaScript caller may pass
    const ledger = await testLedger(memoryStore(), { indexCheckpoint });
    await ledger.close();
    return 'opened';
  } catch (e) {
    if (!(e instanceof IndexCheckpointOptionError)) throw e;
    assert.ok(e.field === 'indexCheckpoint' || e.field.startsWith('indexCheckpoint.'), e.field);
    return e.field;
  }
};

test('any value as the whole option opens or is refused with IndexCheckpointOptionError',
  async () => {
    await fc.assert(fc.asyncProperty(anyValue, async (make) => {
      const v = make();
      // A fuzzed path could land anywhere: the fields' property keeps it to `own`.
      if (typeof fileIn(v) === 'string') return;
      await outcome(v);
    }), { numRuns: 300 });
  });

test('any value as any field opens or is refused naming that field, each read at most once',
  async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), anyValue),
      async (makes) => {
        const own = await freshDir(); // the only place a path given here may name
        const base: Record<string, unknown> = {};
        for (const [k, make] of Object.entries(makes)) base[k] = make();
        if (typeof base['file'] === 'string') base['file'] = join(own, 'ledger-index');
        const reads = new Map<PropertyKey, number>();
        const option = new Proxy(base, {
          get: (t, k) => { reads.set(k, (reads.get(k) ?? 0) + 1); return Reflect.get(t, k); },
        });
        const field = await outcome(option);
        // The option is checked before anything is opened: a refusal leaves no file behind.
        if (field !== 'opened') assert.equal(await readdir(own), [], field);
        assert.ok(field === 'opened' || Object.keys(makes).some((k) => field.endsWith(`.${k}`)),
          field);
        assert.ok([...reads.values()].every((c) => c === 1), JSON.stringify([...reads]));
      }), { numRuns: 300 });
  });

test.run();
