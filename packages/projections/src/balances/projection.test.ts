import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CheckpointFormatError } from '../projection.ts';
import { balancesProjection } from './projection.ts';

const member = (memberId: string, deposits: string[]) => ({
  memberId, branchId: 'B1', status: 'active', shareAccountId: null, shares: 0,
  shareCapital: '0', dividendsCredited: '0', deposits, loans: [],
});
const account = (accountId: string, memberId: string) => ({
  accountId, memberId, kind: 'savings', productId: 'SB', status: 'open', balance: '1234',
  interestPosted: '0', instalmentsMissed: 0,
});

test('a checkpoint round-trips, the member keeping her accounts in order', () => {
  const p = balancesProjection();
  const json = { through: '2024-05-01', members: [member('M1', ['A2', 'A1'])],
    deposits: [account('A1', 'M1'), account('A2', 'M1')], loans: [] };
  const s = p.deserialize(json);
  assert.equal(p.serialize(s), json);
  assert.equal(s.members.get('M1')?.deposits, ['A2', 'A1']);
  assert.is(s.deposits.get('A2')?.balance, 1234n);
});

test('a checkpoint whose member lists an account it does not hold, or twice, is refused', () => {
  const p = balancesProjection();
  assert.throws(() => p.deserialize({ through: null, members: [member('M1', ['A9'])],
    deposits: [], loans: [] }), (e: unknown) => e instanceof CheckpointFormatError);
  assert.throws(() => p.deserialize({ through: null,
    members: [member('M1', ['A1']), member('M2', ['A1'])], deposits: [account('A1', 'M1')],
    loans: [] }), (e: unknown) => e instanceof CheckpointFormatError);
});

test.run();
