import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history, products, withFacts } from '../testing/fixtures.ts';
import { zeroTotals } from '../loan/state.ts';
import { evolveDeposit, initialDepositState } from '../deposit/state.ts';
import { evolveShares, initialShareState } from '../shares/state.ts';
import { businessDate } from '../dates/businessDate.ts';
import { createMemberDecider } from './decide.ts';
import type { ExitMemberFacts } from './facts.ts';

const decider = createMemberDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const admit = (shares: number, productId = 'SH') => command('AdmitMember', {
  ...by('c1', '2024-04-01'), memberId: 'M1', branchId: 'SONAGACHI', shareProductId: productId,
  shares,
});
// Her share account: 5 bought, then `then` applied (its purchase reversed, or all redeemed
// and the account closed on exit).
const shareAccount = (then: 'reversed' | 'closed') => {
  const bought = evolveShares(initialShareState, event('SharesPurchased', {
    branchId: 'SONAGACHI', eventId: 's.0', accountId: 'S1', memberId: 'M1', productId: 'SH',
    on: '2024-04-01', shares: 5, faceValue: '10.00', amount: '50.00', sharesAfter: 5 }));
  if (then === 'reversed') {
    return evolveShares(bought, event('EventReversed', { aggregate: 'shares',
      aggregateId: 'M1', memberId: 'M1', on: '2024-04-02', reversedEventId: 's.0',
      reversedEventType: 'SharesPurchased', reason: 'duplicate' }));
  }
  return [event('SharesRedeemed', { eventId: 's2.0', accountId: 'S1', memberId: 'M1',
    productId: 'SH', on: '2025-04-01', shares: 5, faceValue: '10.00', amount: '50.00',
    sharesAfter: 0, forExit: true }),
  event('ShareAccountClosed', { accountId: 'S1', memberId: 'M1', on: '2025-04-01' }),
  ].reduce(evolveShares, bought);
};
// Her streams as the Ledger reads them: a loan owing `loanPaise` of principal, a share
// account holding `shares` (or as `account` left it), `accounts` open savings accounts.
const factsOf = (f: { loanPaise?: bigint; shares?: number; accounts?: number;
  account?: 'reversed' | 'closed' }): ExitMemberFacts => ({
  loans: f.loanPaise === undefined ? [] : [{ totals: { ...zeroTotals, disbursed: f.loanPaise } }],
  shares: f.account !== undefined ? shareAccount(f.account)
    : f.shares === undefined ? initialShareState : evolveShares(initialShareState,
      event('SharesPurchased', { branchId: 'SONAGACHI', eventId: 's.0', accountId: 'S1',
        memberId: 'M1',
        productId: 'SH', on: '2024-04-01', shares: f.shares, faceValue: '10.00',
        amount: '50.00', sharesAfter: f.shares })),
  deposits: Array.from({ length: f.accounts ?? 0 }, (_, i) => evolveDeposit(initialDepositState,
    event('SavingsAccountOpened', { branchId: 'SONAGACHI', accountId: `A${i}`, memberId: 'M1',
      productId: 'SB',
      on: '2024-04-01', rateAnnualPercent: '4', minimumBalance: '100.00' }))),
});
const exit = (facts: Parameters<typeof factsOf>[0], memberId = 'M1') =>
  withFacts(command('ExitMember', { ...by('c2', '2025-04-01'), memberId }), factsOf(facts));

test('a member is admitted at a branch with her share subscription', () => {
  given().when(admit(5)).then([event('MemberAdmitted', {
    memberId: 'M1', branchId: 'SONAGACHI', on: '2024-04-01', shareProductId: 'SH',
    sharesSubscribed: 5,
  })]);
});

test('a member leaves with no loan, no shares and no open account', () => {
  given(admit(5)).when(exit({})).then([event('MemberExited', {
    memberId: 'M1', branchId: 'SONAGACHI', on: '2025-04-01',
  })]);
});

test('her share account settled: she leaves once it is closed, not while a correction left '
  + 'it open and empty', () => {
  given(admit(5)).when(exit({ account: 'reversed' }))
    .thenRejects('share_account_open', { accountId: 'S1' });
  given(admit(5)).when(exit({ account: 'closed' })).then([event('MemberExited', {
    memberId: 'M1', branchId: 'SONAGACHI', on: '2025-04-01',
  })]);
});

test('rejections, in the order they are checked', () => {
  given().when(exit({})).thenRejects('not_found', { aggregate: 'member', id: 'M1' });
  given(admit(5)).when(admit(5)).thenRejects('already_exists');
  given(admit(5)).when(exit({}, 'M2'))
    .thenRejects('wrong_aggregate', { expected: 'M1', got: 'M2' });
  given(admit(5), exit({})).when(exit({})).thenRejects('member_exited');
  given(admit(5)).when(withFacts(command('ExitMember', { ...by('c2', '2024-03-31'),
    memberId: 'M1' }), factsOf({})))
    .thenRejects('date_before_last_event');
  given().when(admit(5, 'XX')).thenRejects('unknown_product');
  given().when(admit(5, 'LN')).thenRejects('wrong_product', { expected: 'share', got: 'loan' });
  given().when(admit(4)).thenRejects('below_minimum_shares', { minimumShares: 5, sharesAfter: 4 });
  given().when(admit(501)).thenRejects('above_maximum_shares', { maximumShares: 500 });
  given(admit(5)).when(exit({ loanPaise: 1n }))
    .thenRejects('loan_outstanding', { outstandingPrincipal: '0.01' });
  given(admit(5)).when(exit({ shares: 5 })).thenRejects('shares_still_held', { sharesHeld: 5 });
  given(admit(5)).when(exit({ account: 'reversed' }))
    .thenRejects('share_account_open', { accountId: 'S1' });
  given(admit(5)).when(exit({ accounts: 1 }))
    .thenRejects('deposits_still_open', { openDepositAccounts: 1 });
});

test('her figures are read from the facts: principal over all loans, a matured deposit open',
  () => {
    const loans = [
      { totals: { ...zeroTotals, disbursed: 500000n, principalRepaid: 200000n } },
      { totals: { ...zeroTotals, disbursed: 100000n, writtenOff: 100000n } },
    ];
    given(admit(5)).when(withFacts(command('ExitMember', { ...by('c2', '2025-04-01'),
      memberId: 'M1' }), { ...factsOf({}), loans }))
      .thenRejects('loan_outstanding', { outstandingPrincipal: '3000.00' });
    const [savings] = factsOf({ accounts: 1 }).deposits;
    const matured = savings === undefined || savings.status === 'none' ? []
      : [{ ...savings, status: 'matured' as const }];
    given(admit(5)).when(withFacts(command('ExitMember', { ...by('c2', '2025-04-01'),
      memberId: 'M1' }), { ...factsOf({}), deposits: matured }))
      .thenRejects('deposits_still_open', { openDepositAccounts: 1 });
  });

// Her accounts' last event dated `accountsLastOn` (none: null).
const transfer = (to: string, on = '2024-10-01', memberId = 'M1',
  accountsLastOn: string | null = null) =>
  withFacts(command('TransferMember', { ...by('c3', on), memberId, to }),
    { accountsLastOn: accountsLastOn === null ? null : businessDate(accountsLastOn) });

test('a member moves to another branch; the event names both', () => {
  given(admit(5)).when(transfer('KALIGHAT')).then([event('MemberTransferred', {
    memberId: 'M1', from: 'SONAGACHI', to: 'KALIGHAT', on: '2024-10-01',
  })]);
  // Her exit afterwards is from the branch she moved to.
  given(admit(5), transfer('KALIGHAT')).when(exit({})).then([event('MemberExited', {
    memberId: 'M1', branchId: 'KALIGHAT', on: '2025-04-01',
  })]);
});

test('a transfer: rejections, in the order they are checked', () => {
  given().when(transfer('KALIGHAT')).thenRejects('not_found', { aggregate: 'member', id: 'M1' });
  given(admit(5)).when(transfer('KALIGHAT', '2024-10-01', 'M2'))
    .thenRejects('wrong_aggregate', { expected: 'M1', got: 'M2' });
  given(admit(5), exit({})).when(transfer('KALIGHAT', '2025-05-01'))
    .thenRejects('member_exited', { memberId: 'M1' });
  given(admit(5)).when(transfer('KALIGHAT', '2024-03-31'))
    .thenRejects('date_before_last_event');
  given(admit(5)).when(transfer('SONAGACHI', '2024-10-01', 'M1', '2024-10-02'))
    .thenRejects('date_before_last_event', { on: '2024-10-01', lastOn: '2024-10-02' });
  given(admit(5)).when(transfer('SONAGACHI'))
    .thenRejects('already_at_branch', { branchId: 'SONAGACHI' });
});

test('a transfer is not dated before her accounts\' last event: their balances move on its '
  + 'date, so one made after it would move a day early', () => {
  given(admit(5)).when(transfer('KALIGHAT', '2024-10-01', 'M1', '2024-10-05'))
    .thenRejects('date_before_last_event', { on: '2024-10-01', lastOn: '2024-10-05' });
  given(admit(5)).when(transfer('KALIGHAT', '2024-10-05', 'M1', '2024-10-05'))
    .then([event('MemberTransferred', { memberId: 'M1', from: 'SONAGACHI', to: 'KALIGHAT',
      on: '2024-10-05' })]);
});

test('an exit without its facts does not compile', () => {
  const admitted = history(decider, [admit(5)]).reduce(decider.evolve, decider.initialState);
  const bare = command('ExitMember', { ...by('c2', '2025-04-01'), memberId: 'M1' });
  // @ts-expect-error ExitMember is decided with ExitMemberFacts, never without them.
  assert.throws(() => decider.decide(bare, admitted), (e: unknown) => e instanceof TypeError);
});

test.run();
