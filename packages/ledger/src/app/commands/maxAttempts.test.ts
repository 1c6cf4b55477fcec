import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';
import { MaxAttemptsError, maxAttemptsOf } from './maxAttempts.ts';

test('a maxAttempts that is no whole number of tries from 1 to 1000 is refused at open, typed; '
  + 'before, 0 or NaN refused every command as a conflict', async () => {
  const store = memoryStore();
  for (const maxAttempts of [0, Number.NaN, -1, 1.5, 1001, '3', 3n, null, Symbol('n'), {}]) {
    const opened = await Reflect.apply(testLedger, undefined, [store, { maxAttempts }])
      .then(() => 'opened', (e: unknown) => e);
    assert.instance(opened, MaxAttemptsError, String(typeof maxAttempts));
    assert.is(opened instanceof MaxAttemptsError && opened.field, 'maxAttempts');
  }
  assert.equal([maxAttemptsOf(undefined), maxAttemptsOf(1), maxAttemptsOf(1000)], [10, 1, 1000]);
  // One try is enough for a command no other writer races.
  await memberWithSavings(await testLedger(store, { maxAttempts: 1 }), 'M1', '1000');
});

test.run();
