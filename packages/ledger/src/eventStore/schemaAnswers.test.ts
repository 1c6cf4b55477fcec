// An app's own schema (not one made by eventSchemaFromCodecs) may answer anything from its
// decode: the stores take its answer as an Either only when it is one. Otherwise an append is
// refused with the store's typed error before anything is written, and a read of an event the
// schema took when it was written fails typed, naming where, never with a TypeError.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InvalidEventError } from './errors.ts';
import type { EventSchema, StoredForm } from './eventSchema.ts';
import type { EventShape, EventStore } from './port.ts';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import { openFileEventStore } from '../file/fileEventStore.ts';
import { idOf, note } from '../file/noteSchema.fixture.ts';

type Note = EventShape & { readonly type: 'Noted'; readonly data: { readonly text: string } };

const revoked = () => {
  const p = Proxy.revocable({}, {});
  p.revoke();
  return p.proxy;
};
const throwing = new Proxy({}, { get: () => { throw new RangeError('no'); } });
const noEither = 'the schema\'s decode answered no Either';
// What a decode answers, and the refusal the store gives for it (field and detail).
const answers: ReadonlyArray<readonly [string, () => unknown, string, string]> = [
  ['undefined', () => undefined, '', noEither],
  ['a number', () => 1, '', noEither],
  ['a Right without its event', () => ({ _tag: 'Right' }), '', noEither],
  ['a Right of no object', () => ({ _tag: 'Right', right: 'Noted' }), '', noEither],
  ['an event without a type', () => ({ _tag: 'Right', right: { data: {}, metadata: {} } }), '',
    'the schema decoded an event without a type'],
  ['a Left without a field', () => ({ _tag: 'Left', left: { message: 'bad' } }), '',
    'the schema\'s decode refused it without a field and message'],
  ['a Left of its own', () => ({ _tag: 'Left', left: { field: 'data.text', message: 'bad' } }),
    'data.text', 'bad'],
  ['a throw', () => { throw new TypeError('x'); }, '',
    'the schema\'s decode threw (TypeError)'],
  ['a proxy whose reads throw', () => throwing, '', 'the schema\'s decode threw (RangeError)'],
  ['a revoked proxy', revoked, '', 'the schema\'s decode threw (TypeError)'],
  // What it throws is named without reading more of it than is safe.
  ['a throw of a revoked proxy', () => { throw revoked(); }, '',
    'the schema\'s decode threw (object)'],
  ['a throw of an Error whose name throws', () => {
    throw Object.defineProperty(new Error('x'), 'name', { get: () => { throw new Error('y'); } });
  }, '', 'the schema\'s decode threw (object)'],
  ['a throw of an Error whose name is no string', () => {
    throw Object.assign(new Error('x'), { name: { toString: () => { throw new Error('y'); } } });
  }, '', 'the schema\'s decode threw (Error)'],
];

// Encodes as stored; decodes as `answer` says once `hostile` is set, else as the event stored.
const schemaOf = (answer: () => unknown) => {
  const s = { hostile: true };
  const schema: EventSchema<Note> = {
    encode: (e) => ({ type: e.type, data: e.data, metadata: e.metadata }),
    decode: (stored: StoredForm) => (s.hostile ? answer()
      : { _tag: 'Right', right: stored }) as ReturnType<EventSchema<Note>['decode']>,
  };
  return { schema, s };
};

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'accepted';
  } catch (e) {
    if (!(e instanceof InvalidEventError)) return `${String(e)} (untyped)`;
    return [e.stream, e.revision, e.eventType, e.field, e.detail];
  }
};
const readAll = async (store: EventStore<Note>, stream: string) => {
  const out: unknown[] = [];
  for await (const e of store.readStream(stream, { notFoundAsEmpty: true })) out.push(e.data);
  return out;
};

// Each answer, on a memory store and a file store (a log of its own) over a schema giving it.
const eachAnswer = async (body: (o: { readonly store: EventStore<Note>;
  readonly s: { hostile: boolean }; readonly refused: readonly unknown[];
  readonly what: string }) => Promise<void>, after?: (file: string, what: string) => Promise<void>,
) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-schema-answers-'));
  try {
    for (const [n, [what, answer, field, detail]] of answers.entries()) {
      const { schema, s } = schemaOf(answer);
      const file = join(dir, `${n}.ndjson`);
      for (const store of [inMemoryEventStore({ schema }), await openFileEventStore({ file,
        schema })]) {
        await body({ store, s, refused: ['notes-1', 0n, 'Noted', field, detail], what });
        await store.close();
      }
      await after?.(file, what);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

test('an append whose event the schema answers no Either for is refused typed, and nothing '
  + 'is stored: memory and file stores', () => eachAnswer(async ({ store, s, refused, what }) => {
  s.hostile = true;
  assert.equal(await refusal(store.appendToStream('notes-1', [note(idOf(1))])), refused, what);
  s.hostile = false;
  assert.equal(await readAll(store, 'notes-1'), [], `${what}: nothing stored`);
}, async (file, what) => {
  assert.is((await stat(file)).size, 0, `${what}: the log holds no byte`);
}));

test('an event the schema took when written, and answers no Either for when read, is refused '
  + 'typed where it is: memory and file stores', () =>
  eachAnswer(async ({ store, s, refused, what }) => {
    s.hostile = false;
    await store.appendToStream('notes-1', [note(idOf(1))]);
    s.hostile = true;
    assert.equal(await refusal(readAll(store, 'notes-1')), refused, what);
    s.hostile = false;
    assert.equal(await readAll(store, 'notes-1'), [{ text: 'hello' }], `${what}: kept`);
  }));

test('an append whose event the schema\'s encode throws anything on is refused typed, naming '
  + 'it without a throw of its own, and nothing is stored', async () => {
  const revokedProxy = revoked();
  const nameThrows = Object.defineProperty(new Error('x'), 'message',
    { get: () => { throw new Error('y'); } });
  const throws: ReadonlyArray<readonly [unknown, string]> = [[new RangeError('no'), 'no'],
    ['plain words', 'plain words'], [revokedProxy, 'object'], [nameThrows, 'object']];
  for (const [thrown, why] of throws) {
    const schema: EventSchema<Note> = { decode: (stored) =>
      ({ _tag: 'Right', right: stored }) as ReturnType<EventSchema<Note>['decode']>,
    encode: () => { throw thrown; } };
    const store = inMemoryEventStore({ schema });
    assert.equal(await refusal(store.appendToStream('notes-1', [note(idOf(1))])),
      ['notes-1', 0n, 'Noted', '', `cannot be encoded: ${why}`], why);
    await store.close();
  }
});

test.run();
