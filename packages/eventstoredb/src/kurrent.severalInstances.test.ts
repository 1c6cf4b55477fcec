// App instances with connections of their own to one KurrentDB: each instance's store has its
// own client, so the adapter's per-store locks do not order them. With `appendConditions:
// 'atomic'` the server checks an append's conditions as it commits (AppendRecords), and no
// write between an instance's decision and its append can be missed; checked before the
// append, a write in that round trip is (the window the EventStoreDB guide names). The test
// servers run in a child process (see kurrentFactory.ts).
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ConditionFailedError, isAccepted, ledgerEventSchema, StreamNotFoundError,
} from '@usha/ledger';
import type { NewEvent } from '@usha/ledger';
import {
  againstModel, ledgerOver, plans, runPlan, setUp, unset, type Scenario,
} from '@usha/ledger/testing';
import { collect, nextEventId, testSchema } from '@usha/testing';
import type { TestEvent } from '@usha/testing';
import { createEventStoreDbStore } from './eventStoreDbStore.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import { startTestServerProcess } from './testServer/serverProcess.ts';
import type { RemoteTestServer } from './testServer/serverProcess.ts';

const servers = startTestServerProcess();
let server: RemoteTestServer | undefined;
const clients: KurrentDBClient[] = [];

const connect = async (): Promise<KurrentDBClient> => {
  server ??= await servers.start({ batchAppend: true, appendRecords: true });
  // One discovery interval (500 ms by default) passes before a first read: 10 ms here.
  const c = KurrentDBClient.connectionString(`${server.connectionString}&discoveryInterval=10`);
  clients.push(c);
  return c;
};

const deposit = (amount: string): NewEvent<TestEvent> => ({
  eventId: nextEventId(), type: 'Deposited',
  data: { account: 'acc-1', amount, sequence: 1n }, metadata: { commandId: 'cmd-1' },
});

// The stream an append through a client goes to (classic, or the first record's).
const targetOf = (key: PropertyKey, args: unknown[]): string => {
  const first = args[0];
  if (key === 'appendToStream') return String(first);
  const record: unknown = Array.isArray(first) ? first[0] : undefined;
  return typeof record === 'object' && record !== null
    ? String(Reflect.get(record, 'streamName')) : '';
};

// A client whose sends (AppendRecords, and classic appends) to a stream whose name holds
// `to` wait until `open` is called: the instance has decided and read its conditions, and its
// append is on the way.
const held = (client: EventStoreClient, to = '') => {
  let open = () => undefined as void;
  const gate = new Promise<void>((r) => { open = r; });
  let sent = () => undefined as void;
  const waiting = new Promise<void>((r) => { sent = r; });
  const wrapped = new Proxy(client, {
    get: (target, key) => {
      const v: unknown = Reflect.get(target, key);
      if ((key !== 'appendRecords' && key !== 'appendToStream') || typeof v !== 'function') {
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return async (...args: unknown[]) => {
        if (!targetOf(key, args).includes(to)) return Reflect.apply(v, target, args);
        sent();
        await gate;
        return Reflect.apply(v, target, args);
      };
    },
  });
  return { client: wrapped, open: () => open(), waiting };
};

// Instance A appends to loan-1 conditioned on member-1 as it read it; instance B writes
// member-1 while A's append is on its way. What each mode stores.
const raceThroughTwoInstances = async (mode: 'atomic' | 'checked-before', prefix: string) => {
  const a = held(await connect());
  const common = { schema: testSchema, streamPrefix: prefix, appendConditions: mode };
  const storeA = createEventStoreDbStore({ ...common, client: a.client });
  const storeB = createEventStoreDbStore({ ...common, client: await connect() });
  try {
    const r0 = (await storeB.appendToStream('member-1', [deposit('1.00')])).nextExpectedRevision;
    const pending = storeA.appendToStream('loan-1', [deposit('2.00')],
      { expectedRevision: 'no_stream', conditions: [{ stream: 'member-1', revision: r0 }] });
    await a.waiting;
    await storeB.appendToStream('member-1', [deposit('3.00')]);
    a.open();
    const outcome = await pending.then(() => undefined, (e: unknown) => e);
    const loan = await collect(storeB.readStream('loan-1', { notFoundAsEmpty: true }))
      .catch((e: unknown) => {
        if (e instanceof StreamNotFoundError) return [];
        throw e;
      });
    return { r0, outcome, loan: loan.map((e) => 'amount' in e.data ? e.data.amount : '') };
  } finally {
    await storeA.close();
    await storeB.close();
  }
};

test('conditions atomic: a write to the condition stream through another instance, landing '
  + 'while an append is on its way, refuses the append, and nothing of it is stored', async () => {
  const { r0, outcome, loan } = await raceThroughTwoInstances('atomic', 'atomic-');
  assert.instance(outcome, ConditionFailedError);
  if (outcome instanceof ConditionFailedError) {
    assert.equal({ stream: outcome.stream, conditionStream: outcome.conditionStream,
      expected: outcome.expected, actual: outcome.actual },
    { stream: 'loan-1', conditionStream: 'member-1', expected: r0, actual: r0 + 1n });
  }
  assert.equal(loan, []);
});

test('conditions checked before the append: the same write is missed and the append stored '
  + '(the window of a round trip that the atomic mode closes)', async () => {
  const { outcome, loan } = await raceThroughTwoInstances('checked-before', 'before-');
  assert.is(outcome, undefined);
  assert.equal(loan, ['2.00']);
});

// Instance A opens a fixed deposit for M1 (its note on her stream, then its events conditioned
// on her stream after the note); instance B takes her exit while A's events are on their way.
const openingAndExit = async (mode: 'atomic' | 'checked-before') => {
  const a = held(await connect(), 'FD-M1');
  const common = { schema: ledgerEventSchema, streamPrefix: `opening-${mode}-`,
    appendConditions: mode };
  const storeA = createEventStoreDbStore({ ...common, client: a.client });
  const storeB = createEventStoreDbStore({ ...common, client: await connect() });
  try {
    const ledgerA = await ledgerOver(storeA);
    const ledgerB = await ledgerOver(storeB);
    for (const input of unset.setup) {
      const o = await ledgerB.execute(input);
      if (!isAccepted(o)) assert.unreachable(`${input.type}: ${o.rejection.type}`);
    }
    const on = '2024-04-02';
    const opening = ledgerA.execute({ type: 'OpenFixedDeposit', data: { commandId: 'open-FD-M1',
      actor: 'clerk', on, accountId: 'FD-M1', memberId: 'M1', productId: 'FD',
      principal: '1000', termMonths: 12 } });
    await a.waiting;
    const exit = await ledgerB.execute({ type: 'ExitMember',
      data: { commandId: 'exit-M1', actor: 'clerk', on, memberId: 'M1' } });
    a.open();
    const opened = await opening;
    const fd: string[] = [];
    for await (const e of storeB.readAll()) {
      if (e.stream.includes('FD-M1')) fd.push(e.type);
    }
    await ledgerA.close();
    await ledgerB.close();
    return { exit: isAccepted(exit) ? 'accepted' : exit.rejection,
      opened: isAccepted(opened) ? 'accepted' : opened.rejection, fd };
  } finally {
    await storeA.close();
    await storeB.close();
  }
};

test('conditions atomic: her exit through one instance while another\'s opening of her fixed '
  + 'deposit is on its way (after its note): the opening is decided again and refused',
async () => {
  assert.equal(await openingAndExit('atomic'), { exit: 'accepted',
    opened: { type: 'member_exited', memberId: 'M1' }, fd: [] });
});

test('conditions checked before: the same opening is stored for a member who has left (the '
  + 'window the guide names)', async () => {
  assert.equal(await openingAndExit('checked-before'),
    { exit: 'accepted', opened: 'accepted', fd: ['FixedDepositOpened'] });
});

// Each run in streams of its own (the adapter's prefix), over the one server.
let run = 0;

// One run of the several-Ledgers property, each Ledger an instance with a client of its own.
const property = async (o: { readonly runs: number; readonly scenario?: Scenario }) => {
  const own = [await connect(), await connect()];
  const main = await connect();
  const storeOver = (client: EventStoreClient, prefix: string) =>
    createEventStoreDbStore({ client, schema: ledgerEventSchema, streamPrefix: prefix,
      appendConditions: 'atomic' });
  await fc.assert(fc.asyncProperty(fc.scheduler(), plans(2, o.scenario), async (s, plan) => {
    const prefix = `run${run++}-`;
    const store = storeOver(main, prefix);
    const instances = own.map((c) => storeOver(c, prefix));
    try {
      const r = await runPlan({ s, store, instances, ledgers: 2, plan,
        fresh: () => Promise.resolve(storeOver(main, `run${run++}-`)),
        ...(o.scenario === undefined ? {} : { scenario: o.scenario }) });
      const { actual, expected } = againstModel(r, o.scenario);
      assert.equal(actual, expected);
    } finally {
      await store.close();
      for (const i of instances) await i.close();
    }
  }), { numRuns: o.runs });
};

test('two Ledgers, each with a KurrentDB client of its own, conditions atomic: the log they '
  + 'write is the one a single Ledger writes taking the accepted commands in log order, and '
  + 'what must be refused is', async () => {
  await property({ runs: 30 });
});

test('the same with the society and staff set up as they run, and a process left unfinished '
  + 'that one of two instances opening on it completes', async () => {
  await property({ runs: 6, scenario: setUp });
});

test.after(async () => {
  for (const c of clients) await c.dispose();
  await servers.close();
});
test.run();
