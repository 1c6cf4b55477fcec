import * as E from 'fp-ts/lib/Either.js';
import {
  eventIdFor, routeCommand, schemaVersionOf, type AggregateKind, type Command, type CommandId,
  type DomainEvent, type EventId,
} from '@usha/domain';
import { EventIdConflictError, WrongExpectedVersionError } from '../../eventStore/errors.ts';
import type { AppendResult, EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { LedgerEvent, LedgerMetadata, StreamEvent } from '../log/ledgerEvent.ts';
import type { ProcessRecord } from '../processes/processRecord.ts';
import { eventUuid } from '../log/eventUuid.ts';
import type { AggregateDecider } from './aggregateDecider.ts';
import type { Backoff } from './backoff.ts';
import type { CommandIndex, CommandRef } from './commandIndex.ts';
import { commandHash } from './commandHash.ts';
import { keyedMutex } from './keyedMutex.ts';
import type { Accepted, CommandOutcome, LedgerRejection, Rejected } from './outcome.ts';
import type { RejectionMemo } from './rejectionMemo.ts';
import { streamStates, type StreamState, type StreamStates } from './streamStates.ts';

/** Fills in the figures the Ledger computes, from the target stream's state and others. */
export type FillFacts = (c: Command, target: StreamState) =>
  E.Either<LedgerRejection, Command> | Promise<E.Either<LedgerRejection, Command>>;

/** How one command is handled. */
export interface HandleOptions {
  /** The process this command is a step of, written into its events' metadata. */
  readonly processId?: CommandId;
  /** The process's record, written on its first stored step (see ProcessRecord). */
  readonly processStart?: ProcessRecord;
  /** Marks the step as the process's last. */
  readonly processEnd?: boolean;
  readonly fill?: FillFacts;
}

/** Decides and stores decoded commands; see `createCommandHandler`. */
export interface CommandHandler {
  readonly handle: (c: Command, options?: HandleOptions) => Promise<CommandOutcome>;
  readonly states: StreamStates;
}

export interface CommandHandlerOptions {
  readonly store: EventStore<LedgerEvent>;
  readonly decider: AggregateDecider;
  readonly commands: CommandIndex;
  readonly observe: (e: StreamEvent) => void;
  readonly memo: RejectionMemo;
  readonly backoff: Backoff;
  /** Attempts before `concurrency_conflict`; default 10. */
  readonly maxAttempts?: number;
  /** Told the position of every append this handler makes (read-your-writes for queries). */
  readonly written?: (position: Position) => void;
  /**
   * Reads what other writers stored since the Ledger last looked (observed into the indexes):
   * run before a command is tried again, so an id another Ledger stored is recognised.
   */
  readonly catchUp?: () => Promise<void>;
}

const rejected = (commandId: string, rejection: LedgerRejection, duplicate = false): Rejected =>
  ({ status: 'rejected', commandId, rejection, duplicate });

/** An event about to be appended, already carrying the stream and revision it will have. */
type Pending = StreamEvent & { readonly eventId: string };

const metadataOf = (
  c: Command, hash: string, o: HandleOptions, e: DomainEvent, domainId: EventId,
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

// The events as they will be stored, built once: the store is asked to put them right after
// `target.revision`, so on success that is where they are (checked when the append returns).
const pendingEvents = (
  c: Command, hash: string, o: HandleOptions, target: StreamState,
  decided: ReadonlyArray<DomainEvent>,
): Pending[] => {
  const first = target.revision === undefined ? 0n : target.revision + 1n;
  const events: Pending[] = [];
  for (let i = 0; i < decided.length; i++) {
    const e = decided[i];
    if (e === undefined) continue;
    const domainId = eventIdFor(c.data.commandId, i);
    // One literal rather than a spread of `e` and four more fields (fields added after a
    // spread are slow on Node 20). The cast only restores what TypeScript loses by reading the
    // union's `type` and `data` apart: both come from the same event `e`.
    const event = {
      type: e.type, data: e.data, metadata: metadataOf(c, hash, o, e, domainId),
      eventId: eventUuid(domainId), stream: target.stream, revision: first + BigInt(i),
    } as Pending;
    events.push(event);
  }
  return events;
};

// Someone else wrote first (perhaps this very command): read again and decide again.
const retryOnConflict = (e: unknown): 'retry' => {
  if (e instanceof WrongExpectedVersionError || e instanceof EventIdConflictError) return 'retry';
  throw e;
};

const noOptions: HandleOptions = {};

/** What one try of a command comes to: an outcome, or read again and decide again. */
type Step = CommandOutcome | 'retry' | 'stale';

/**
 * The command loop: take the aggregate's state held in memory (or load it: cached state plus
 * what the stream gained), recognise a retry, fill in the Ledger's figures, decide, and append
 * with the revision held. A rejection decided on the held state is decided again on a fresh
 * read. A concurrent
 * writer's append (wrong expected version) makes it read and decide again, up to `maxAttempts`
 * with back-off. Commands on one stream queue up within this Ledger.
 */
export const createCommandHandler = (o: CommandHandlerOptions): CommandHandler => {
  const states = streamStates({ store: o.store, decider: o.decider, observe: o.observe });
  const mutex = keyedMutex();
  const maxAttempts = o.maxAttempts ?? 10;

  const original = async (c: Command, ref: CommandRef): Promise<Accepted> => {
    const events = [];
    for await (const e of o.store.readStream(ref.stream,
      { fromRevision: ref.firstRevision, maxCount: ref.count })) events.push(e);
    const last = events[events.length - 1];
    if (last === undefined) throw new Error(`command ${ref.commandId}: its events are gone`);
    return {
      status: 'accepted', commandId: ref.commandId, commandType: c.type, stream: ref.stream,
      events: events.map((e) => ({ eventId: e.eventId, revision: e.revision, event: e })),
      revision: last.revision, position: last.position, duplicate: true,
    };
  };

  // Whether the command was seen before: its original outcome, or a refusal of a reused id.
  // Synchronous unless it was: a new command (the usual case) goes on without a promise.
  const seen = (
    c: Command, hash: string,
  ): Promise<CommandOutcome> | CommandOutcome | undefined => {
    const id = c.data.commandId;
    const ref = o.commands.get(id);
    if (ref !== undefined) {
      return ref.commandHash === hash ? original(c, ref) : rejected(id,
        { type: 'command_id_reused', commandId: id, originalCommandType: ref.commandType });
    }
    const memo = o.memo.get(id);
    if (memo === undefined) return undefined;
    return memo.commandHash === hash ? rejected(id, memo.rejection, true) : rejected(id,
      { type: 'command_id_reused', commandId: id, originalCommandType: 'rejected command' });
  };

  // The append went through: the events are where they were meant to be (a store that says
  // otherwise is believed: they are re-stamped with its revisions).
  const accepted = (
    c: Command, target: StreamState, pending: Pending[], result: AppendResult,
  ): Accepted => {
    const from = result.nextExpectedRevision - BigInt(pending.length) + 1n;
    const stored = pending[0]?.revision === from ? pending
      : pending.map((e, i) => ({ ...e, revision: from + BigInt(i) }));
    states.advance(target, stored);
    o.written?.(result.position);
    return {
      status: 'accepted', commandId: c.data.commandId, commandType: c.type,
      stream: target.stream,
      events: stored.map((e) => ({ eventId: e.eventId, revision: e.revision, event: e })),
      revision: result.nextExpectedRevision, position: result.position, duplicate: false,
    };
  };

  // `cached`: decided on the state held in memory, not read just now. An acceptance is still
  // checked by the store (the expected revision); a rejection is not, so it is decided again
  // on a fresh read ('stale') before it is returned. No promise unless something waits: the
  // facts to fill in, or the store's append.
  const attempt = (
    c: Command, hash: string, target: StreamState, options: HandleOptions, cached: boolean,
  ): Step | Promise<Step> => {
    const fill = options.fill === undefined ? E.right(c) : options.fill(c, target);
    return fill instanceof Promise
      ? fill.then((filled) => decideAndAppend(c, hash, target, options, cached, filled))
      : decideAndAppend(c, hash, target, options, cached, fill);
  };

  const decideAndAppend = (
    c: Command, hash: string, target: StreamState, options: HandleOptions, cached: boolean,
    filled: E.Either<LedgerRejection, Command>,
  ): Step | Promise<Step> => {
    const id = c.data.commandId;
    const decided = E.isLeft(filled) ? filled : o.decider.decide(filled.right, target.state);
    if (E.isLeft(decided) && cached) return 'stale';
    if (E.isLeft(decided)) {
      o.memo.remember(id, { commandHash: hash, rejection: decided.left });
      return rejected(id, decided.left);
    }
    if (decided.right.length === 0) throw new Error(`${c.type}: a decider decided no event`);
    const pending = pendingEvents(c, hash, options, target, decided.right);
    const append = (): Promise<Step> => {
      let appended: Promise<AppendResult>;
      try {
        appended = o.store.appendToStream(target.stream, pending,
          { expectedRevision: target.revision ?? 'no_stream' });
      } catch (e) {
        appended = Promise.reject(e); // a store that throws at once is one that rejects
      }
      return appended.then((result) => accepted(c, target, pending, result), retryOnConflict);
    };
    // A store whose event ids are unique per stream only cannot refuse the same command id in
    // another stream: the id is claimed first, once for the whole store.
    const claim = o.store.eventIdScope === 'store' ? undefined : o.store.claimCommandId;
    if (claim === undefined) return append();
    return claim({ commandId: id, commandType: c.type, stream: target.stream, commandHash: hash })
      .then((held) => held.commandHash === hash ? append() : rejected(id,
        { type: 'command_id_reused', commandId: id, originalCommandType: held.commandType }));
  };

  // Read the stream (what it gained since it was folded), then decide; again on a conflict.
  const fresh = async (
    c: Command, hash: string, aggregate: AggregateKind, stream: string, options: HandleOptions,
  ): Promise<CommandOutcome> => {
    for (let n = 1; n <= maxAttempts; n += 1) {
      if (n > 1) await Promise.all([o.backoff(n), o.catchUp?.()]);
      const target = await states.load(stream, aggregate);
      const before = seen(c, hash);
      if (before !== undefined) return before;
      const outcome = await attempt(c, hash, target, options, false);
      if (outcome === 'stale') throw new Error('unreachable: a fresh read is never stale');
      if (outcome !== 'retry') return outcome;
    }
    return rejected(c.data.commandId,
      { type: 'concurrency_conflict', stream, attempts: maxAttempts });
  };

  // A stream this Ledger holds folded is decided on without reading the store first: the
  // expected revision tells whether another writer appended meanwhile (then it reads).
  const handle: CommandHandler['handle'] = (c, options = noOptions) => {
    const { aggregate, stream } = routeCommand(c);
    const hash = commandHash(c);
    return mutex.run(stream, () => {
      const held = states.cached(stream);
      if (held === undefined) return fresh(c, hash, aggregate, stream, options);
      const before = seen(c, hash);
      if (before !== undefined) return before;
      const step = attempt(c, hash, held, options, true);
      if (!(step instanceof Promise)) {
        return step === 'retry' || step === 'stale' ? fresh(c, hash, aggregate, stream, options)
          : step;
      }
      return step.then((s) => s === 'retry' || s === 'stale'
        ? fresh(c, hash, aggregate, stream, options) : s);
    });
  };
  return { handle, states };
};
