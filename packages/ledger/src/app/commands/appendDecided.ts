import type { Command } from '@usha/domain';
import { EventIdConflictError, WrongExpectedVersionError } from '../../eventStore/errors.ts';
import type { AppendResult, CommandClaim, EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { PendingEvent } from './decideCommand.ts';
import type { StreamState } from './streamStates.ts';

/** What an append of decided events came to. */
export type AppendStep =
  /** Stored where they were decided to go: right after the state's revision. */
  | { readonly kind: 'stored'; readonly result: AppendResult }
  /**
   * Not stored by this append: another writer moved the stream, or the store answered with
   * these events where it already held them, further on (another writer stored this very
   * command after events this state lacks). Read the stream again, then decide again.
   */
  | { readonly kind: 'moved' }
  /**
   * Not stored: an event id of the command is stored already, in another stream or with
   * other content. Learn what other writers stored, then read and decide again.
   */
  | { readonly kind: 'idStored' }
  /** The command id is claimed for another request (stores that claim ids). */
  | { readonly kind: 'claimed'; readonly claim: CommandClaim };

/** What is appended: decided on `target`, for the request `hash` of `command`. */
export interface AppendInput {
  readonly command: Command;
  readonly hash: string;
  readonly target: StreamState;
  readonly events: ReadonlyArray<PendingEvent>;
}

const moved: AppendStep = { kind: 'moved' };

// Someone else wrote first (perhaps this very command); anything else is the store's failure.
const asConflict = (e: unknown): AppendStep => {
  if (e instanceof WrongExpectedVersionError) return moved;
  if (e instanceof EventIdConflictError) return { kind: 'idStored' };
  throw e;
};

/**
 * The write step: appends decided events with the state's revision as the expected one. A
 * store whose event ids are unique per stream only cannot refuse the same command id in
 * another stream, so the id is claimed first, once for the whole store (a claim is kept even
 * if the append then meets a conflict: the id stays bound to this request).
 */
export const appendDecided = async (
  store: EventStore<LedgerEvent>, i: AppendInput,
): Promise<AppendStep> => {
  const claim = store.eventIdScope === 'store' ? undefined : store.claimCommandId;
  if (claim !== undefined) {
    const held = await claim({ commandId: i.command.data.commandId, commandType: i.command.type,
      stream: i.target.stream, commandHash: i.hash });
    if (held.commandHash !== i.hash) return { kind: 'claimed', claim: held };
  }
  const { target, events } = i;
  let result: AppendResult;
  try {
    result = await store.appendToStream(target.stream, events,
      { expectedRevision: target.revision ?? 'no_stream' });
  } catch (e) {
    return asConflict(e); // a store that throws at once is one that rejects
  }
  // A store answers an append of events it already holds (the same ids and content) with
  // their revisions, whatever the expected one: elsewhere than decided, the state held was
  // behind the stream, so its events are not this state's to fold.
  const last = (target.revision ?? -1n) + BigInt(events.length);
  return result.nextExpectedRevision === last ? { kind: 'stored', result } : moved;
};
