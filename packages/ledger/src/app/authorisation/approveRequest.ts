import {
  CommandId, DualControlCommand, streamNameFor,
} from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import type { CommandRequest } from '../commands/commandRequest.ts';
import type { StreamStates } from '../commands/streamStates.ts';

/**
 * What approving a request came to: the approval's own outcome (the same shape every command
 * has), and beside it the outcome of the command it ran; `command` is undefined when the
 * request is not approved.
 */
export type ApprovalOutcome = CommandOutcome & { readonly command: CommandOutcome | undefined };

/** What `approveRequest` works with. */
export interface ApproveRequestOptions {
  readonly execute: (input: unknown) => Promise<CommandOutcome>;
  readonly states: StreamStates;
  /** Drops a rejection remembered for the command (an early try refused for want of approval). */
  readonly forget: (commandId: string) => void;
}

// The request approved, named by the outcome (never by reading the caller's input again):
// approved now, or before (a retry, or a second checker).
const approvedId = (o: CommandOutcome): string | undefined => {
  if (o.status === 'accepted') {
    const e = o.events[0]?.event;
    return e?.type === 'RequestApproved' ? e.data.requestId : undefined;
  }
  const r = o.rejection;
  return r.type === 'request_already_decided' && r.status === 'approved' ? r.requestId
    : undefined;
};

/**
 * The checker's approval, then the command it approves. The command keeps its own id, so
 * however many times a request is approved (or the approval retried after a crash between
 * the two steps) it is stored once: a later run is recognised as a duplicate.
 * @example await ledger.approveRequest({ commandId: 'ok-1', actor: 'board-1',
 *   on: '2025-06-02', requestId: 'wo-1' }) // { status: 'accepted', command: accepted }
 */
export const approveRequest = (o: ApproveRequestOptions) =>
  async (request: CommandRequest<'ApproveRequest'>): Promise<ApprovalOutcome> => {
    const approval = await o.execute({ type: 'ApproveRequest', data: request });
    const id = approvedId(approval);
    if (id === undefined || !CommandId.is(id)) return { ...approval, command: undefined };
    const s = await o.states.load(streamNameFor.approval(id), 'approval');
    if (s.state.kind !== 'approval' || s.state.state.status !== 'approved') {
      return { ...approval, command: undefined };
    }
    const command = s.state.state.command;
    o.forget(command.data.commandId);
    return { ...approval, command: await o.execute(DualControlCommand.encode(command)) };
  };
