import { test } from 'uvu';
import { spec } from '../../../testing/src/decider/deciderSpecification.ts';
import { by, command, event, history, products } from '../testSupport.ts';
import { createMemberDecider } from './decide.ts';

const decider = createMemberDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const admit = (shares: number, productId = 'SH') => command('AdmitMember', {
  ...by('c1', '2024-04-01'), memberId: 'M1', branchId: 'SONAGACHI', shareProductId: productId,
  shares,
});
const exit = (facts: { loan?: string; shares?: number; accounts?: number }, memberId = 'M1') =>
  command('ExitMember', {
    ...by('c2', '2025-04-01'), memberId, outstandingLoanPrincipal: facts.loan ?? '0',
    sharesHeld: facts.shares ?? 0, openDepositAccounts: facts.accounts ?? 0,
  });

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

test('rejections, in the order they are checked', () => {
  given().when(exit({})).thenRejects('not_found', { aggregate: 'member', id: 'M1' });
  given(admit(5)).when(admit(5)).thenRejects('already_exists');
  given(admit(5)).when(exit({}, 'M2'))
    .thenRejects('wrong_aggregate', { expected: 'M1', got: 'M2' });
  given(admit(5), exit({})).when(exit({})).thenRejects('member_exited');
  given(admit(5)).when(command('ExitMember', { ...by('c2', '2024-03-31'), memberId: 'M1',
    outstandingLoanPrincipal: '0', sharesHeld: 0, openDepositAccounts: 0 }))
    .thenRejects('date_before_last_event');
  given().when(admit(5, 'XX')).thenRejects('unknown_product');
  given().when(admit(5, 'LN')).thenRejects('wrong_product', { expected: 'share', got: 'loan' });
  given().when(admit(4)).thenRejects('below_minimum_shares', { minimumShares: 5, sharesAfter: 4 });
  given().when(admit(501)).thenRejects('above_maximum_shares', { maximumShares: 500 });
  given(admit(5)).when(exit({ loan: '0.01' }))
    .thenRejects('loan_outstanding', { outstandingPrincipal: '0.01' });
  given(admit(5)).when(exit({ shares: 5 })).thenRejects('shares_still_held', { sharesHeld: 5 });
  given(admit(5)).when(exit({ accounts: 1 }))
    .thenRejects('deposits_still_open', { openDepositAccounts: 1 });
});

test.run();
