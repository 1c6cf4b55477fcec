import type * as t from 'io-ts';
import { CommandId, UserId } from '../../shared/ids.ts';
import { DateString } from '../../shared/codecs.ts';
import { eventCodec } from '../../shared/shape.ts';
import { DualControlCommand } from './dualControl.ts';

/**
 * A command that needs a checker was requested by `makerId`; it is kept whole (it carries ids,
 * codes, dates and amounts only), so the checker approves exactly what will run.
 */
export const ApprovalRequested = eventCodec('ApprovalRequested', {
  requestId: CommandId,
  makerId: UserId,
  command: DualControlCommand,
  on: DateString,
});
export type ApprovalRequested = t.TypeOf<typeof ApprovalRequested>;

/** A second member of staff approved the request; its command may now run, once. */
export const RequestApproved = eventCodec('RequestApproved', {
  requestId: CommandId,
  checkerId: UserId,
  on: DateString,
});
export type RequestApproved = t.TypeOf<typeof RequestApproved>;

/** The request was declined by a checker or withdrawn by its maker: it never runs. */
export const RequestDeclined = eventCodec('RequestDeclined', {
  requestId: CommandId,
  declinedBy: UserId,
  on: DateString,
});
export type RequestDeclined = t.TypeOf<typeof RequestDeclined>;

/** The approval requests' events, by type. */
export const approvalEvents = { ApprovalRequested, RequestApproved, RequestDeclined } as const;
export type ApprovalEvent = ApprovalRequested | RequestApproved | RequestDeclined;
