import type { BusinessDate } from '../../dates/businessDate.ts';
import type { CommandId, UserId } from '../../shared/ids.ts';
import type { DualControlCommand } from './dualControl.ts';
import type { ApprovalEvent } from './events.ts';

/** A request: none, pending its checker, approved (its command may run) or declined. */
export type ApprovalState =
  | { readonly status: 'none' }
  | {
    readonly status: 'pending' | 'approved' | 'declined';
    readonly requestId: CommandId;
    readonly makerId: UserId;
    readonly command: DualControlCommand;
    readonly requestedOn: BusinessDate;
    /** Who approved or declined it; null while pending. */
    readonly decidedBy: UserId | null;
    readonly lastOn: BusinessDate;
  };

/** Before the request. */
export const initialApprovalState: ApprovalState = { status: 'none' };

/** Applies one approval event. */
export const evolveApproval = (state: ApprovalState, event: ApprovalEvent): ApprovalState => {
  switch (event.type) {
    case 'ApprovalRequested': {
      const { requestId, makerId, command, on } = event.data;
      return { status: 'pending', requestId, makerId, command, requestedOn: on,
        decidedBy: null, lastOn: on };
    }
    case 'RequestApproved':
      return state.status === 'none' ? state : { ...state, status: 'approved',
        decidedBy: event.data.checkerId, lastOn: event.data.on };
    case 'RequestDeclined':
      return state.status === 'none' ? state : { ...state, status: 'declined',
        decidedBy: event.data.declinedBy, lastOn: event.data.on };
  }
};
