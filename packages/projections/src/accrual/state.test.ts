import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyAccrual, move, movesOf, release, type AccrualAccount } from './state.ts';

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

test('rows let go are used again before the columns grow, wide amounts kept exact', () => {
  const s = emptyAccrual();
  const a = account('A');
  const b = account('B');
  move(s.moves, a, 1, 5n);
  move(s.moves, a, 2, 9007199254740993n);
  move(s.moves, b, 3, 7n);
  release(s.moves, a);
  assert.equal(movesOf(s.moves, a), { days: [], amounts: [] });
  assert.is(s.moves.wide.size, 0);
  move(s.moves, b, 4, -3n);
  move(s.moves, b, 5, -4294967296n);
  move(s.moves, b, 6, 1n);
  assert.is(s.moves.size, 4);
  assert.equal(movesOf(s.moves, b), { days: [3, 4, 5, 6], amounts: [7n, -3n, -4294967296n, 1n] });
  assert.equal([...s.moves.wide.values()], [-4294967296n]);
  assert.is(b.count, 4);
});

test.run();
