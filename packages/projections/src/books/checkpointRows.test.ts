import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { everyProductHistory } from '../testing/everyProductHistory.ts';
import { booksProjection } from './projection.ts';

type Json = { codes: string[]; balances: string[]; daily: Array<[string, string[]]>;
  years: Array<[string, string[]]>; branchBooks?: unknown };

// The checkpoint as code written before account 1240 existed wrote it: that column left out,
// and no branch part (the books kept branches later still).
const without = (j: Json, code: string): Json => {
  const k = j.codes.indexOf(code);
  const drop = <T>(r: T[]) => r.filter((_, i) => i !== k);
  const { branchBooks: _, ...society } = j;
  return { ...society, codes: drop(j.codes), balances: drop(j.balances),
    daily: j.daily.map(([d, r]) => [d, drop(r)]), years: j.years.map(([y, r]) => [y, drop(r)]) };
};

test('a books checkpoint made before the top-up clearing account reads, that account zero',
  () => {
    const books = booksProjection();
    const s = replay(combine({ books }), everyProductHistory()).states.books;
    const now = books.serialize(s) as Json;
    const k = now.codes.indexOf('1240');
    assert.ok(k > 0);
    assert.is(now.balances[k], '0');
    const old = without(now, '1240');
    assert.is(old.codes.length, now.codes.length - 1);
    const { branchBooks: _, ...society } = now;
    assert.equal(books.serialize(books.deserialize(old)), society);
  });

test('a books checkpoint naming an account the chart lacks is refused', () => {
  const books = booksProjection();
  const j = books.serialize(books.initialState()) as Json;
  assert.throws(() => books.deserialize({ ...j, codes: [...j.codes.slice(1), '9999'] }),
    /another chart of accounts/);
});

test.run();
