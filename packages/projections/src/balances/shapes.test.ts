import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Field, RowShape } from '../core/rowShape.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { everyProductHistory } from '../testing/everyProductHistory.ts';
import { balancesProjection } from './projection.ts';
import { depositShape, loanShape, memberShape } from './shapes.ts';

const unwritten = (f: Field, v: unknown): boolean => {
  switch (f.kind) {
    case 'amount': return v === 0n;
    case 'count': case 'place': return v === 0;
    case 'id': return v === '';
    case 'optionalId': case 'date': return v === null;
    case 'flag': return v === f.values[0];
    case 'list': return Array.isArray(v) && v.length === 0;
    case 'link': return false;
  }
};

// The described fields that no row holds a value of other than a new row's.
const neverWritten = (shape: RowShape, rows: Iterable<Record<string, unknown>>): string[] => {
  const left = new Set(Object.keys(shape.fields).filter((k) => shape.fields[k]?.kind !== 'link'));
  for (const row of rows) {
    for (const k of left) {
      if (!unwritten(shape.fields[k] ?? { kind: 'link' }, row[k])) left.delete(k);
    }
  }
  return [...left];
};

test('every described field of the balances is written by some event', () => {
  const h = everyProductHistory();
  const s = replay(combine({ balances: balancesProjection() }), h).states.balances;
  assert.equal(neverWritten(memberShape, s.members.values()), [], 'members');
  assert.equal(neverWritten(depositShape, s.deposits.values()), [], 'deposits');
  assert.equal(neverWritten(loanShape, s.loans.values()), [], 'loans');
});

test.run();
