import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCommand, routeCommand } from './commandCatalogue.ts';

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

test.run();
