import type * as t from 'io-ts';
import { CommandId } from '../../shared/ids.ts';
import { commandCodec } from '../../shared/shape.ts';
import { DualControlCommand } from './dualControl.ts';

/**
 * The maker asks for a command that needs a checker. The request's id is the command's own
 * `commandId` (its stream is `approval-<commandId>`); the command's `actor` must be the maker.
 * @example { type: 'RequestApproval', data: { commandId: 'rq-1', actor: 'bm-1',
 *   on: '2025-06-01', command: { type: 'WriteOffLoan', data: { commandId: 'wo-1', ... } } } }
 */
export const RequestApproval = commandCodec('RequestApproval', { command: DualControlCommand });
export type RequestApproval = t.TypeOf<typeof RequestApproval>;

/** The checker approves a pending request; the Ledger then runs its command. */
export const ApproveRequest = commandCodec('ApproveRequest', { requestId: CommandId });
export type ApproveRequest = t.TypeOf<typeof ApproveRequest>;

/** A checker declines a pending request (or the maker withdraws it): it never runs. */
export const DeclineRequest = commandCodec('DeclineRequest', { requestId: CommandId });
export type DeclineRequest = t.TypeOf<typeof DeclineRequest>;

/** The approval requests' commands, by type. */
export const approvalCommands = { RequestApproval, ApproveRequest, DeclineRequest } as const;
export type ApprovalCommand = RequestApproval | ApproveRequest | DeclineRequest;
