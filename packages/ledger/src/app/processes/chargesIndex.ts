import type { Position } from '../../eventStore/position.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { readsFrom } from '../ledger/catchUp.ts';

/** An account a charge rule may apply to, where it was opened. */
export interface ChargeableAccount {
  readonly kind: 'loan' | 'deposit';
  readonly id: string;
  readonly branchId: string;
}

/** The loans, savings accounts and recurring deposits the log holds, in the order opened. */
export interface ChargesIndex {
  /** Reads what the store gained since the last call, then lists those of `branchId`. */
  readonly ofBranch: (branchId: string) => Promise<ReadonlyArray<ChargeableAccount>>;
}

const indexes = new WeakMap<EventStore<LedgerEvent>, ChargesIndex>();

// An account belongs to the branch it was opened at: a member's later transfer moves the
// accounts she opens from then, not the old ones (MemberTransferred). An opening written
// before branches were recorded (null) is at her branch then, which the log, read in order,
// has just told.
const build = (store: EventStore<LedgerEvent>): ChargesIndex => {
  const accounts: ChargeableAccount[] = [];
  const memberBranch = new Map<string, string>();
  let last: Position | undefined;
  const catchUp = readsFrom(store, () => last, (e) => {
    last = e.position;
    const add = (kind: ChargeableAccount['kind'], id: string, d: {
      memberId: string; branchId: string | null;
    }) => {
      const branchId = d.branchId ?? memberBranch.get(d.memberId);
      if (branchId !== undefined) accounts.push({ kind, id, branchId });
    };
    switch (e.type) {
      case 'MemberAdmitted': memberBranch.set(e.data.memberId, e.data.branchId); break;
      case 'MemberTransferred': memberBranch.set(e.data.memberId, e.data.to); break;
      case 'SavingsAccountOpened': case 'RecurringDepositOpened':
        add('deposit', e.data.accountId, e.data); break;
      case 'LoanApplied': add('loan', e.data.loanId, e.data); break;
      default: break;
    }
  });
  return { ofBranch: async (branchId) => {
    await catchUp();
    return accounts.filter((a) => a.branchId === branchId);
  } };
};

/**
 * The index of a store's chargeable accounts, one per store: the first run reads the whole
 * log, each later run only what was stored since (by this Ledger or another). Fixed deposits
 * are left out: no rule charges them.
 */
export const chargesIndexOf = (store: EventStore<LedgerEvent>): ChargesIndex => {
  const held = indexes.get(store);
  if (held !== undefined) return held;
  const made = build(store);
  indexes.set(store, made);
  return made;
};
