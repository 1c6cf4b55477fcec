import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AccountId, LoanId, MemberId } from '@usha/domain';
import { keyOf, type KeyOf } from '../../offHeap/keyHash.ts';
import { weakKey } from '../../offHeap/weakKey.fixture.ts';
import { memberIndex, type MemberEvent } from './memberIndex.ts';
import { plainMemberIndex } from './plainMemberIndex.ts';

const idOf = <T>(is: (u: unknown) => u is T) => (s: string): T => {
  if (!is(s)) throw new Error(`not an id: ${s}`);
  return s;
};
const members = ['M1', 'M2', 'N1', 'N22', 'M3'].map(idOf(MemberId.is));
const accounts = ['SB-1', 'SB-2', 'RD-1', 'FD-1'].map(idOf(AccountId.is));
const loans = ['L1', 'L2', 'K1'].map(idOf(LoanId.is));

const event: fc.Arbitrary<MemberEvent> = fc.oneof(
  fc.record({
    type: fc.constantFrom('MemberAdmitted' as const, 'SharesPurchased' as const),
    data: fc.record({ memberId: fc.constantFrom(...members) }),
  }),
  fc.record({
    type: fc.constantFrom('SavingsAccountOpened' as const, 'RecurringDepositOpened' as const,
      'FixedDepositOpened' as const),
    data: fc.record({
      memberId: fc.constantFrom(...members), accountId: fc.constantFrom(...accounts),
    }),
  }),
  fc.record({
    type: fc.constant('LoanApplied' as const),
    data: fc.record({ memberId: fc.constantFrom(...members), loanId: fc.constantFrom(...loans) }),
  }),
  fc.record({ type: fc.constantFrom('Deposited' as const, 'Withdrawn' as const) }),
);

const check = (keyFn: KeyOf) => fc.property(fc.array(event, { maxLength: 80 }), (events) => {
  const index = memberIndex(keyFn);
  const model = plainMemberIndex();
  for (const e of events) {
    index.observe(e);
    model.observe(e);
  }
  for (const id of [...members, 'absent']) assert.equal(index.get(id), model.get(id), id);
  assert.equal([...index.members()], [...model.members()]);
});

test('the off-heap member index answers as a Map does, under a key where ids collide', () => {
  fc.assert(check(weakKey));
});

test('the off-heap member index answers as a Map does, under the 64-bit key', () => {
  fc.assert(check(keyOf));
});

test('members() lists the members known when it was called', () => {
  const index = memberIndex();
  const [m1, m2] = members;
  if (m1 === undefined || m2 === undefined) throw new Error('unreachable');
  index.observe({ type: 'MemberAdmitted', data: { memberId: m1 } });
  const listed = index.members();
  index.observe({ type: 'MemberAdmitted', data: { memberId: m2 } });
  assert.equal([...listed].map((m) => m.memberId), ['M1']);
  assert.equal([...index.members()].map((m) => m.memberId), ['M1', 'M2']);
});

test.run();
