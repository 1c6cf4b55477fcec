import * as E from 'fp-ts/lib/Either.js';
import {
  routeCommand, sentOutsideItsProcess, type AggregateKind, type Command,
} from '@usha/domain';
import type { AppendResult, EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { LedgerEvent, StreamEvent } from '../log/ledgerEvent.ts';
import type { AggregateDecider } from './aggregateDecider.ts';
import { appendDecided } from './appendDecided.ts';
import type { Backoff } from './backoff.ts';
import type { CommandIndex } from './commandIndex.ts';
import { commandHash } from './commandHash.ts';
import { decideCommand, type PendingEvent, type ProcessStep } from './decideCommand.ts';
import { noFacts, type FillFacts } from './fetchFacts.ts';
import { keyedMutex } from './keyedMutex.ts';
import { movedFact } from './movedFact.ts';
import { originalOutcome } from './originalOutcome.ts';
import type { Accepted, CommandOutcome, LedgerRejection, Rejected } from './outcome.ts';
import type { RejectionMemo } from './rejectionMemo.ts';
import { streamStates, type StreamState, type StreamStates } from './streamStates.ts';

export type { FillFacts } from './fetchFacts.ts';

/** How one command is handled: its place in a process, and where its facts come from. */
export interface HandleOptions extends ProcessStep {
  readonly fill?: FillFacts;
}

/** Decides and stores decoded commands; see `createCommandHandler`. */
export interface CommandHandler {
  readonly handle: (c: Command, options?: HandleOptions) => Promise<CommandOutcome>;
  readonly states: StreamStates;
}

/** What the command handler works with. */
export interface CommandHandlerOptions {
  readonly store: EventStore<LedgerEvent>;
  readonly decider: AggregateDecider;
  readonly commands: CommandIndex;
  readonly observe: (e: StreamEvent) => void;
  readonly memo: RejectionMemo;
  readonly backoff: Backoff;
  /** Attempts before `concurrency_conflict`; default 10. */
  readonly maxAttempts?: number;
  /** The most aggregate states held in memory (streamStates.ts); default 4096, 0: none. */
  readonly stateCacheEntries?: number;
  /** Told the position of every append this handler makes (read-your-writes for queries). */
  readonly written?: (position: Position) => void;
  /**
   * Reads what other writers stored since the Ledger last looked (observed into the indexes):
   * run before a command is tried again after the store found its id stored already (in
   * another stream, say), so that an id another Ledger stored is recognised.
   */
  readonly catchUp?: () => Promise<void>;
}

/** What one try of a command came to. */
type Try =
  | { readonly kind: 'done'; readonly outcome: CommandOutcome }
  /** Refused on the state held in memory, which no store checked: read, then decide again. */
  | { readonly kind: 'stale' }
  /** Not stored: the stream moved (see AppendStep). */
  | { readonly kind: 'moved' }
  /** Not stored: an event id of the command is stored already (see AppendStep). */
  | { readonly kind: 'idStored' }
  /** Not stored: a stream the facts were read from moved (see AppendStep). */
  | { readonly kind: 'factMoved'; readonly stream: string };

const done = (outcome: CommandOutcome): Try => ({ kind: 'done', outcome });
const stale: Try = { kind: 'stale' };

const rejected = (commandId: string, rejection: LedgerRejection, duplicate = false): Rejected =>
  ({ status: 'rejected', commandId, rejection, duplicate });

const reused = (commandId: string, originalCommandType: string): Rejected =>
  rejected(commandId, { type: 'command_id_reused', commandId, originalCommandType });

const noOptions: HandleOptions = {};

/**
 * The command loop, one path per try: recognise a command seen before, fill in the Ledger's
 * facts, decide (pure), claim the id where the store needs it, append with the revision the
 * state is at. The first try takes the aggregate's state held in memory, if any: the expected
 * revision checks an acceptance, and a rejection is decided again on a fresh read, then checked
 * against the revisions of its facts' streams in the store (movedFact.ts). Every later
 * try reads what the stream gained; a conflict tries again, up to `maxAttempts` with back-off.
 * Commands on one stream queue up within this Ledger, which saves conflicts; correctness
 * rests on the store's expected revision, not on that queue.
 */
export const createCommandHandler = (o: CommandHandlerOptions): CommandHandler => {
  const states = streamStates({ store: o.store, decider: o.decider, observe: o.observe,
    entries: o.stateCacheEntries });
  const mutex = keyedMutex();
  const maxAttempts = o.maxAttempts ?? 10;

  // The command stored before: its original outcome, or a refusal of a reused id. A refused
  // command stored nothing, so its id binds nothing: a retry, of the same request or another,
  // is decided again on the store's facts, as every other Ledger over the store decides it.
  const seen = (c: Command, hash: string): Promise<CommandOutcome> | Rejected | undefined => {
    const id = c.data.commandId;
    const ref = o.commands.get(id);
    if (ref === undefined) return undefined;
    return ref.commandHash === hash ? originalOutcome(o.store, c, ref)
      : reused(id, ref.commandType);
  };

  // Refused as before: the same request refused the same way by this Ledger (`duplicate`).
  const refusedAgain = (id: string, hash: string, rejection: LedgerRejection): boolean => {
    const memo = o.memo.get(id);
    return memo !== undefined && memo.commandHash === hash
      && JSON.stringify(memo.rejection) === JSON.stringify(rejection);
  };

  // The facts from other aggregates: the one step that reads beyond the target stream.
  const facts = (c: Command, target: StreamState, options: HandleOptions) =>
    (options.fill ?? noFacts)(c, target);

  const accepted = (
    c: Command, target: StreamState, events: ReadonlyArray<PendingEvent>, result: AppendResult,
  ): Accepted => {
    states.advance(target, events);
    o.written?.(result.position);
    return {
      status: 'accepted', commandId: c.data.commandId, commandType: c.type,
      stream: target.stream,
      events: events.map((e) => ({ eventId: e.eventId, revision: e.revision, event: e })),
      revision: result.nextExpectedRevision, position: result.position, duplicate: false,
    };
  };

  // An opening's note folded into her stream's state held here, if held right before it: the
  // next command on her accounts then decides on her stream as stored, not one behind.
  const heldNote = (noted: PendingEvent): void => {
    const held = states.cached(noted.stream);
    if (held !== undefined && (held.revision ?? -1n) + 1n === noted.revision) {
      states.advance(held, [noted]);
    }
  };

  const tryOnce = async (
    c: Command, hash: string, target: StreamState, options: HandleOptions, held: boolean,
  ): Promise<Try> => {
    const before = seen(c, hash);
    if (before !== undefined) return done(await before);
    // A process's step comes with its process (processContext.ts runStep). Sent on its own,
    // through any path, it is refused before its facts are read; one stored already (by its
    // run, on any instance) is answered as stored, as every retry is.
    if (options.processId === undefined) {
      const outside = sentOutsideItsProcess(c);
      if (outside !== undefined) {
        if (o.commands.get(c.data.commandId) === undefined) await o.catchUp?.();
        const stored = seen(c, hash);
        return done(stored === undefined ? rejected(c.data.commandId, outside) : await stored);
      }
    }
    // Awaited even when the facts are at hand (most commands need none): skipping the await
    // measured 0.995 and 1.11 of this path's CPU per command (long, short streams; 15 rounds
    // side by side in one process, 2026-12-05), within noise, so there is no shortcut.
    const filled = await facts(c, target, options);
    const decision = decideCommand(o.decider, { command: c, hash, target, filled, step: options });
    const id = c.data.commandId;
    if (decision.kind === 'reject') {
      if (held) return stale;
      // Facts that moved since they were read (an index behind the store, say) decide again:
      // the refusal is then the one any Ledger over the store gives. Refusals only: an
      // acceptance's append is conditioned on the same revisions.
      const moved = E.isRight(filled) && filled.right.readFrom !== undefined
        ? await movedFact(o.store, filled.right.readFrom, target.stream) : undefined;
      if (moved !== undefined) return { kind: 'factMoved', stream: moved };
      // An id another Ledger stored in another stream: learnt while the facts were read, or
      // else the log read first, so that the answer is the one every Ledger gives (its
      // outcome, or the id reused), not a refusal decided as if the id were new.
      if (o.commands.get(id) === undefined) await o.catchUp?.();
      const stored = seen(c, hash);
      if (stored !== undefined) return done(await stored);
      const again = refusedAgain(id, hash, decision.rejection);
      o.memo.remember(id, { commandHash: hash, rejection: decision.rejection });
      return done(rejected(id, decision.rejection, again));
    }
    const { events } = decision;
    const readFrom = E.isRight(filled) ? filled.right.readFrom : undefined;
    const note = E.isRight(filled) ? filled.right.note : undefined;
    const appended = await appendDecided(o.store,
      { command: c, hash, target, events, readFrom, note });
    switch (appended.kind) {
      case 'stored':
        if (appended.noted !== undefined) heldNote(appended.noted);
        return done(accepted(c, target, events, appended.result));
      case 'claimed': return done(reused(id, appended.claim.commandType));
      case 'moved': case 'idStored': return { kind: appended.kind };
      case 'factMoved': return appended;
    }
  };

  // A fact stream that moved, read again where its state is held: a fact taken from the held
  // state (a deposit's member) would otherwise meet the same failed condition on every try.
  const refresh = async (stream: string): Promise<void> => {
    const held = states.cached(stream);
    if (held !== undefined) await states.load(stream, held.state.kind);
  };

  const run = async (
    c: Command, hash: string, stream: string, aggregate: AggregateKind, options: HandleOptions,
  ): Promise<CommandOutcome> => {
    // First on the state held in memory, if any, without reading the store.
    const held = states.cached(stream);
    let last = held === undefined ? undefined : await tryOnce(c, hash, held, options, true);
    if (last?.kind === 'done') return last.outcome;
    for (let n = 1; n <= maxAttempts; n += 1) {
      // The id is stored by a writer not read yet, perhaps in another stream: read the log.
      const catchingUp = last?.kind === 'idStored' ? o.catchUp?.()
        : last?.kind === 'factMoved' ? refresh(last.stream) : undefined;
      if (n > 1 || catchingUp !== undefined) {
        await Promise.all([n > 1 ? o.backoff(n) : undefined, catchingUp]);
      }
      last = await tryOnce(c, hash, await states.load(stream, aggregate), options, false);
      if (last.kind === 'done') return last.outcome;
    }
    return rejected(c.data.commandId,
      { type: 'concurrency_conflict', stream, attempts: maxAttempts });
  };

  const handle: CommandHandler['handle'] = (c, options = noOptions) => {
    const { aggregate, stream } = routeCommand(c);
    const hash = commandHash(c);
    return mutex.run(stream, () => run(c, hash, stream, aggregate, options));
  };
  return { handle, states };
};
