import type { BusinessDate } from '../dates/businessDate.ts';
import type { BranchId, UserId } from '../shared/ids.ts';
import type { StaffEvent } from './events.ts';
import type { StaffRole } from './role.ts';

/** A member of staff: never appointed, in post, or revoked. */
export type StaffState =
  | { readonly status: 'none' }
  | {
    readonly status: 'active' | 'revoked';
    readonly staffId: UserId;
    readonly role: StaffRole;
    readonly branchId: BranchId | null;
    readonly appointedOn: BusinessDate;
    readonly lastOn: BusinessDate;
  };

/** Before any appointment. */
export const initialStaffState: StaffState = { status: 'none' };

/** Applies one staff event. */
export const evolveStaff = (state: StaffState, event: StaffEvent): StaffState => {
  switch (event.type) {
    case 'StaffAppointed': {
      const { staffId, role, branchId, on } = event.data;
      return { status: 'active', staffId, role, branchId, appointedOn: on, lastOn: on };
    }
    case 'StaffRevoked':
      return state.status === 'none' ? state
        : { ...state, status: 'revoked', lastOn: event.data.on };
  }
};
