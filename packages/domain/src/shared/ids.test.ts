import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { decodeCommand } from '../commandCatalogue.ts';
import { isCodeId, isNumberedId, memberIdFor } from './ids.ts';

const uuid = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

test('member, account and loan ids: a prefix of letters and a number, or a UUID', () => {
  for (const s of ['M-0001', 'M1', 'SAV-12', 'SB-M-0001', 'ln-0042', 'M-99999999', uuid]) {
    assert.ok(isNumberedId(s), s);
  }
  for (const s of ['Rekha-Pramanik-9830012345', 'M-9830012345', '9830012345', 'Rekha Pramanik',
    'NOBODY', 'x', 'M-', '0001', 'M_0001', 'M-0001-2', 'Pramanik12', '']) {
    assert.not.ok(isNumberedId(s), s);
  }
});

test('branch, product and user ids: letters, a number optional, or a UUID', () => {
  for (const s of ['SONAGACHI', 'SB', 'clerk', 'clerk-1', 'B1', 'mgr-1', uuid]) {
    assert.ok(isCodeId(s), s);
  }
  for (const s of ['9830012345', 'clerk-9830012345', 'Rekha Pramanik', 'B_1', '1B', '']) {
    assert.not.ok(isCodeId(s), s);
  }
});

test('memberIdFor mints M-0001 from 1, and refuses what is not a member number', () => {
  assert.equal([memberIdFor(1), memberIdFor(42), memberIdFor(99_999_999)],
    ['M-0001', 'M-0042', 'M-99999999']);
  for (const n of [0, -1, 1.5, 100_000_000, Number.NaN]) {
    assert.throws(() => memberIdFor(n), (e: unknown) => e instanceof RangeError);
  }
});

test('an admission naming her by name and phone is invalid, naming the field only', () => {
  const r = decodeCommand({ type: 'AdmitMember', data: { commandId: 'c1', actor: 'clerk-1',
    on: '2024-04-01', memberId: 'Rekha-Pramanik-9830012345', branchId: 'SONAGACHI',
    shareProductId: 'SH', shares: 5 } });
  assert.ok(E.isLeft(r));
  if (E.isRight(r)) return;
  assert.equal(r.left.fields.map((f) => [f.path, f.expected, f.got]),
    [['data.memberId', 'MemberId', '"(withheld: 25 characters)"']]);
  assert.not.ok(r.left.message.includes('9830012345'));
});

test('an actor with a phone number in it is refused on every command', () => {
  const r = decodeCommand({ type: 'ExitMember', data: { commandId: 'c1',
    actor: 'clerk-9830012345', on: '2024-04-01', memberId: 'M1' } });
  assert.ok(E.isLeft(r) && r.left.fields.map((f) => f.path).join() === 'data.actor');
});

test.run();
