import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { combine } from '../combine.ts';
import { checkpoint, restore } from '../projection.ts';
import { balancesProjection } from './projection.ts';

// Written by the balances before their tables were described once (shapes.ts), from
// everyProductHistory(): a checkpoint already on disk somewhere must keep opening.
const written = readFileSync(new URL('./balancesCheckpointV1.fixture.json', import.meta.url),
  'utf8').trimEnd();

test('a balances checkpoint written before the tables were described once opens, and '
  + 'writes back the same text', () => {
  const p = combine({ balances: balancesProjection() });
  const s = restore(p, written).states.balances;
  assert.is(checkpoint(p, restore(p, written)), written);
  const l = s.loans.get('L0-1');
  assert.equal([l?.status, l?.disbursedOn, l?.disbursed, l?.principalRepaid, l?.writtenOff,
    l?.interestPaid, l?.interestWaived, l?.penaltiesCharged, l?.penaltiesPaid,
    l?.penaltiesWrittenOff, l?.feesCharged, l?.feesPaid, l?.feesWrittenOff, l?.recovered],
  ['written_off', '2024-04-04', 600000n, 37188n, 562812n, 5900n, 100n, 2233n, 1234n, 999n,
    6566n, 5678n, 888n, 7000n]);
  assert.is(l?.scheduleLength, 6);
  assert.equal(s.members.get('M2')?.deposits, ['A2', 'F2-2024-04-06', 'R2-2024-04-07']);
  assert.is(s.members.get('M1')?.dividendsCredited, 1234n);
  assert.is(s.members.get('M1')?.shares, 13);
  assert.equal(s.deposits.get('R2-2024-04-07'),
    { accountId: 'R2-2024-04-07', memberId: 'M2', kind: 'recurring', productId: 'RD',
      status: 'open', balance: 0n, interestPosted: 0n, instalmentsMissed: 1 });
  assert.is(s.deposits.get('F2-2024-04-06')?.interestPosted, 9250n);
});

test('a checkpoint amount that is not a whole number of paise is refused, naming the field',
  () => {
    const p = combine({ balances: balancesProjection() });
    const bad = written.replace('"dividendsCredited":"1234"', '"dividendsCredited":"12.34"');
    assert.is.not(bad, written);
    assert.throws(() => restore(p, bad), (e: unknown) => e instanceof Error
      && e.name === 'CheckpointFormatError' && e.message.includes('dividendsCredited'));
  });

test.run();
