import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '../dates/businessDate.ts';
import type { DepositState } from '../deposit/state.ts';
import { AccountId, MemberId, ProductId } from '../shared/ids.ts';
import { emptyPersistentMap } from '../shared/persistentMap.ts';
import { rdInstalmentDue } from './amountDue.ts';

const d = businessDate;
const must = <A>(is: (u: unknown) => u is A, u: string): A => {
  if (!is(u)) throw new Error(u);
  return u;
};

// A recurring deposit of Rs 500 a month for 3 months, opened on 31 January.
const rd = (more: Partial<Exclude<DepositState, { status: 'none' }>> = {}): DepositState => ({
  status: 'open', kind: 'recurring', accountId: must(AccountId.is, 'RD-1'),
  memberId: must(MemberId.is, 'M1'), productId: must(ProductId.is, 'RD'),
  openedOn: d('2025-01-31'), lastOn: d('2025-01-31'), balance: 0n, instalment: 50000n,
  termMonths: 3, term: null, maturesOn: null, instalmentsPaid: 0, instalmentsMissed: [],
  interestPostedThrough: null, postings: emptyPersistentMap(), liens: {}, ...more });

test('an RD instalment is due on the opening day of each month of its term, month-end kept',
  () => {
  assert.equal(rdInstalmentDue(rd(), d('2025-01-31')), { kind: 'due', amount: 50000n });
  assert.equal(rdInstalmentDue(rd(), d('2025-02-28')), { kind: 'due', amount: 50000n });
  assert.equal(rdInstalmentDue(rd(), d('2025-03-31')), { kind: 'due', amount: 50000n });
  assert.equal(rdInstalmentDue(rd(), d('2025-03-30')), { kind: 'not_due' });
  assert.equal(rdInstalmentDue(rd(), d('2025-04-30')), { kind: 'not_due' }, 'beyond the term');
});

test('an RD whose instalments are all paid has none due; a closed one refuses', () => {
  assert.equal(rdInstalmentDue(rd({ instalmentsPaid: 3 }), d('2025-03-31')), { kind: 'not_due' });
  assert.equal(rdInstalmentDue(rd({ status: 'closed' }), d('2025-02-28')),
    { kind: 'refused', reason: 'account_closed' });
  assert.equal(rdInstalmentDue(rd({ kind: 'savings' }), d('2025-02-28')),
    { kind: 'refused', reason: 'wrong_account' });
  assert.equal(rdInstalmentDue({ status: 'none' }, d('2025-02-28')),
    { kind: 'refused', reason: 'not_found' });
});

test.run();
