import * as E from 'fp-ts/lib/Either.js';
import type { Decider } from '../../shared/decider.ts';
import { notBefore } from '../../shared/guards.ts';
import type { Rejection } from '../../shared/rejection.ts';
import type {
  ApprovalCommand, ApproveRequest, DeclineRequest, RequestApproval,
} from './commands.ts';
import type { ApprovalEvent } from './events.ts';
import { evolveApproval, initialApprovalState, type ApprovalState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<ApprovalEvent>>;
type Requested = Exclude<ApprovalState, { status: 'none' }>;

const request = (c: RequestApproval['data'], s: ApprovalState): Result => {
  const inner = c.command.data;
  if (s.status !== 'none') {
    return E.left({ type: 'already_exists', aggregate: 'approval', id: s.requestId });
  }
  // Its events would be stored as the maker's: she must be the one asking.
  if (inner.actor !== c.actor) {
    return E.left({ type: 'invalid_request', field: 'data.command.data.actor',
      reason: `the requested command's actor must be the maker, ${c.actor}` });
  }
  // Event ids derive from command ids: the request and its command cannot share one.
  if (inner.commandId === c.commandId) {
    return E.left({ type: 'invalid_request', field: 'data.command.data.commandId',
      reason: 'the requested command needs a command id of its own' });
  }
  return E.right([{ type: 'ApprovalRequested', data: {
    requestId: inner.commandId, makerId: c.actor, command: c.command, on: c.on,
  } }]);
};

// The request named, still pending, and dated no earlier than it.
const pending = (
  c: ApproveRequest['data'] | DeclineRequest['data'], s: ApprovalState,
): E.Either<Rejection, Requested> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'approval', id: c.requestId });
  }
  if (s.requestId !== c.requestId) {
    return E.left({ type: 'wrong_aggregate', aggregate: 'approval', expected: s.requestId,
      got: c.requestId });
  }
  if (s.status !== 'pending') {
    return E.left({ type: 'request_already_decided', requestId: s.requestId, status: s.status });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

const approve = (c: ApproveRequest['data'], s: ApprovalState): Result => {
  const p = pending(c, s);
  if (E.isLeft(p)) return p;
  if (p.right.makerId === c.actor) {
    return E.left({ type: 'same_maker_and_checker', requestId: c.requestId,
      makerId: p.right.makerId, checkerId: c.actor });
  }
  return E.right([{ type: 'RequestApproved', data: {
    requestId: c.requestId, checkerId: c.actor, on: c.on,
  } }]);
};

const decline = (c: DeclineRequest['data'], s: ApprovalState): Result => {
  const p = pending(c, s);
  if (E.isLeft(p)) return p;
  return E.right([{ type: 'RequestDeclined', data: {
    requestId: c.requestId, declinedBy: c.actor, on: c.on,
  } }]);
};

/**
 * The approval-request decider (maker-checker): a request is pending until a second member of
 * staff approves it or someone declines it; a decided request is never decided again, so its
 * command runs at most once. Who may request, approve or decline is the permission table's.
 */
export const createApprovalDecider = ():
  Decider<ApprovalCommand, ApprovalEvent, ApprovalState> => ({
  initialState: initialApprovalState,
  evolve: evolveApproval,
  decide: (command, state) => {
    switch (command.type) {
      case 'RequestApproval': return request(command.data, state);
      case 'ApproveRequest': return approve(command.data, state);
      case 'DeclineRequest': return decline(command.data, state);
    }
  },
});
