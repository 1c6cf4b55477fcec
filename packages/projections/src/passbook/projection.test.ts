import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkpoint, ProjectionVersionError, restore } from '../projection.ts';
import { passbook } from './passbook.ts';
import { passbookProjection } from './projection.ts';

// A state as version 2 wrote it: no page's first date.
const v2State = {
  through: '2025-04-10',
  accounts: [{ accountId: 'SB-1', memberId: 'M1', kind: 'savings', balance: '10000',
    lines: [['2025-04-10', 'By cash', '0', '10000', '10000']] }],
};

test('a version 2 checkpoint is refused as another version, to be rebuilt by replay', () => {
  const text = JSON.stringify({ projection: 'passbook@2', state: v2State });
  assert.throws(() => restore(passbookProjection(), text),
    (e: unknown) => e instanceof ProjectionVersionError && e.got === 'passbook@2');
});

test('a page\'s first date survives a checkpoint: as of a date before it, no page', () => {
  const p = passbookProjection();
  const s = p.deserialize({ ...v2State,
    accounts: v2State.accounts.map((a) => ({ ...a, firstOn: '2025-04-08' })) });
  const back = restore(p, checkpoint(p, s));
  assert.equal(passbook(back, 'M1', { asOf: '2025-04-07' }).pages, []);
  assert.equal(passbook(back, 'M1', { asOf: '2025-04-08' }).pages,
    [{ accountId: 'SB-1', kind: 'savings', lines: [], balance: 0n }]);
  assert.equal(passbook(back, 'M1', { asOf: '2025-04-10' }).pages.map((pg) => pg.balance),
    [10000n]);
});

test.run();
