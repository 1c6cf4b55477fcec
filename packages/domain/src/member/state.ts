import type { BusinessDate } from '../dates/businessDate.ts';
import type { BranchId, MemberId } from '../shared/ids.ts';
import { markReversed, type PostingRecord } from '../shared/correction.ts';
import { emptyPersistentMap, mapSet, type PersistentMap } from '../shared/persistentMap.ts';
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
    /** Her admission fee, by event id: what a reversal may name (none before version 2). */
    readonly fees: PersistentMap<PostingRecord>;
  };

/** Before admission. */
export const initialMemberState: MemberState = { status: 'none' };

/** Applies one member event. */
export const evolveMember = (state: MemberState, event: MemberEvent): MemberState => {
  switch (event.type) {
    case 'MemberAdmitted': {
      const { memberId, branchId, on } = event.data;
      return { status: 'active', memberId, branchId, admittedOn: on, lastOn: on,
        fees: emptyPersistentMap() };
    }
    case 'MemberExited':
      return state.status === 'none' ? state
        : { ...state, status: 'exited', lastOn: event.data.on };
    case 'MemberTransferred':
      return state.status === 'none' ? state
        : { ...state, branchId: event.data.to, lastOn: event.data.on };
    // A note for the Ledger's decisions on her stream: her membership is as it was.
    case 'AccountOpeningNoted':
      return state;
    // Her fee moves cash into the society's income; kept by id, so a reversal can name it.
    case 'AdmissionFeeCharged':
      return state.status === 'none' ? state : { ...state, fees: mapSet(state.fees, 
        event.data.eventId, { eventType: event.type, reversed: false }) };
    // Dated like her other events: a later one may not be dated before it.
    case 'EventReversed':
      return state.status === 'none' ? state : { ...state, lastOn: event.data.on,
        fees: markReversed(state.fees, event.data.reversedEventId) };
    // Dated like a transfer: a later assignment may not be dated before it.
    case 'FieldOfficerAssigned':
      return state.status === 'none' ? state : { ...state, lastOn: event.data.on };
  }
};
