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
import { parallelSha256 } from '../../offHeap/parallelSha256.ts';
import { readSnapshotFile } from '../../offHeap/snapshotFile.ts';
import { writeSealedSnapshot } from '../../file/fileIndexCheckpoint.ts';
import type { IndexSeal } from '../../file/storeKeys.ts';
import type { AggregateState } from '../commands/aggregateDecider.ts';
import { canonicalText, stateOfText, stateText } from './stateText.ts';

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

/** A digest of an event's type and data, whatever the order of its fields. */
export const eventDigest = (e: { readonly type: string; readonly data: unknown }): string =>
  createHash('sha256').update(`${e.type}\0${canonicalText(e.data) ?? ''}`).digest('hex');

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
  /** The most bytes of state text written (the states most recently used first). */
  readonly maxBytes: number;
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
 * back unsigned could not be trusted). Atomic: the old file or the new one survives a crash.
 * Returns how many were written, or undefined when nothing was.
 */
export const writeKeptStates = async (
  place: StatesPlace, fingerprint: string, held: readonly HeldState[],
): Promise<number | undefined> => {
  if (place.seal.sign('00') === undefined) return undefined;
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
    const digest = h.kept?.digest ?? (h.upTo === undefined ? '' : eventDigest(h.upTo));
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

type Raw = { readonly found: true; readonly records: string[][]; readonly signature: string;
  readonly digest: Promise<Buffer> } | { readonly found: false; readonly reason: string };

const parse = (r: SnapshotReader, fingerprint: string): Raw => {
  const sha = parallelSha256();
  r.taps.add(sha);
  try {
    if (readText(r) !== heading) return { found: false, reason: 'not a file of kept states' };
    const version = readNumber(r);
    if (version !== keptStatesVersion) {
      return { found: false, reason: `version ${version}; this Ledger reads version `
        + `${keptStatesVersion}` };
    }
    if (readText(r) !== fingerprint) {
      return { found: false, reason: 'folded by other code or other products' };
    }
    const count = readNumber(r);
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new SnapshotShapeError(`a count of ${count}`);
    }
    const records: string[][] = [];
    for (let i = 0; i < count; i += 1) {
      records.push([readText(r), readText(r), readText(r), readText(r), readText(r)]);
    }
    r.taps.delete(sha);
    const signature = readText(r);
    if (r.at !== r.end) throw new SnapshotShapeError(`${r.end - r.at} bytes after the signature`);
    return { found: true, records, signature, digest: sha.digest() };
  } catch (e) {
    if (!(e instanceof SnapshotShapeError)) throw e;
    return { found: false, reason: `garbled: ${e.message}` };
  }
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
  if (typeof s !== 'object' || s === null || !kinds.has(String(Reflect.get(s, 'kind')))
    || typeof Reflect.get(s, 'state') !== 'object') {
    return undefined;
  }
  return { stream, revision: BigInt(revision), eventId, digest, state: s as AggregateState };
};

/**
 * Reads the states kept in `place.file`, used only when the writer's signature checks and
 * they were folded with `fingerprint`; a record that does not read back is dropped alone.
 */
export const readKeptStates = async (
  place: StatesPlace, fingerprint: string,
): Promise<KeptStatesRead> => {
  const read = await readSnapshotFile(place.file, (r) => parse(r, fingerprint));
  if (!read.found) {
    return { found: false, reason: read.reason === 'no snapshot' ? `no states at ${place.file}`
      : `${place.file}: ${read.reason}` };
  }
  const raw = read.value;
  if (!raw.found) return { found: false, reason: `${place.file}: ${raw.reason}` };
  const digest = (await raw.digest).toString('hex');
  if (place.seal.check(digest, raw.signature) !== true) {
    return { found: false, reason: `${place.file}: not signed by the log's writer` };
  }
  const states: KeptState[] = [];
  let dropped = 0;
  for (const record of raw.records) {
    const kept = keptOf(record);
    if (kept === undefined) dropped += 1;
    else states.push(kept);
  }
  return { found: true, states, dropped };
};
