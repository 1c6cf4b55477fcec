import * as E from 'fp-ts/lib/Either.js';
import {
  eventIdFor, schemaVersionOf, setUpStream, SocietyId, streamNameFor, UserId, whileSettingUp,
  type Command, type SetUpNoted,
} from '@usha/domain';
import { commandHash } from '../commands/commandHash.ts';
import {
  EventIdConflictError, StreamNotFoundError, WrongExpectedVersionError,
} from '../../eventStore/errors.ts';
import type { EventStore, NewEvent } from '../../eventStore/port.ts';
import type { FactSource } from '../commands/factSource.ts';
import type { FetchedCommand, FillFacts } from '../commands/fetchFacts.ts';
import type { LedgerRejection } from '../commands/outcome.ts';
import type { StreamState, StreamStates } from '../commands/streamStates.ts';
import { eventUuid } from '../log/eventUuid.ts';
import type { LedgerEvent, LedgerMetadata, StreamEvent } from '../log/ledgerEvent.ts';
import type { StaffRegister } from './staffRegister.ts';

/** The set-up notes this Ledger has read: the stream's revision and what each names. */
export interface SetUpIndex {
  /** The set-up stream's last revision read (undefined: no note read). */
  readonly revision: () => bigint | undefined;
  /** Societies and members of staff noted, in note order. */
  readonly noted: () => ReadonlyArray<SetUpNoted['data']>;
  readonly observe: (e: StreamEvent) => void;
}

/** The index of set-up notes, fed every event the Ledger reads or writes, like the others. */
export const setUpIndex = (): SetUpIndex => {
  let revision: bigint | undefined;
  const noted: Array<SetUpNoted['data']> = [];
  const observe = (e: StreamEvent): void => {
    if (e.type !== 'SetUpNoted' || e.stream !== setUpStream) return;
    if (revision !== undefined && e.revision <= revision) return; // read twice
    revision = e.revision;
    noted.push(e.data);
  };
  return { revision: () => revision, noted: () => noted, observe };
};

/** What a decision taken while the log has no society or no staff reads and writes. */
export interface SetUpReaders {
  readonly store: EventStore<LedgerEvent>;
  readonly states: StreamStates;
  readonly society: () => SocietyId | undefined;
  readonly register: StaffRegister;
  readonly setUp: SetUpIndex;
  readonly requireStaff: boolean;
  /** Reads what other writers stored since this Ledger last looked, into its indexes. */
  readonly catchUp: () => Promise<void>;
}

// What a command would set up: a first configuration, or a first appointment the set-up
// rule lets through (one it refuses stores nothing, and notes nothing).
const setsUp = (r: SetUpReaders, c: Command): SetUpNoted['data'] | undefined => {
  if (c.type === 'ConfigureSociety' && r.society() === undefined) {
    return { kind: 'society', id: c.data.societyId, on: c.data.on };
  }
  if (c.type === 'AppointStaff' && !r.register.exists()
    && E.isRight(whileSettingUp(c, { requireStaff: r.requireStaff }))) {
    return { kind: 'staff', id: c.data.staffId, on: c.data.on };
  }
  return undefined;
};

// The note's place among the command's event ids (the opening note's is 999,999).
const noteIndex = 999_998;

const noteEvent = (c: Command, data: SetUpNoted['data']): NewEvent<LedgerEvent> => {
  const eventId = eventIdFor(c.data.commandId, noteIndex);
  const metadata: LedgerMetadata = {
    eventId, commandId: c.data.commandId, actor: c.data.actor, effectiveOn: c.data.on,
    schemaVersion: schemaVersionOf('SetUpNoted'), commandType: c.type,
    commandHash: commandHash(c),
  };
  return { type: 'SetUpNoted', data, metadata, eventId: eventUuid(eventId) };
};

// Appends the note expecting the revision read; the revision to condition on after it. A
// retry of a command whose note is stored is answered with that note, further back: the
// revision read then stands. Another note stored first: the revision read, which the append
// then fails on, and the command is sent round again.
const appendNote = async (
  r: SetUpReaders, c: Command, data: SetUpNoted['data'], at: bigint | undefined,
): Promise<bigint | undefined> => {
  try {
    const result = await r.store.appendToStream(setUpStream, [noteEvent(c, data)],
      { expectedRevision: at ?? 'no_stream' });
    const next = (at ?? -1n) + 1n;
    if (result.nextExpectedRevision !== next) return at;
    r.setUp.observe({ ...noteEvent(c, data), stream: setUpStream, revision: next });
    return next;
  } catch (e) {
    if (e instanceof WrongExpectedVersionError || e instanceof EventIdConflictError) return at;
    throw e;
  }
};

// The streams a noted society or member of staff would be set up on, while the indexes have
// not seen that happen: empty until the configuration or appointment is stored.
const notedStreams = async (r: SetUpReaders): Promise<FactSource[]> => {
  const out: FactSource[] = [];
  for (const n of r.setUp.noted()) {
    if (n.kind === 'society' && r.society() !== undefined) continue;
    if (n.kind === 'staff' && r.register.exists()) continue;
    const stream = n.kind === 'society' && SocietyId.is(n.id) ? streamNameFor.society(n.id)
      : n.kind === 'staff' && UserId.is(n.id) ? streamNameFor.staff(n.id) : undefined;
    if (stream === undefined) continue; // unreachable: a note names an opaque id
    const s = await r.states.load(stream, n.kind);
    out.push({ stream: s.stream, revision: s.revision });
  }
  return out;
};

// The set-up stream read from past the revision held: a few notes at most, and read here, not
// only by the catch-up, because a Ledger opened from an index checkpoint reads the log only
// from the checkpoint on.
const readNotes = async (r: SetUpReaders): Promise<void> => {
  const from = r.setUp.revision();
  try {
    for await (const e of r.store.readStream(setUpStream, { notFoundAsEmpty: true,
      fromRevision: from === undefined ? 'start' : from + 1n })) r.setUp.observe(e);
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
};

// Whether the set-up stream holds notes past the revision a decision was taken at.
const notesMoved = async (r: SetUpReaders, at: bigint | undefined): Promise<boolean> => {
  await readNotes(r);
  return r.setUp.revision() !== at;
};

// Rounds of a refusal decided again on moved notes, before it is returned as it stands.
const maxRounds = 4;

const withSources = (
  f: E.Either<LedgerRejection, FetchedCommand>, readFrom: ReadonlyArray<FactSource>,
): E.Either<LedgerRejection, FetchedCommand> => E.isLeft(f) ? f
  : E.right({ ...f.right, readFrom: [...(f.right.readFrom ?? []), ...readFrom] });

// The last commands (id and stream) decided while the log was being set up: one seen again is
// a retry (a condition failed, say), and the Ledger catches up before deciding it again.
const recentIds = (capacity: number) => {
  const ids = new Set<string>();
  return (id: string): boolean => {
    const seen = ids.delete(id);
    ids.add(id);
    if (ids.size > capacity) ids.delete(ids.values().next().value ?? '');
    return seen;
  };
};

/**
 * Decisions taken while the log holds no society or no staff register (the closed period
 * and limits left out, the set-up rule applied) are conditioned on the set-up stream at the
 * revision this Ledger has read, and on the stream of each society or staff member noted
 * there and not yet seen set up. A first configuration or appointment notes itself there
 * first (SetUpNoted), so a decision on the old "none" is refused when stored after it, and
 * is taken again once this Ledger has caught up. A refusal is checked against the notes
 * stored before it is returned (it stores nothing to be refused on). With both set up,
 * nothing is added.
 */
export const withSetUp = (r: SetUpReaders, inner: FillFacts): FillFacts => {
  const retried = recentIds(1024);
  // The notes, then the log when they moved or name what the indexes have not seen set up
  // (the log is read only then: a retry for any other reason reads what it read before).
  const reread = async () => {
    const was = r.setUp.revision();
    await readNotes(r);
    const pending = r.setUp.noted().some((n) => n.kind === 'society'
      ? r.society() === undefined : !r.register.exists());
    if (was !== r.setUp.revision() || pending) await r.catchUp();
  };
  // The first read, the log then the notes, is shared by the commands that wait for it, which
  // go on in their order (the notes after: one read out of order would be passed over).
  let first: Promise<void> | undefined;
  const read = async () => {
    await r.catchUp();
    await readNotes(r);
  };
  // One decision's facts: the notes read (first, or again), the command's own note, and the
  // set-up stream and noted streams added to where the facts were read.
  const fill = async (c: Command, target: StreamState, again: boolean) => {
    await (again ? reread() : first ??= read());
    let at = r.setUp.revision();
    const note = setsUp(r, c);
    if (note !== undefined) at = await appendNote(r, c, note, at);
    const set = r.society() !== undefined && r.register.exists();
    const readFrom = set ? [] : [{ stream: setUpStream, revision: at },
      ...await notedStreams(r)];
    return { filled: withSources(await inner(c, target), readFrom), at };
  };
  return (c, target) => {
    if (setsUp(r, c) === undefined && r.society() !== undefined && r.register.exists()) {
      return inner(c, target);
    }
    return (async () => {
      let again = retried(`${c.data.commandId} ${target.stream}`);
      for (let round = 1; ; round += 1) {
        const { filled, at } = await fill(c, target, again);
        // A refusal here (the set-up rule's, the permission table's) reaches the command
        // handler with no stream to check it against, so the notes are checked now: moved,
        // it is decided again on them, as a Ledger that read them first decides it. Each
        // round needs a note stored meanwhile, of which there are a few: the bound is slack.
        if (E.isRight(filled) || round === maxRounds || !await notesMoved(r, at)) {
          return filled;
        }
        again = true;
      }
    })();
  };
};
