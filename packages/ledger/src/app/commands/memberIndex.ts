import type { AccountId, DepositKind, LoanId, MemberId } from '@usha/domain';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** What streams belong to a member: opaque ids only, from the log. */
export interface MemberStreams {
  readonly memberId: MemberId;
  readonly admitted: boolean;
  readonly hasShares: boolean;
  /** Deposit accounts in the order they were opened, with their kind. */
  readonly deposits: ReadonlyArray<{ readonly accountId: AccountId; readonly kind: DepositKind }>;
  readonly loans: ReadonlyArray<LoanId>;
}

/** The member's streams, found from the log, for the facts a command needs from them. */
export interface MemberIndex {
  readonly get: (memberId: string) => MemberStreams | undefined;
  readonly members: () => ReadonlyArray<MemberStreams>;
  readonly observe: (e: LedgerEvent) => void;
}

const empty = (memberId: MemberId): MemberStreams =>
  ({ memberId, admitted: false, hasShares: false, deposits: [], loans: [] });

/**
 * The index of each member's streams. A member's loans and accounts never change owner, so an
 * index built from the log (the scan at open, then every event the Ledger reads or writes)
 * names them all.
 */
export const memberIndex = (): MemberIndex => {
  const byMember = new Map<string, MemberStreams>();
  const update = (memberId: MemberId, f: (m: MemberStreams) => MemberStreams) =>
    byMember.set(memberId, f(byMember.get(memberId) ?? empty(memberId)));
  const deposit = (memberId: MemberId, accountId: AccountId, kind: DepositKind) =>
    update(memberId, (m) => m.deposits.some((d) => d.accountId === accountId) ? m
      : { ...m, deposits: [...m.deposits, { accountId, kind }] });
  const observe = (e: LedgerEvent): void => {
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
