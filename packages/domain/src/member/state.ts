import type { BusinessDate } from '../dates/businessDate.ts';
import type { BranchId, MemberId } from '../shared/ids.ts';
import type { MemberEvent } from './events.ts';

/** A member: not yet admitted, active, or exited. */
export type MemberState =
  | { readonly status: 'none' }
  | {
    readonly status: 'active' | 'exited';
    readonly memberId: MemberId;
    readonly branchId: BranchId;
    readonly admittedOn: BusinessDate;
    readonly lastOn: BusinessDate;
  };

/** Before admission. */
export const initialMemberState: MemberState = { status: 'none' };

/** Applies one member event. */
export const evolveMember = (state: MemberState, event: MemberEvent): MemberState => {
  switch (event.type) {
    case 'MemberAdmitted': {
      const { memberId, branchId, on } = event.data;
      return { status: 'active', memberId, branchId, admittedOn: on, lastOn: on };
    }
    case 'MemberExited':
      return state.status === 'none' ? state
        : { ...state, status: 'exited', lastOn: event.data.on };
    case 'MemberTransferred':
      return state.status === 'none' ? state
        : { ...state, branchId: event.data.to, lastOn: event.data.on };
    // A note for the Ledger's decisions on her stream: her membership is as it was.
    case 'AccountOpeningNoted':
    // Her fee moves cash into the society's income; her membership is as it was.
    case 'AdmissionFeeCharged':
      return state;
    // Dated like a transfer: a later assignment may not be dated before it.
    case 'FieldOfficerAssigned':
      return state.status === 'none' ? state : { ...state, lastOn: event.data.on };
  }
};
