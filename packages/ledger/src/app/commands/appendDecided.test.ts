// The write step against a real store: each way an append of decided events can end.
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand, isFactless, type Command } from '@usha/domain';
import { activeMember } from '@usha/domain/testing';
import type { FetchedCommand } from './fetchFacts.ts';
import type { CommandClaim, EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, products } from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import { appendDecided, type AppendStep } from './appendDecided.ts';
import { decideCommand } from './decideCommand.ts';
import type { StreamState } from './streamStates.ts';

const decider = aggregateDecider(products);

// The commands here are decided on their stream alone, or on the membership of M1, admitted
// (what the Ledger reads from her stream): they go to the decider with nothing else.
const factless = (c: Command): FetchedCommand => {
  switch (c.type) {
    case 'OpenSavingsAccount': case 'MakeDeposit': return { ...c, facts: activeMember('M1') };
    default:
      if (!isFactless(c)) throw new Error(`${c.type} needs facts`);
      return c;
  }
};

const open = (commandId: string, accountId: string): Command => {
  const c = decodeCommand({ type: 'OpenSavingsAccount', data: { commandId, actor: 'clerk',
    on: '2024-05-01', accountId, memberId: 'M1', productId: 'SB' } });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

const empty = (stream: string): StreamState =>
  ({ stream, state: decider.initial('deposit'), revision: undefined });

// Decides `c` on `target` and appends it: what the handler does in one try.
const tryAppend = (store: EventStore<LedgerEvent>, c: Command, target: StreamState) => {
  const d = decideCommand(decider, { command: c, hash: `h-${c.data.commandId}`, target,
    filled: E.right(factless(c)), step: {} });
  if (d.kind !== 'append') throw new Error('refused');
  return appendDecided(store, { command: c, hash: `h-${c.data.commandId}`, target,
    events: d.events });
};

const kind = (s: AppendStep) => s.kind === 'stored'
  ? `stored at ${s.result.nextExpectedRevision}` : s.kind;

test('stored where decided; moved when the stream moved; idStored when held elsewhere',
  async () => {
    const store = memoryStore();
    assert.is(kind(await tryAppend(store, open('O-1', 'SB-1'), empty('deposit-SB-1'))),
      'stored at 0');
    // Decided again on the empty state: the stream has moved on since.
    assert.is(kind(await tryAppend(store, open('O-2', 'SB-1'), empty('deposit-SB-1'))),
      'moved');
    // The same command id for another stream: its event id is stored in deposit-SB-1.
    assert.is(kind(await tryAppend(store, open('O-1', 'SB-2'), empty('deposit-SB-2'))),
      'idStored');
  });

test('events the store already holds further on are moved, not stored where decided',
  async () => {
    const store = memoryStore();
    const first = open('O-1', 'SB-1');
    assert.is(kind(await tryAppend(store, first, empty('deposit-SB-1'))), 'stored at 0');
    const c = decodeCommand({ type: 'MakeDeposit', data: { commandId: 'D-1', actor: 'clerk',
      on: '2024-05-01', accountId: 'SB-1', amount: '10', source: 'cash' } });
    if (E.isLeft(c)) throw new Error(c.left.message);
    const at0 = empty('deposit-SB-1');
    const opened = decideCommand(decider, { command: first, hash: 'h-O-1', target: at0,
      filled: E.right(factless(first)), step: {} });
    const state = opened.kind === 'append' && opened.events[0] !== undefined
      ? decider.evolve(at0.state, opened.events[0]) : at0.state;
    const target: StreamState = { stream: 'deposit-SB-1', state, revision: 0n };
    const d = decideCommand(decider, { command: c.right, hash: 'h-D-1', target,
      filled: E.right(factless(c.right)), step: {} });
    const events = d.kind === 'append' ? d.events : [];
    const write = (t: StreamState) =>
      appendDecided(store, { command: c.right, hash: 'h-D-1', target: t, events });
    assert.is(kind(await write(target)), 'stored at 1');
    // Retried from the revision it was decided on, the store's answer is where it was decided.
    assert.is(kind(await write(target)), 'stored at 1');
    // From a state that lacks revision 0, the same events are answered at 1: not its to fold.
    assert.is(kind(await write(at0)), 'moved');
  });

test('a claim held by another request is returned, and nothing is appended', async () => {
  const store = memoryStore();
  const taken: CommandClaim = { commandId: 'O-1', commandType: 'Withdraw', stream: 'deposit-X',
    commandHash: 'other' };
  const { eventIdScope: _scope, ...perStream } = store;
  const claiming: EventStore<LedgerEvent> = { ...perStream,
    claimCommandId: () => Promise.resolve(taken) };
  assert.equal(await tryAppend(claiming, open('O-1', 'SB-1'), empty('deposit-SB-1')),
    { kind: 'claimed', claim: taken });
  let count = 0;
  for await (const _ of store.readAll()) count += 1;
  assert.is(count, 0);
});

test('a fact stream that moved is factMoved; the target and repeats are left out of the '
  + 'conditions, and a store without conditions is given none', async () => {
    const store = memoryStore();
    const sent: unknown[] = [];
    const spy = (s: EventStore<LedgerEvent>): EventStore<LedgerEvent> => ({ ...s,
      appendToStream: (stream, events, o) => {
        sent.push(o?.conditions);
        return s.appendToStream(stream, events, o);
      } });
    const admit = decodeCommand({ type: 'AdmitMember', data: { commandId: 'A-1',
      actor: 'clerk', on: '2024-05-01', memberId: 'M1', branchId: 'SONAGACHI',
      shareProductId: 'SH', shares: 10 } });
    if (E.isLeft(admit)) throw new Error(admit.left.message);
    const member = { stream: 'member-M1', state: decider.initial('member'), revision: undefined };
    const admitted = decideCommand(decider, { command: admit.right, hash: 'h-A-1',
      target: member, filled: E.right(factless(admit.right)), step: {} });
    if (admitted.kind !== 'append') throw new Error('admission refused');
    assert.is(kind(await appendDecided(store, { command: admit.right, hash: 'h-A-1',
      target: member, events: admitted.events })), 'stored at 0');
    const c = open('O-1', 'SB-1');
    const target = empty('deposit-SB-1');
    const d = decideCommand(decider, { command: c, hash: 'h-O-1', target,
      filled: E.right(factless(c)), step: {} });
    const events = d.kind === 'append' ? d.events : [];
    const readFrom = [{ stream: 'member-M1', revision: undefined },
      { stream: 'deposit-SB-1', revision: undefined },
      { stream: 'member-M1', revision: undefined }];
    const write = (s: EventStore<LedgerEvent>) =>
      appendDecided(s, { command: c, hash: 'h-O-1', target, events, readFrom });
    // Decided on no member stream, which has an event now.
    assert.equal(await write(spy(store)), { kind: 'factMoved', stream: 'member-M1' });
    assert.equal(sent, [[{ stream: 'member-M1', revision: 'no_stream' }]]);
    const { appendConditions: _a, ...unconditioned } = store;
    assert.is(kind(await write(spy(unconditioned))), 'stored at 0');
    assert.equal(sent[1], undefined);
  });

test.run();
