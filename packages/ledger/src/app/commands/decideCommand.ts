import * as E from 'fp-ts/lib/Either.js';
import {
  eventIdFor, schemaVersionOf, type Command, type CommandId, type DomainEvent, type EventId,
} from '@usha/domain';
import type { LedgerMetadata, StreamEvent } from '../log/ledgerEvent.ts';
import type { ProcessRecord } from '../processes/processRecord.ts';
import { eventUuid } from '../log/eventUuid.ts';
import type { AggregateDecider } from './aggregateDecider.ts';
import type { FetchedCommand } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

/** Where a command stands in a process, written into its events' metadata. */
export interface ProcessStep {
  /** The process this command is a step of. */
  readonly processId?: CommandId;
  /** The process's record, written on its first stored step (see ProcessRecord). */
  readonly processStart?: ProcessRecord;
  /** Marks the step as the process's last. */
  readonly processEnd?: boolean;
}

/** An event about to be appended, already carrying the stream and revision it will have. */
export type PendingEvent = StreamEvent & { readonly eventId: string };

/** What a command comes to on one state: the events to append, or a rejection. */
export type Decision =
  | { readonly kind: 'append'; readonly events: ReadonlyArray<PendingEvent> }
  | { readonly kind: 'reject'; readonly rejection: LedgerRejection };

/** What the decision is taken on. */
export interface DecisionInput {
  readonly command: Command;
  /** The request hash (`commandHash`), recorded in every event's metadata. */
  readonly hash: string;
  readonly target: StreamState;
  /**
   * The command with the facts it is decided with, or why they could not be read. Its
   * `readFrom` names the streams and revisions they were read at: the append is conditioned
   * on those too (see appendDecided), so facts that moved meanwhile are read again.
   */
  readonly filled: E.Either<LedgerRejection, FetchedCommand>;
  readonly step: ProcessStep;
}

const metadataOf = (
  c: Command, hash: string, o: ProcessStep, e: DomainEvent, domainId: EventId,
): LedgerMetadata => {
  const base: LedgerMetadata = {
    eventId: domainId, commandId: c.data.commandId, actor: c.data.actor,
    effectiveOn: c.data.on, schemaVersion: schemaVersionOf(e.type), commandType: c.type,
    commandHash: hash,
  };
  // A step of a process carries its record; a plain command (the usual case) is not spread.
  return o.processId === undefined && o.processStart === undefined && o.processEnd !== true
    ? base : {
      ...base, ...(o.processId === undefined ? {} : { processId: o.processId }),
      ...(o.processStart === undefined ? {} : { process: o.processStart }),
      ...(o.processEnd === true ? { processEnd: true } : {}),
    };
};

// The events as they will be stored, built once, right after `target.revision`: the append
// expects that revision, so on success that is where they are.
const pendingEvents = (
  i: DecisionInput, decided: ReadonlyArray<DomainEvent>,
): PendingEvent[] => {
  const { command: c, target } = i;
  const first = target.revision === undefined ? 0n : target.revision + 1n;
  const events: PendingEvent[] = [];
  for (let n = 0; n < decided.length; n++) {
    const e = decided[n];
    if (e === undefined) continue;
    const domainId = eventIdFor(c.data.commandId, n);
    // One literal rather than a spread of `e` and four more fields (fields added after a
    // spread are slow on Node 20). The cast only restores what TypeScript loses by reading the
    // union's `type` and `data` apart: both come from the same event `e`.
    const event = {
      type: e.type, data: e.data, metadata: metadataOf(c, i.hash, i.step, e, domainId),
      eventId: eventUuid(domainId), stream: target.stream, revision: first + BigInt(n),
    } as PendingEvent;
    events.push(event);
  }
  return events;
};

/**
 * The pure step of a command: its state, the command and its facts in; the events to append
 * (ids derived from the command id, revisions after the state's) or a rejection out. Nothing
 * is read or written. A decider that accepts with no event is a defect, thrown.
 */
export const decideCommand = (decider: AggregateDecider, i: DecisionInput): Decision => {
  const decided = E.isLeft(i.filled) ? i.filled : decider.decide(i.filled.right, i.target.state);
  if (E.isLeft(decided)) return { kind: 'reject', rejection: decided.left };
  if (decided.right.length === 0) {
    throw new Error(`${i.command.type}: a decider decided no event`);
  }
  return { kind: 'append', events: pendingEvents(i, decided.right) };
};
