import type { AccountId, DepositKind, MemberId } from '@usha/domain';
import type { MemberEvent, MemberIndex, MemberStreams } from './memberIndex.ts';

const empty = (memberId: MemberId): MemberStreams =>
  ({ memberId, admitted: false, hasShares: false, deposits: [], loans: [] });

/**
 * The member index as a Map of objects on the heap: the plain twin of `memberIndex`, kept as
 * the model its property test checks it against.
 */
export const plainMemberIndex = (): MemberIndex => {
  const byMember = new Map<string, MemberStreams>();
  const update = (memberId: MemberId, f: (m: MemberStreams) => MemberStreams) =>
    byMember.set(memberId, f(byMember.get(memberId) ?? empty(memberId)));
  const deposit = (memberId: MemberId, accountId: AccountId, kind: DepositKind) =>
    update(memberId, (m) => m.deposits.some((d) => d.accountId === accountId) ? m
      : { ...m, deposits: [...m.deposits, { accountId, kind }] });
  const observe = (e: MemberEvent): void => {
    switch (e.type) {
      case 'MemberAdmitted': update(e.data.memberId, (m) => ({ ...m, admitted: true })); break;
      case 'SharesPurchased': update(e.data.memberId, (m) => ({ ...m, hasShares: true })); break;
      case 'SavingsAccountOpened': deposit(e.data.memberId, e.data.accountId, 'savings'); break;
      case 'RecurringDepositOpened':
        deposit(e.data.memberId, e.data.accountId, 'recurring'); break;
      case 'FixedDepositOpened': deposit(e.data.memberId, e.data.accountId, 'fixed'); break;
      case 'LoanApplied':
        update(e.data.memberId, (m) => m.loans.includes(e.data.loanId) ? m
          : { ...m, loans: [...m.loans, e.data.loanId] });
        break;
      default: break;
    }
  };
  return { get: (id) => byMember.get(id), members: () => [...byMember.values()], observe };
};
