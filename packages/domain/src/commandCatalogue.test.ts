import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCommand, routeCommand } from './commandCatalogue.ts';
import { hostileValues } from './testing/hostileValues.ts';

const base = { commandId: 'c1', actor: 'clerk-1', on: '2024-04-01' };
const fails = (input: unknown): string => {
  const r = decodeCommand(input);
  return E.isLeft(r) ? r.left.message : 'decoded';
};

test('a command decodes, amounts written canonically', () => {
  const r = decodeCommand({ type: 'Withdraw', data: { ...base, accountId: 'A1', amount: '500' } });
  assert.ok(E.isRight(r) && r.right.type === 'Withdraw' && r.right.data.amount === '500.00');
  if (E.isRight(r)) {
    assert.equal(routeCommand(r.right), { aggregate: 'deposit', stream: 'deposit-A1' });
  }
});

test('invalid input gets a typed error naming each field, never an exception', () => {
  assert.is(fails({ type: 'Withdraw', data: { ...base, accountId: 'A1', amount: '12.345' } }),
    'Withdraw: data.amount: expected PositiveMoneyInput, got "12.345" ' +
    '("12.345" has 3 decimals; the currency has 2)');
  assert.match(fails({ type: 'Withdraw', data: { ...base, accountId: 'A1', amount: '0' } }),
    'data.amount: expected PositiveMoneyInput, got "0"');
  assert.match(fails({ type: 'Withdraw', data: { ...base, on: '2023-02-30', accountId: 'A1',
    amount: '1' } }), 'data.on: expected DateString, got "2023-02-30"');
  assert.match(fails({ type: 'AdmitMember', data: { ...base, memberId: 'M1', branchId: 'B1',
    shareProductId: 'SH', shares: 5, name: 'anyone' } }), 'data.name: unexpected field');
  assert.match(fails({ type: 'ApplyForLoan', data: { ...base, loanId: 'L1' } }),
    'data.memberId: expected MemberId, got nothing');
  assert.match(fails({ type: 'Teleport', data: {} }), 'Teleport: type: expected one of');
  assert.match(fails(null), 'type: expected one of');
  assert.match(fails('Withdraw'), 'type: expected one of');
});

test('fields every object inherits are still unexpected fields (own properties checked)', () => {
  const withdraw = { ...base, accountId: 'A1', amount: '5' };
  for (const k of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
    const message = fails({ type: 'Withdraw', data: { ...withdraw, [k]: 'Asha Das +91 98300' } });
    assert.is(message, `Withdraw: data.${k}: unexpected field: events and commands carry ` +
      'only the fields they name');
  }
  const own = JSON.parse(JSON.stringify({ type: 'Withdraw', data: withdraw })
    .replace('"accountId"', '"__proto__":{"name":"Asha"},"accountId"'));
  assert.match(fails(own), 'data.__proto__: expected a field name other than __proto__');
  assert.match(fails({ type: 'Withdraw', data: withdraw, name: 'Asha' }),
    'Withdraw: name: unexpected field');
});

test('an amount with spaces around it is refused', () => {
  for (const amount of [' 5', '5 ', '\t5.00', '5\n']) {
    assert.match(fails({ type: 'Withdraw', data: { ...base, accountId: 'A1', amount } }),
      'data.amount: expected PositiveMoneyInput');
    assert.match(fails({ type: 'Withdraw', data: { ...base, accountId: 'A1', amount } }),
      '(an amount has no spaces around it)');
  }
});

test('a count in a command is at most MAX_COMMAND_COUNT', () => {
  const admit = (shares: number) => ({ type: 'AdmitMember', data: { ...base, memberId: 'M1',
    branchId: 'B1', shareProductId: 'SH', shares } });
  assert.is(fails(admit(1_000_000)), 'decoded');
  assert.is(fails(admit(1_000_001)), 'AdmitMember: data.shares: expected PositiveCountInput, ' +
    'got 1000001 (expected a whole number from 1 to 1000000)');
});

test('any hostile value anywhere is a typed error naming its path, never an exception', () => {
  for (const [name, make] of Object.entries(hostileValues)) {
    const inAmount = decodeCommand({ type: 'Withdraw', data: { ...base, accountId: 'A1',
      amount: make() } });
    assert.ok(E.isLeft(inAmount), name);
    if (E.isLeft(inAmount)) {
      assert.is(inAmount.left.commandType, 'Withdraw', name);
      assert.is(inAmount.left.commandId, 'c1', name);
      assert.ok(inAmount.left.fields[0]?.path.startsWith('data.amount'), name);
    }
    assert.ok(E.isLeft(decodeCommand({ type: 'Withdraw', data: make() })), name);
    assert.ok(E.isLeft(decodeCommand(make())), name);
  }
});

test('an error names at most 10 fields, each in a bounded message', () => {
  const data = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`f${i}`, 'x'.repeat(4000)]));
  const r = decodeCommand({ type: 'Withdraw', data });
  assert.ok(E.isLeft(r));
  if (E.isLeft(r)) {
    assert.is(r.left.fields.length, 10);
    assert.ok(r.left.fields.every((f) => f.message.length <= 240));
    assert.ok(r.left.message.length < 2600);
  }
});

test.run();
