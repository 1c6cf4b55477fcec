import fc from 'fast-check';
import * as assert from 'uvu/assert';
import type { Test } from 'uvu';
import {
  comparePosition,
  EventIdConflictError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@usha/ledger';
import { newTestEvent, nextEventId, streamOf } from './arbitraries.ts';
import { collect, rejection } from './collect.ts';
import type { StoreFactory } from './storeFactory.ts';
import { testSchema, type TestEvent } from './testCatalogue.ts';

// The model: streams as plain arrays, and the global order as a list of (stream, revision).
interface Model {
  readonly streams: Map<string, NewEvent<TestEvent>[]>;
  readonly order: { stream: string; revision: bigint }[];
  last:
    | {
        stream: string;
        events: NewEvent<TestEvent>[];
        expected: ExpectedRevision;
        result: AppendResult;
      }
    | undefined;
}
type Real = EventStore<TestEvent>;
type Cmd = fc.AsyncCommand<Model, Real>;

const current = (m: Model, stream: string): bigint | undefined => {
  const n = m.streams.get(stream)?.length ?? 0;
  return n === 0 ? undefined : BigInt(n - 1);
};

const sameEvent = (read: RecordedEvent<TestEvent>, written: NewEvent<TestEvent>) => {
  assert.is(read.eventId, written.eventId);
  assert.equal(
    { type: read.type, data: read.data, metadata: read.metadata },
    { type: written.type, data: written.data, metadata: written.metadata },
  );
};

type ExpectKind = 'any' | 'no_stream' | 'stream_exists' | 'exact' | 'stale';

const expectedFor = (kind: ExpectKind, rev: bigint | undefined): ExpectedRevision => {
  if (kind === 'exact') return rev ?? 'no_stream';
  if (kind === 'stale') return (rev ?? -1n) + 7n; // never right
  return kind;
};

const accepts = (e: ExpectedRevision, rev: bigint | undefined): boolean =>
  e === 'any' ||
  (e === 'no_stream' ? rev === undefined : e === 'stream_exists' ? rev !== undefined : e === rev);

class Append implements Cmd {
  constructor(
    readonly stream: string,
    readonly events: NewEvent<TestEvent>[],
    readonly kind: ExpectKind,
  ) {}
  check = () => true;
  async run(m: Model, real: Real) {
    // Fresh ids at run time: generated (and shrunk) ids could repeat, which is another test.
    const events = this.events.map((e) => ({ ...e, eventId: nextEventId() }));
    const rev = current(m, this.stream);
    const expected = expectedFor(this.kind, rev);
    if (!accepts(expected, rev)) {
      const e = await rejection(
        real.appendToStream(this.stream, events, { expectedRevision: expected }),
      );
      assert.instance(e, WrongExpectedVersionError);
      if (e instanceof WrongExpectedVersionError) assert.is(e.actual, rev ?? 'no_stream');
      return;
    }
    const result = await real.appendToStream(this.stream, events, { expectedRevision: expected });
    const next = (rev ?? -1n) + BigInt(events.length);
    assert.is(result.nextExpectedRevision, next);
    const list = m.streams.get(this.stream) ?? [];
    for (const e of events) {
      m.order.push({ stream: this.stream, revision: BigInt(list.length) });
      list.push(e);
    }
    m.streams.set(this.stream, list);
    m.last = { stream: this.stream, events, expected, result };
  }
  toString = () => `append(${this.stream}, ${this.events.length} events, ${this.kind})`;
}

class Retry implements Cmd {
  check = (m: Readonly<Model>) => m.last !== undefined;
  async run(m: Model, real: Real) {
    const last = m.last;
    if (last === undefined) return;
    const again = await real.appendToStream(last.stream, last.events, {
      expectedRevision: last.expected,
    });
    assert.equal(again, last.result);
  }
  toString = () => 'retry last append';
}

class Conflict implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.order.length > 0;
  async run(m: Model, real: Real) {
    const at = m.order[this.pick % m.order.length];
    const original = at === undefined ? undefined : m.streams.get(at.stream)?.[Number(at.revision)];
    if (at === undefined || original === undefined) throw new Error('model out of step');
    const changed: NewEvent<TestEvent> = { ...original, metadata: { commandId: 'changed' } };
    const same = original.metadata.commandId === 'changed';
    const e = await rejection(
      real.appendToStream(at.stream, [
        same ? { ...original, metadata: { commandId: 'other' } } : changed,
      ]),
    );
    assert.instance(e, EventIdConflictError);
  }
  toString = () => `conflicting id #${this.pick}`;
}

class ReadStream implements Cmd {
  constructor(
    readonly stream: string,
    readonly backwards: boolean,
    readonly from: number,
    readonly max: number,
  ) {}
  check = () => true;
  async run(m: Model, real: Real) {
    const list = m.streams.get(this.stream);
    const read = real.readStream(this.stream, {
      direction: this.backwards ? 'backwards' : 'forwards',
      fromRevision: BigInt(this.from),
      maxCount: this.max,
    });
    if (list === undefined) {
      assert.instance(await rejection(collect(read)), StreamNotFoundError);
      return;
    }
    const expected = this.backwards
      ? list
          .slice(0, this.from + 1)
          .reverse()
          .slice(0, this.max)
      : list.slice(this.from, this.from + this.max);
    const got = await collect(read);
    assert.is(got.length, expected.length);
    got.forEach((e, i) => {
      const w = expected[i];
      if (w === undefined) throw new Error('missing');
      sameEvent(e, w);
      assert.is(e.stream, this.stream);
      assert.is(typeof e.revision, 'bigint');
      assert.is(e.revision, BigInt(list.indexOf(w)));
    });
  }
  toString = () =>
    `readStream(${this.stream}, ${this.backwards ? 'back' : 'fwd'}, ${this.from}, ${this.max})`;
}

class ReadAll implements Cmd {
  constructor(readonly backwards: boolean) {}
  check = () => true;
  async run(m: Model, real: Real) {
    const got = await collect(
      real.readAll({ direction: this.backwards ? 'backwards' : 'forwards' }),
    );
    const order = this.backwards ? [...m.order].reverse() : m.order;
    assert.equal(
      got.map((e) => [e.stream, e.revision]),
      order.map((o) => [o.stream, o.revision]),
    );
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [got[i - 1], got[i]];
      if (a === undefined || b === undefined) throw new Error('missing');
      assert.ok(comparePosition(a.position, b.position) * (this.backwards ? -1 : 1) < 0);
    }
  }
  toString = () => `readAll(${this.backwards ? 'back' : 'fwd'})`;
}

const commands = [
  fc
    .tuple(
      streamOf(),
      fc.array(newTestEvent(), { minLength: 1, maxLength: 4 }),
      fc.constantFrom<ExpectKind>('any', 'no_stream', 'stream_exists', 'exact', 'exact', 'stale'),
    )
    .map(([s, es, k]) => new Append(s, es, k)),
  fc.constant(new Retry()),
  fc.nat().map((n) => new Conflict(n)),
  fc
    .tuple(streamOf(), fc.boolean(), fc.nat({ max: 6 }), fc.integer({ min: 1, max: 6 }))
    .map(([s, b, f, n]) => new ReadStream(s, b, f, n)),
  fc.boolean().map((b) => new ReadAll(b)),
];

/** Registers the model-based test: any sequence of commands agrees with the simple model. */
export const contractModel = (test: Test, factory: StoreFactory, numRuns: number): void => {
  test('agrees with a model of streams under any sequence of commands', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const real = await factory.create({ schema: testSchema, maxAppendBytes: 1 << 20 });
        const model: Model = { streams: new Map(), order: [], last: undefined };
        try {
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          await real.close();
        }
      }),
      { numRuns },
    );
  });
};
