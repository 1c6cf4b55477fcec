// The pure step: a state, a command and its facts in; the events to append, or a rejection.
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand, isFactless, type Command } from '@usha/domain';
import { activeMember } from '@usha/domain/testing';
import type { FetchedCommand } from './fetchFacts.ts';
import { eventUuid } from '../log/eventUuid.ts';
import { products } from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import { decideCommand, type Decision } from './decideCommand.ts';
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
const by = (commandId: string) => ({ commandId, actor: 'clerk', on: '2024-05-01' });

const command = (type: string, data: Record<string, unknown>): Command => {
  const c = decodeCommand({ type, data });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

const decide = (c: Command, target: StreamState, step = {}): Decision =>
  decideCommand(decider, { command: c, hash: `hash-${c.data.commandId}`, target,
    filled: E.right(factless(c)), step });

// The account's stream as the pure step builds it, event by event: no store.
const account = (): StreamState => {
  let s: StreamState = { stream: 'deposit-SB-1', state: decider.initial('deposit'),
    revision: undefined };
  for (const c of [
    command('OpenSavingsAccount', { ...by('open'), accountId: 'SB-1', memberId: 'M1',
      productId: 'SB' }),
    command('MakeDeposit', { ...by('dep'), accountId: 'SB-1', amount: '1000', source: 'cash' }),
  ]) {
    const d = decide(c, s);
    if (d.kind !== 'append') throw new Error('refused');
    for (const e of d.events) {
      s = { ...s, state: decider.evolve(s.state, e), revision: e.revision };
    }
  }
  return s;
};

test('an accepted command becomes events right after the state, ids from its id', () => {
  const d = decide(command('Withdraw', { ...by('W-1'), accountId: 'SB-1', amount: '100' }),
    account());
  const events = d.kind === 'append' ? d.events : [];
  assert.equal(events.map((e) => [e.type, e.stream, e.revision, e.eventId]),
    [['Withdrawn', 'deposit-SB-1', 2n, eventUuid('W-1.0')]]);
  assert.equal(events[0]?.metadata, { eventId: 'W-1.0', commandId: 'W-1', actor: 'clerk',
    effectiveOn: '2024-05-01', schemaVersion: 1, commandType: 'Withdraw',
    commandHash: 'hash-W-1' });
  assert.equal(events[0]?.type === 'Withdrawn' && events[0].data.balanceAfter, '900.00');
});

test('a refused command is a rejection, and facts that could not be read are one too', () => {
  const target = account();
  const c = command('Withdraw', { ...by('W-2'), accountId: 'SB-1', amount: '950' });
  assert.equal(decide(c, target),
    { kind: 'reject', rejection: { type: 'below_minimum_balance', minimumBalance: '100.00',
      balanceAfter: '50.00' } });
  const unread = { type: 'cannot_compute', field: 'rate', reason: 'no rate' } as const;
  assert.equal(decideCommand(decider, { command: c, hash: 'h', target, filled: E.left(unread),
    step: {} }), { kind: 'reject', rejection: unread });
});

test('a step of a process carries the process in every event', () => {
  const d = decide(command('Withdraw', { ...by('P:1'), accountId: 'SB-1', amount: '100' }),
    account(), { processId: 'P', processEnd: true });
  const m = d.kind === 'append' ? d.events[0]?.metadata : undefined;
  assert.equal([m?.processId, m?.processEnd, m?.process], ['P', true, undefined]);
});

test('the same input decides the same events (nothing read, no clock)', () => {
  const c = command('Withdraw', { ...by('W-3'), accountId: 'SB-1', amount: '100' });
  assert.equal(decide(c, account()), decide(c, account()));
});

test.run();
