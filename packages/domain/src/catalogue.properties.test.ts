import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { products, runCommands } from './testing/fixtures.ts';
import { loanCommands, savingsCommands, shareCommands } from './testing/commandSequences.ts';
import { decodeDomainEvent, encodeDomainEvent, type DomainEvent } from './catalogue.ts';
import { schemaVersionOf } from './upcasting/registry.ts';
import { createDepositDecider } from './deposit/decide.ts';
import { createShareDecider } from './shares/decide.ts';
import { createLoanDecider } from './loan/decide.ts';

const deposit = createDepositDecider({ products });
const shares = createShareDecider({ products });
const loan = createLoanDecider({ products });

/** The events of a generated history of a savings account, a share account and a loan. */
const histories: fc.Arbitrary<ReadonlyArray<DomainEvent>> = fc
  .tuple(savingsCommands, shareCommands, loanCommands('LP'))
  .map(([d, s, l]) => [
    ...runCommands(deposit, d).events, ...runCommands(shares, s).events,
    ...runCommands(loan, l).events,
  ]);

const metadata = {
  eventId: 'c1.0', commandId: 'c1', actor: 'clerk-1', effectiveOn: '2024-04-01', schemaVersion: 1,
};
// As a store writes it: JSON, with metadata at the event type's current schema version.
const stored = (e: unknown) => {
  const json: unknown = JSON.parse(JSON.stringify(e));
  const type = Reflect.get(Object(json), 'type');
  return {
    type, data: Reflect.get(Object(json), 'data'),
    metadata: { ...metadata, schemaVersion: schemaVersionOf(String(type)) },
  };
};

test('every event survives encode, JSON and decode unchanged', () => {
  const seen = new Set<string>();
  fc.assert(fc.property(histories, (events) => {
    for (const e of events) {
      seen.add(e.type);
      const r = decodeDomainEvent(stored(encodeDomainEvent(e)));
      if (E.isLeft(r)) throw r.left;
      const { metadata: _, ...back } = r.right;
      assert.equal(back, e);
    }
  }), { numRuns: 200 });
  // The generators reach the money events: a round trip of nothing would prove nothing.
  for (const t of ['Deposited', 'Withdrawn', 'SharesRedeemed', 'LoanDisbursed', 'RepaymentReceived',
    'EventReversed']) assert.ok(seen.has(t), `never generated ${t}`);
});

// Leaf paths of an event's data: the fields a mutation can hit.
const leaves = (u: unknown, path: ReadonlyArray<string> = []): Array<ReadonlyArray<string>> =>
  typeof u === 'object' && u !== null
    ? Object.entries(u).flatMap(([k, v]) => leaves(v, [...path, k]))
    : [path];

const setAt = (u: unknown, path: ReadonlyArray<string>, value: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(u)) return u.map((x, i) => (String(i) === head ? setAt(x, rest, value) : x));
  if (typeof u !== 'object' || u === null) return u;
  const out: Record<string, unknown> = { ...u };
  if (rest.length === 0 && value === undefined) delete out[head];
  else out[head] = setAt(Reflect.get(u, head), rest, value);
  return out;
};

const mutations = (field: string, original: unknown): ReadonlyArray<unknown> => {
  const all: unknown[] = [undefined, { wrong: 'type' }];
  if (typeof original === 'string' && /^\d+\.\d\d$/.test(original)) all.push(`${original}1`);
  if (typeof original === 'string' && /^\d{4}-\d\d-\d\d$/.test(original)) all.push('2023-02-30');
  if (field.endsWith('Id') || field === 'eventId') all.push('has a space');
  return all;
};

test('an event mutated in a field fails to decode with a message naming that field', () => {
  fc.assert(fc.property(histories, fc.nat(), fc.nat(), fc.nat(), (events, i, j, k) => {
    const e = events[i % Math.max(1, events.length)];
    if (e === undefined) return;
    const data = encodeDomainEvent(e);
    const paths = leaves(Reflect.get(Object(data), 'data'));
    const path = paths[j % paths.length] ?? [];
    const field = path.join('.');
    const original = path.reduce<unknown>((u, p) => Reflect.get(Object(u), p),
      Reflect.get(Object(data), 'data'));
    const options = mutations(path[path.length - 1] ?? '', original);
    const value = options[k % options.length];
    const mutated = { type: e.type, data: setAt(Reflect.get(Object(data), 'data'), path, value) };
    const r = decodeDomainEvent(stored(mutated), { stream: 'test-1', revision: 7n });
    if (E.isRight(r)) {
      assert.unreachable(`decoded after ${field} := ${JSON.stringify(value)}`);
    } else {
      // An array checked as a whole (allocationOrder) is named rather than its element.
      const named = /^\d+$/.test(path[path.length - 1] ?? '') ? path.slice(0, -1).join('.') : field;
      assert.ok(r.left.message.includes(`data.${named}`), `${r.left.message} names data.${named}`);
      assert.ok(r.left.message.startsWith(`stream test-1, revision 7, event ${e.type}:`),
        r.left.message);
    }
  }), { numRuns: 500 });
});

test('the four named mutations fail with the field named', () => {
  const e = { type: 'Deposited', metadata, data: {
    eventId: 'c1.0', accountId: 'A1', memberId: 'M1', on: '2024-04-02', amount: '1000.00',
    source: 'cash', instalmentNumber: null, balanceAfter: '1000.00',
  } };
  assert.ok(E.isRight(decodeDomainEvent(e)));
  const message = (data: Record<string, unknown>) => {
    const r = decodeDomainEvent({
      ...e, data: { ...e.data, ...data } }, { stream: 'deposit-A1', revision: 3n,
    });
    return E.isLeft(r) ? r.left.message : 'decoded';
  };
  assert.is(message({ amount: 1000 }), 'stream deposit-A1, revision 3, event Deposited: ' +
    'data.amount: expected MoneyString, got 1000 (expected a decimal string such as "12.50")');
  const { amount: _, ...missing } = e.data;
  const r = decodeDomainEvent({ ...e, data: missing });
  assert.ok(E.isLeft(r)
    && r.left.message.includes('data.amount: expected MoneyString, got nothing'));
  assert.match(message({ amount: '1000.001' }),
    'data.amount: expected MoneyString, got "1000.001"');
  assert.match(message({ on: '2023-02-30' }), 'data.on: expected DateString, got "2023-02-30"');
  assert.match(message({ name: 'anyone' }), 'data.name: unexpected field');
});

test.run();
