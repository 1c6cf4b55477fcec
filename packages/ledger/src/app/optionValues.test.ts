// A projection or checkpoint store checked once is handed on as it is (createLedger to its
// runner): checked again, it would be wrapped again, one more call for every event applied.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkpointStoreOf, projectionOf } from './optionValues.ts';
import { memoryCheckpointStore } from './runner/checkpointStore.ts';

const refuse = (field: string, reason: string): never => {
  throw new Error(`${field}: ${reason}`);
};

test('a checked copy is taken as it is by the same check, and only by it', () => {
  const projection = { name: 'n', version: 1, initialState: () => 0, apply: (s: number) => s + 1,
    serialize: (s: number) => s, deserialize: (j: unknown) => Number(j) };
  const once = projectionOf<number>(projection, refuse);
  assert.ok(once !== undefined && once !== projection);
  assert.is(projectionOf(once, refuse), once);
  assert.is(once?.apply(1, undefined as never), 2);
  const store = checkpointStoreOf(memoryCheckpointStore(), 'checkpoints', refuse);
  assert.is(checkpointStoreOf(store, 'checkpoints', refuse), store);
  // A projection's copy is no checkpoint store: checked as one, it is refused.
  assert.throws(() => checkpointStoreOf(once, 'checkpoints', refuse), /checkpoints.load/);
});

test.run();
