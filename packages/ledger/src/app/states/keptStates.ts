// Folded states kept across a restart, so that the first command on a long stream (a branch's
// till movements, a daily saver's account) reads what the stream gained since, not all of it.
// A cache, never a record, and one that decides money, so each state is used only where:
// - the file is signed by the log's writer and the open checks that signature (a signed file
//   store): without the key nobody can make the Ledger decide on a state of their own;
// - it was folded by the same code with the same products (stateFingerprint.ts);
// - its text reads back as plain data (stateText.ts); one that does not is dropped alone;
// - the stream's event at the state's revision is the one it was folded up to: its id and a
//   digest of its type and data, checked when the stream is first read (streamStates.ts).
// Whatever fails, the stream is folded from the log as before: decisions are never different.
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { AggregateKind } from '@usha/domain';
import {
  readNumber, readText, SnapshotShapeError, snapshotWriter, writeNumber, writeText,
  type SnapshotReader,
} from '../../offHeap/snapshot.ts';
import {
  readSealedSnapshot, writeSealedSnapshot, type SetAside,
} from '../../file/fileIndexCheckpoint.ts';
import type { IndexSeal } from '../../file/storeKeys.ts';
import type { AggregateState } from '../commands/aggregateDecider.ts';
import { canonicalJson } from '../../json/canonicalJson.ts';
import { stateOfText, stateText } from './stateText.ts';

const heading = 'usha-ledger kept states';
/** The layout this code writes and reads; another is set aside. */
export const keptStatesVersion = 1;

/** Where a Ledger keeps its states: beside its index checkpoint. */
export const keptStatesFileOf = (indexCheckpointFile: string): string =>
  `${indexCheckpointFile}.states`;

/** The event a state was folded up to, as checked against the stream when it is first read. */
export interface FoldedUpTo {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A digest of an event's type and data: SHA-256 of their canonical JSON (keys sorted), so an
 * event as appended and the same event read back agree; undefined for data that is not JSON
 * (a state folded up to such an event is not kept, and one bound to it is not used).
 */
export const eventDigest = (
  e: { readonly type: string; readonly data: unknown },
): string | undefined => {
  const json = canonicalJson({ type: e.type, data: e.data });
  return E.isRight(json) ? createHash('sha256').update(json.right.text).digest('hex') : undefined;
};

/** A state kept, restored: used once the stream's event at `revision` is found to match. */
export interface KeptState {
  readonly stream: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly digest: string;
  readonly state: AggregateState;
}

/** A state held in memory, as offered to be kept. */
export interface HeldState {
  readonly stream: string;
  readonly revision: bigint | undefined;
  readonly state: AggregateState;
  /** The event it was folded up to: read from the store, or appended by this Ledger. */
  readonly upTo?: FoldedUpTo;
  /** Or the kept state it is, restored and not yet read again. */
  readonly kept?: KeptState;
}

/** Where and how states are kept: a file, the signing seal, the bounds. */
export interface StatesPlace {
  readonly file: string;
  readonly seal: IndexSeal;
  /** The most bytes of state text written, or taken when read (most recently used first). */
  readonly maxBytes: number;
  /** The most states taken when read (the Ledger's `stateCacheEntries`). */
  readonly maxStates: number;
  /** Streams shorter than this are not kept: reading them whole costs as little. */
  readonly minEvents: number;
}

/** Bytes of state text kept by default: a few thousand accounts, or a year of a branch. */
export const defaultKeptStateBytes = 8 << 20;
/** Streams of fewer events are not kept by default. */
export const defaultKeptStateMinEvents = 16;

const kinds: ReadonlySet<string> = new Set<AggregateKind>(['member', 'shares', 'deposit', 'loan',
  'society', 'staff', 'approval', 'standing', 'branch']);

// The least text a state takes per event folded into it (a deposit adds a posting, a till
// movement a movement: each some 200 bytes of text): a bound below, so no state that could fit
// is passed over.
const minBytesPerEvent = 16;

// The text of each state written, while the state is held: a state unchanged since the last
// write (most of them, between two checkpoints) is not made into text again.
const texts = new WeakMap<object, string>();
const textOf = (state: AggregateState): string | undefined => {
  const known = texts.get(state);
  if (known !== undefined) return known;
  const text = stateText(state);
  if (text !== undefined) texts.set(state, text);
  return text;
};

// Made into text a few at a time, the event loop let run between (a state is a value nobody
// changes: the one held when the write began is the one written).
const sliceMs = 4;

/**
 * Writes the states offered (most recently used first) that fit in `maxBytes`, with their
 * fingerprint, signed with the writer's key; nothing is written without one (a state read
 * back unsigned could not be trusted), nor when no state is offered. Atomic: the old file or
 * the new one survives a crash. Returns how many were written, or undefined when nothing was.
 */
export const writeKeptStates = async (
  place: StatesPlace, fingerprint: string, held: readonly HeldState[],
): Promise<number | undefined> => {
  // Without a key nothing could be trusted when read; holding nothing, the file is left as it
  // is (a Ledger that folded nothing does not wipe what the last one kept).
  if (place.seal.sign('00') === undefined || held.length === 0) return undefined;
  const records: string[][] = [];
  let bytes = 0;
  let since = performance.now();
  for (const h of held) {
    const eventId = h.kept?.eventId ?? h.upTo?.eventId;
    if (h.revision === undefined || eventId === undefined
      || h.revision + 1n < BigInt(place.minEvents)) continue;
    // A state's text is at least `minBytesPerEvent` an event: one that cannot fit is not made.
    const room = place.maxBytes - bytes;
    if (room < 1024) break;
    if (Number(h.revision + 1n) * minBytesPerEvent > room) continue;
    const text = textOf(h.state);
    if (text === undefined) continue;
    const size = text.length + h.stream.length + 128;
    if (size > room) continue;
    bytes += size;
    const digest = h.kept?.digest ?? (h.upTo === undefined ? undefined : eventDigest(h.upTo));
    if (digest === undefined) continue;
    records.push([h.stream, h.revision.toString(), eventId, digest, text]);
    if (performance.now() - since > sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  const w = snapshotWriter();
  writeText(w, heading);
  writeNumber(w, keptStatesVersion);
  writeText(w, fingerprint);
  writeNumber(w, records.length);
  for (const r of records) for (const t of r) writeText(w, t);
  await writeSealedSnapshot(place.file, w, place.seal.sign);
  return records.length;
};

/** The states read back, with how many were dropped; or why none are used. */
export type KeptStatesRead =
  | { readonly found: true; readonly states: readonly KeptState[]; readonly dropped: number }
  | { readonly found: false; readonly reason: string };

interface Records {
  readonly records: string[][];
}

const parse = (
  r: SnapshotReader, fingerprint: string, bound: Pick<StatesPlace, 'maxBytes' | 'maxStates'>,
): Records | SetAside => {
  if (readText(r) !== heading) return { setAside: 'not a file of kept states' };
  const version = readNumber(r);
  if (version !== keptStatesVersion) {
    return { setAside: `version ${version}; this Ledger reads version ${keptStatesVersion}` };
  }
  if (readText(r) !== fingerprint) return { setAside: 'folded by other code or other products' };
  const count = readNumber(r);
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new SnapshotShapeError(`a count of ${count}`);
  }
  // Every record is read (the file's SHA-256 is of all of it); only those within the bounds
  // are kept to be decoded, the most recently used first as they were written.
  const records: string[][] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const record = [readText(r), readText(r), readText(r), readText(r), readText(r)];
    const size = record.reduce((n, t) => n + t.length, 0);
    if (records.length < bound.maxStates && bytes + size <= bound.maxBytes) {
      records.push(record);
      bytes += size;
    }
  }
  return { records };
};

// A record as a state, or undefined when any part of it does not read back.
const keptOf = ([stream, revision, eventId, digest, text]: string[]): KeptState | undefined => {
  if (stream === undefined || revision === undefined || eventId === undefined
    || digest === undefined || text === undefined || !/^(0|[1-9][0-9]{0,18})$/.test(revision)) {
    return undefined;
  }
  const state = stateOfText(text);
  if (E.isLeft(state)) return undefined;
  const s: unknown = state.right;
  if (typeof s !== 'object' || s === null || !kinds.has(String(Reflect.get(s, 'kind')))) {
    return undefined;
  }
  const inner: unknown = Reflect.get(s, 'state');
  if (typeof inner !== 'object' || inner === null) return undefined;
  return { stream, revision: BigInt(revision), eventId, digest, state: s as AggregateState };
};

/**
 * Reads the states kept in `place.file`, used only when the writer's signature checks and
 * they were folded with `fingerprint`; a record that does not read back is dropped alone.
 */
export const readKeptStates = async (
  place: StatesPlace, fingerprint: string,
): Promise<KeptStatesRead> => {
  const read = await readSealedSnapshot(place.file, (r) => parse(r, fingerprint, place),
    place.seal.check);
  if (!read.found) {
    return { found: false, reason: read.reason === 'no snapshot' ? `no states at ${place.file}`
      : `${place.file}: ${read.reason}` };
  }
  // Only the writer's own: a state nobody signed could be anyone's.
  if (read.signed !== true) {
    return { found: false, reason: `${place.file}: not signed by the log's writer` };
  }
  const states: KeptState[] = [];
  let dropped = 0;
  for (const record of read.value.records) {
    const kept = keptOf(record);
    if (kept === undefined) dropped += 1;
    else states.push(kept);
  }
  return { found: true, states, dropped };
};
