import type { Command } from '@usha/domain';
import {
  ConditionFailedError, EventIdConflictError, WrongExpectedVersionError,
} from '../../eventStore/errors.ts';
import type {
  AppendCondition, AppendResult, CommandClaim, EventStore,
} from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { PendingEvent } from './decideCommand.ts';
import type { FactSource } from './factSource.ts';
import type { StreamState } from './streamStates.ts';
import { noteEvent, type OpeningNote } from './openingNote.ts';

/** What an append of decided events came to. */
export type AppendStep =
  /**
   * Stored where they were decided to go: right after the state's revision; an opening's note
   * stored before them on the member's stream is `noted`.
   */
  | { readonly kind: 'stored'; readonly result: AppendResult; readonly noted?: PendingEvent }
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
  /**
   * Not stored: a stream the facts were read from moved before the append (`stream`). Read
   * the facts again, then decide again, as for a moved stream.
   */
  | { readonly kind: 'factMoved'; readonly stream: string }
  /** The command id is claimed for another request (stores that claim ids). */
  | { readonly kind: 'claimed'; readonly claim: CommandClaim };

/** What is appended: decided on `target`, for the request `hash` of `command`. */
export interface AppendInput {
  readonly command: Command;
  readonly hash: string;
  readonly target: StreamState;
  readonly events: ReadonlyArray<PendingEvent>;
  /** Where the facts were read (the filled command's `readFrom`): the append's conditions. */
  readonly readFrom?: ReadonlyArray<FactSource>;
  /** An opening's note, appended to the member's stream first (openingNote.ts). */
  readonly note?: OpeningNote;
}

const moved: AppendStep = { kind: 'moved' };

// Someone else wrote first (perhaps this very command); anything else is the store's failure.
const asConflict = (e: unknown): AppendStep => {
  if (e instanceof WrongExpectedVersionError) return moved;
  if (e instanceof EventIdConflictError) return { kind: 'idStored' };
  if (e instanceof ConditionFailedError) return { kind: 'factMoved', stream: e.conditionStream };
  throw e;
};

// The facts' streams as conditions: the target's own is left out (the expected revision
// checks it), a stream read twice at one revision is named once, and a store that takes no
// conditions is given none. Two revisions of one stream are both kept: one of them fails,
// and the facts are read again, consistent this time.
const conditionsOf = (
  store: EventStore<LedgerEvent>, target: string, readFrom: ReadonlyArray<FactSource> = [],
): AppendCondition[] | undefined => {
  if (store.appendConditions === undefined || readFrom.length === 0) return undefined;
  const out: AppendCondition[] = [];
  const seen = new Set<string>();
  for (const { stream, revision } of readFrom) {
    const key = `${revision ?? '-'} ${stream}`;
    if (stream === target || seen.has(key)) continue;
    seen.add(key);
    out.push({ stream, revision: revision ?? 'no_stream' });
  }
  return out.length === 0 ? undefined : out;
};

// The note appended where her membership was read; then the facts' revision of her stream is
// the note's, so the opening is stored only if nothing came to her stream after its note.
const appendNote = async (
  store: EventStore<LedgerEvent>, i: AppendInput, note: OpeningNote,
): Promise<AppendStep | { readonly readFrom: ReadonlyArray<FactSource>;
    readonly noted: PendingEvent }> => {
  const first = i.events[0];
  if (first === undefined) throw new Error('unreachable: an opening decided no event');
  const event = noteEvent(note, i.command.data.commandId, first.metadata);
  let result: AppendResult;
  try {
    result = await store.appendToStream(note.stream, [event],
      { expectedRevision: note.revision ?? 'no_stream' });
  } catch (e) {
    const step = asConflict(e);
    return step.kind === 'moved' ? { kind: 'factMoved', stream: note.stream } : step;
  }
  const at = (note.revision ?? -1n) + 1n;
  // Answered with a note stored before, further on: her stream moved since it was read.
  if (result.nextExpectedRevision !== at) return { kind: 'factMoved', stream: note.stream };
  const readFrom = (i.readFrom ?? []).map((s) => s.stream === note.stream
    ? { stream: s.stream, revision: at } : s);
  return { readFrom, noted: { ...event, stream: note.stream, revision: at } };
};

/**
 * The write step: appends decided events with the state's revision as the expected one, and
 * with the revisions the facts were read at as conditions (where the store takes them). A
 * store whose event ids are unique per stream only cannot refuse the same command id in
 * another stream, so the id is claimed first, once for the whole store (a claim is kept even
 * if the append then meets a conflict: the id stays bound to this request). An opening appends
 * its note to the member's stream before its own events (see OpeningNote).
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
  let readFrom = i.readFrom;
  let noted: PendingEvent | undefined;
  if (i.note !== undefined) {
    const n = await appendNote(store, i, i.note);
    if ('kind' in n) return n;
    ({ readFrom, noted } = n);
  }
  const conditions = conditionsOf(store, target.stream, readFrom);
  const expectedRevision = target.revision ?? 'no_stream';
  let result: AppendResult;
  try {
    result = await store.appendToStream(target.stream, events,
      conditions === undefined ? { expectedRevision } : { expectedRevision, conditions });
  } catch (e) {
    return asConflict(e); // a store that throws at once is one that rejects
  }
  // A store answers an append of events it already holds (the same ids and content) with
  // their revisions, whatever the expected one: elsewhere than decided, the state held was
  // behind the stream, so its events are not this state's to fold.
  const last = (target.revision ?? -1n) + BigInt(events.length);
  if (result.nextExpectedRevision !== last) return moved;
  return noted === undefined ? { kind: 'stored', result } : { kind: 'stored', result, noted };
};
