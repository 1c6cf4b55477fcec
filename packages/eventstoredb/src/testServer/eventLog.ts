// The test server's storage: one ordered log ($all) and an index per stream, in memory.
// Positions imitate EventStoreDB's transaction file: a position is a byte offset, so they
// are not consecutive, and every event of one write shares the write's commit position while
// each has its own prepare position. Revisions and positions are bigint, as on the wire.
import { meetsExpected } from './expectedRevision.ts';
import type { ExpectedRevision } from './expectedRevision.ts';

/** An event as a client proposes it. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** An event as the log recorded it. */
export interface LogEntry extends ProposedEvent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly commit: bigint;
  readonly prepare: bigint;
  /** 100 ns ticks since the Unix epoch, as the server's `created` metadata. */
  readonly createdTicks: bigint;
}

/** What became of a write. */
export type WriteOutcome =
  | { readonly kind: 'written'; readonly currentRevision: bigint; readonly commit: bigint;
      readonly prepare: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream_deleted' }
  | { readonly kind: 'too_big'; readonly maxAppendSizeBytes: number };

/** An event of an AppendRecords, naming its stream. */
export interface ProposedRecord extends ProposedEvent {
  readonly streamName: string;
}

/** A stream state an AppendRecords commits on. */
export interface StateCheck {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
}

/** A check the log found failing: where the stream was (-1 none, -6 tombstoned). */
export interface Violation {
  readonly checkIndex: number;
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly actual: bigint;
}

/** What became of an AppendRecords: all its records written, or none. */
export type RecordsOutcome =
  | { readonly kind: 'written'; readonly commit: bigint;
      readonly revisions: ReadonlyMap<string, bigint> }
  | { readonly kind: 'violated'; readonly violations: readonly Violation[] }
  | { readonly kind: 'stream_deleted'; readonly streamName: string }
  | { readonly kind: 'too_big'; readonly size: number; readonly maxAppendSizeBytes: number };

/** What a stream read finds. */
export type StreamLookup =
  | { readonly kind: 'found'; readonly entries: readonly LogEntry[] }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'tombstoned' };

/** The in-memory log. */
export interface EventLog {
  readonly append: (
    streamName: string, expected: ExpectedRevision, events: readonly ProposedEvent[],
  ) => WriteOutcome;
  /**
   * KurrentDB's AppendRecords: every check holds and every record is written, in the order
   * given, under one commit position; or nothing is.
   */
  readonly appendRecords: (records: readonly ProposedRecord[], checks: readonly StateCheck[])
    => RecordsOutcome;
  readonly softDelete: (streamName: string, expected: ExpectedRevision) => WriteOutcome;
  readonly tombstone: (streamName: string, expected: ExpectedRevision) => WriteOutcome;
  readonly lookup: (streamName: string) => StreamLookup;
  /** Every recorded event in log order, system events included (the $all stream). */
  readonly all: readonly LogEntry[];
  /** Calls `listener` after each write that added to $all; returns the unsubscribe. */
  readonly onWrite: (listener: () => void) => () => void;
}

interface StreamState {
  readonly entries: LogEntry[];
  /** Revisions below this are hidden (a soft delete sets it past the last revision). */
  truncateBefore: bigint;
  tombstoned: boolean;
}

/** Options of the log. */
export interface EventLogOptions {
  readonly maxAppendSizeBytes?: number;
  readonly now?: () => number;
}

// Fixed overhead of a prepare record in the transaction file; any value makes positions
// non-consecutive, which is the point: a store must not compute positions by adding one.
const recordHeaderBytes = 87n;
const tombstoneRevision = 9223372036854775807n;
const encoder = new TextEncoder();

/** Creates an empty log; the first record starts at position 0, as in a fresh database. */
export const createEventLog = (options: EventLogOptions = {}): EventLog => {
  const maxAppendSizeBytes = options.maxAppendSizeBytes ?? 1_048_576;
  const now = options.now ?? Date.now;
  const streams = new Map<string, StreamState>();
  const all: LogEntry[] = [];
  const listeners = new Set<() => void>();
  let nextPosition = 0n;

  const lastRevision = (s: StreamState | undefined): bigint | undefined => {
    if (s === undefined || s.entries.length === 0) return undefined;
    const last = BigInt(s.entries.length - 1);
    return last < s.truncateBefore ? undefined : last;
  };

  const record = (streamName: string, events: readonly ProposedEvent[], first: bigint) => {
    const commit = nextPosition;
    const createdTicks = BigInt(now()) * 10_000n;
    const entries = events.map((e, i): LogEntry => {
      const prepare = nextPosition;
      nextPosition += recordHeaderBytes + BigInt(
        encoder.encode(streamName).length + encoder.encode(e.type).length +
        e.data.length + e.customMetadata.length);
      return { ...e, streamName, revision: first + BigInt(i), commit, prepare, createdTicks };
    });
    all.push(...entries);
    return entries;
  };

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const idempotent = (s: StreamState | undefined, expected: ExpectedRevision,
    events: readonly ProposedEvent[]): LogEntry | undefined => {
    // EventStoreDB answers a retried write with the original result when the same event
    // ids sit where the retry would have put them (expected revision) or anywhere (any).
    if (s === undefined || events.length === 0) return undefined;
    const firstId = events[0]?.id;
    const start = expected.kind === 'revision' ? Number(expected.revision + 1n)
      : expected.kind === 'no_stream' ? Number(s.truncateBefore)
        : s.entries.findIndex((e) => e.id === firstId);
    if (start < 0) return undefined;
    const found = s.entries.slice(start, start + events.length);
    const same = found.length === events.length && found.every((e, i) => e.id === events[i]?.id);
    return same ? found[found.length - 1] : undefined;
  };

  const append = (streamName: string, expected: ExpectedRevision,
    events: readonly ProposedEvent[]): WriteOutcome => {
    const s = streams.get(streamName);
    if (s?.tombstoned) return { kind: 'stream_deleted' };
    const size = events.reduce((n, e) => n + e.data.length + e.customMetadata.length +
      encoder.encode(e.type).length, 0);
    if (size > maxAppendSizeBytes) return { kind: 'too_big', maxAppendSizeBytes };
    const current = lastRevision(s);
    const again = idempotent(s, expected, events);
    if (again !== undefined) {
      return { kind: 'written', currentRevision: again.revision, commit: again.commit,
        prepare: again.prepare };
    }
    // With `any`, a first id already in the stream whose followers differ is what the server
    // calls corrupted idempotency, and it answers wrong expected version rather than write.
    const firstId = events[0]?.id;
    const seen = expected.kind === 'any' && s?.entries.some((e) => e.id === firstId) === true;
    if (seen || !meetsExpected(expected, current)) {
      return { kind: 'wrong_expected_version', current };
    }
    const state = s ?? { entries: [], truncateBefore: 0n, tombstoned: false };
    streams.set(streamName, state);
    if (events.length === 0) {
      return { kind: 'written', currentRevision: current ?? -1n, commit: nextPosition,
        prepare: nextPosition };
    }
    const written = record(streamName, events, BigInt(state.entries.length));
    state.entries.push(...written);
    notify();
    const last = written[written.length - 1] as LogEntry;
    return { kind: 'written', currentRevision: last.revision, commit: last.commit,
      prepare: last.prepare };
  };

  const appendRecords = (records: readonly ProposedRecord[], checks: readonly StateCheck[]):
    RecordsOutcome => {
    const violations: Violation[] = [];
    checks.forEach((c, checkIndex) => {
      // A deleted or tombstoned stream is no stream to a check (a write to a tombstoned one
      // is refused below); a violation reports it as -5 (deleted) or -6 (tombstoned).
      const s = streams.get(c.streamName);
      const current = s?.tombstoned === true ? undefined : lastRevision(s);
      if (meetsExpected(c.expected, current)) return;
      const gone = s?.tombstoned === true ? -6n
        : s !== undefined && s.truncateBefore > 0n && current === undefined ? -5n : -1n;
      violations.push({ checkIndex, streamName: c.streamName, expected: c.expected,
        actual: current ?? gone });
    });
    if (violations.length > 0) return { kind: 'violated', violations };
    const deleted = records.find((r) => streams.get(r.streamName)?.tombstoned === true);
    if (deleted !== undefined) return { kind: 'stream_deleted', streamName: deleted.streamName };
    const size = records.reduce((n, e) => n + e.data.length + e.customMetadata.length +
      encoder.encode(e.type).length, 0);
    if (size > maxAppendSizeBytes) return { kind: 'too_big', size, maxAppendSizeBytes };
    const commit = nextPosition;
    const createdTicks = BigInt(now()) * 10_000n;
    const revisions = new Map<string, bigint>();
    for (const r of records) {
      const state = streams.get(r.streamName)
        ?? { entries: [], truncateBefore: 0n, tombstoned: false };
      streams.set(r.streamName, state);
      const prepare = nextPosition;
      nextPosition += recordHeaderBytes + BigInt(encoder.encode(r.streamName).length
        + encoder.encode(r.type).length + r.data.length + r.customMetadata.length);
      const entry: LogEntry = { id: r.id, type: r.type, contentType: r.contentType,
        data: r.data, customMetadata: r.customMetadata, streamName: r.streamName,
        revision: BigInt(state.entries.length), commit, prepare, createdTicks };
      state.entries.push(entry);
      all.push(entry);
      revisions.set(r.streamName, entry.revision);
    }
    if (records.length > 0) notify();
    return { kind: 'written', commit, revisions };
  };

  const systemEvent = (type: string, data: string): ProposedEvent => ({
    id: crypto.randomUUID(), type, contentType: 'application/json',
    data: encoder.encode(data), customMetadata: new Uint8Array(),
  });

  const remove = (streamName: string, expected: ExpectedRevision, hard: boolean) => {
    const s = streams.get(streamName);
    if (s?.tombstoned) return { kind: 'stream_deleted' } as const;
    const current = lastRevision(s);
    if (!meetsExpected(expected, current)) {
      return { kind: 'wrong_expected_version', current } as const;
    }
    const state = s ?? { entries: [], truncateBefore: 0n, tombstoned: false };
    streams.set(streamName, state);
    // A soft delete writes `$tb` to the metastream; a tombstone writes `$streamDeleted`
    // into the stream itself. Both land in $all, so readers of $all meet system events.
    const [written] = hard
      ? record(streamName, [systemEvent('$streamDeleted', '{}')], tombstoneRevision)
      : record(`$$${streamName}`, [systemEvent('$metadata',
        `{"$tb":${state.entries.length}}`)], 0n);
    if (hard) state.tombstoned = true;
    else state.truncateBefore = BigInt(state.entries.length);
    notify();
    const w = written as LogEntry;
    return { kind: 'written', currentRevision: w.revision, commit: w.commit,
      prepare: w.prepare } as const;
  };

  const lookup = (streamName: string): StreamLookup => {
    const s = streams.get(streamName);
    if (s?.tombstoned) return { kind: 'tombstoned' };
    if (lastRevision(s) === undefined || s === undefined) return { kind: 'not_found' };
    return { kind: 'found', entries: s.entries.slice(Number(s.truncateBefore)) };
  };

  return {
    append,
    appendRecords,
    softDelete: (name, expected) => remove(name, expected, false),
    tombstone: (name, expected) => remove(name, expected, true),
    lookup,
    all,
    onWrite: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
