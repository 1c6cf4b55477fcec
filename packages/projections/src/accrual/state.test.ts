import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyAccrual, move, movesOf, type AccrualAccount } from './state.ts';

const account = (accountId: string): AccrualAccount => ({
  accountId, memberId: 'M1', kind: 'savings', productId: 'SB', rateAnnualPercent: '4',
  openedOn: '2024-04-01', status: 'open', head: -1, tail: -1, count: 0, interestPosted: 0n,
});

test('balance changes come back in order and exact, however wide, across chunks', () => {
  const s = emptyAccrual();
  const a = account('A');
  const b = account('B');
  const wide = [2147483648n, -2147483648n, 9007199254740993n, 2147483647n, -2147483647n];
  for (let i = 0; i < 40_000; i += 1) move(s.moves, i % 2 === 0 ? a : b, 19_800 + i, BigInt(i));
  wide.forEach((x, k) => move(s.moves, a, 20_000 + k, x));
  const got = movesOf(s.moves, a);
  assert.is(got.days.length, 20_005);
  assert.equal(got.amounts.slice(-5), wide);
  assert.equal(got.amounts.slice(0, 3), [0n, 2n, 4n]);
  assert.equal(movesOf(s.moves, b).days.slice(-1), [19_800 + 39_999]);
  assert.is(a.count, 20_005);
});

test.run();
