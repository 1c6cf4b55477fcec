import * as E from 'fp-ts/lib/Either.js';
import {
  eventIdFor, schemaVersionOf, streamNameFor, type AccountOpeningNoted, type CommandId,
} from '@usha/domain';
import type { NewEvent } from '../../eventStore/port.ts';
import { eventUuid } from '../log/eventUuid.ts';
import type { LedgerEvent, LedgerMetadata } from '../log/ledgerEvent.ts';
import type { FactsRead } from './fetchFacts.ts';
import { memberAccountsOf, namesAccount, type AccountReaders } from './memberAccounts.ts';
import type { LedgerRejection } from './outcome.ts';

/**
 * The note an opening appends to the member's stream before its own events: expected at the
 * revision her membership was read at, so the note, and then the opening conditioned on her
 * stream after it, are stored only if her stream did not move since.
 */
export interface OpeningNote {
  readonly stream: string;
  readonly revision: bigint | undefined;
  readonly data: AccountOpeningNoted['data'];
}

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;

/**
 * The facts of an opening, with the note it appends first; none when her stream notes the
 * account already (a retry after the note was stored) or the member index knows it opened.
 * The note is expected where her stream was read for the facts: a move sends it round again.
 */
export const withNote = async <F>(
  r: AccountReaders, data: AccountOpeningNoted['data'], read: Read<F>,
): Read<F> => {
  const f = await read;
  if (E.isLeft(f)) return f;
  const stream = streamNameFor.member(data.memberId);
  const at = f.right.readFrom.find((s) => s.stream === stream);
  // Never read, or never admitted: the decider refuses the opening, and no note is needed.
  if (at?.revision === undefined) return f;
  const held = await memberAccountsOf(r, data.memberId, at);
  if (namesAccount(held.accounts, data.kind, data.id)) return f;
  return E.right({ ...f.right, note: { stream, revision: at.revision, data } });
};

// The note's place among the command's event ids: past any count of events a command decides,
// so its id is never one of theirs.
const noteIndex = 999_999;

/** The note as an event to append, with the opening command's metadata and its own id. */
export const noteEvent = (
  note: OpeningNote, commandId: CommandId, metadata: LedgerMetadata,
): NewEvent<LedgerEvent> => {
  const domainId = eventIdFor(commandId, noteIndex);
  // A plain command's record: a note is never a step of a process, nor its end.
  const m: LedgerMetadata = {
    actor: metadata.actor, commandHash: metadata.commandHash, commandId: metadata.commandId,
    commandType: metadata.commandType, effectiveOn: metadata.effectiveOn, eventId: domainId,
    schemaVersion: schemaVersionOf('AccountOpeningNoted'),
  };
  return { type: 'AccountOpeningNoted', data: note.data, metadata: m,
    eventId: eventUuid(domainId) };
};
