import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  eventIdFor, routeCommand, schemaVersionOf, type DecidableCommand,
} from '@usha/domain';
import {
  loanCommands, products, savingsCommands, shareCommands,
} from '@usha/domain/testing';
import { aggregateDecider } from '../commands/aggregateDecider.ts';
import {
  currentLedgerEvent, decodeLedgerEvent, ledgerEventSchema, type LedgerEvent,
} from './ledgerEvent.ts';

const decider = aggregateDecider(products);
const histories = fc.oneof(savingsCommands, shareCommands, loanCommands('LN'));

// Every event the deciders accept for a history, stored as the Ledger stores it.
const storedEvents = (commands: ReadonlyArray<DecidableCommand>) => {
  const first = commands[0];
  if (first === undefined) return [];
  let s = decider.initial(routeCommand(first).aggregate);
  const out = [];
  for (const c of commands) {
    const r = decider.decide(c, s);
    if (E.isLeft(r)) continue;
    for (const [i, e] of r.right.entries()) {
      const event: LedgerEvent = { ...e, metadata: {
        eventId: eventIdFor(c.data.commandId, i), commandId: c.data.commandId, actor: c.data.actor,
        effectiveOn: c.data.on, schemaVersion: schemaVersionOf(e.type), commandType: c.type,
        commandHash: 'h' } };
      s = decider.evolve(s, e);
      out.push(JSON.parse(JSON.stringify(ledgerEventSchema.encode(event))) as unknown);
    }
  }
  return out;
};

const storedForm = (u: unknown) => ({ type: String(Reflect.get(Object(u), 'type')),
  data: Reflect.get(Object(u), 'data'), metadata: Reflect.get(Object(u), 'metadata') });

test('the check of a current event gives what the full decode gives', () => {
  fc.assert(fc.property(histories, (commands) => {
    for (const u of storedEvents(commands)) {
      const stored = storedForm(u);
      const full = decodeLedgerEvent(stored);
      assert.ok(E.isRight(full));
      assert.equal(currentLedgerEvent(stored), full.right);
      assert.equal(ledgerEventSchema.decode(stored), full);
    }
  }), { numRuns: 60 });
});

test('an event the full decode refuses is never passed by the check', () => {
  const tamper = fc.constantFrom<(d: Record<string, unknown>) => void>(
    (d) => { d['amount'] = '5.5'; }, (d) => { d['on'] = '2024-02-30'; },
    (d) => { d['name'] = 'Asha'; }, (d) => { delete d['memberId']; },
    (d) => { d['accountId'] = 'has space'; }, (d) => { d['balanceAfter'] = '-1.00'; });
  fc.assert(fc.property(histories, tamper, (commands, change) => {
    for (const u of storedEvents(commands)) {
      const stored = storedForm(u);
      const data: Record<string, unknown> = { ...Object(stored.data) };
      change(data);
      const changed = { ...stored, data };
      const full = decodeLedgerEvent(changed);
      if (E.isLeft(full)) {
        assert.is(currentLedgerEvent(changed), undefined);
        assert.equal(ledgerEventSchema.decode(changed), full);
      } else {
        assert.equal(currentLedgerEvent(changed), full.right);
      }
    }
  }), { numRuns: 60 });
});

test('an old schema version and a process record take the full decode', () => {
  const stored = { type: 'Withdrawn', data: {}, metadata: { eventId: 'c.0', commandId: 'c',
    actor: 'a', effectiveOn: '2024-04-01', schemaVersion: 1, commandType: 'Withdraw',
    commandHash: 'h', process: { name: 'repayFromSavings', request: {} } } };
  assert.is(currentLedgerEvent(stored), undefined);
  assert.is(currentLedgerEvent({ ...stored, type: 'RepaymentReceived' }), undefined);
});

test.run();
