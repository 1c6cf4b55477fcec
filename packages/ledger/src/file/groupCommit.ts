import { fdatasyncSync, write, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { detectRetry, type StoredRef } from '../eventStore/detectRetry.ts';
import { EventStoreError, StoreClosedError } from '../eventStore/errors.ts';
import { checkConditions } from '../eventStore/appendConditions.ts';
import { checkExpectedRevision } from '../eventStore/expectedRevision.ts';
import type { AppendCondition, AppendResult, ExpectedRevision } from '../eventStore/port.ts';
import { position } from '../eventStore/position.ts';
import {
  dataJsonOf, eventContentKey, metadataJsonOf, type PreparedAppend,
} from '../eventStore/prepareAppend.ts';
import { canonicalText } from '../json/canonicalJson.ts';
import type { JsonValue } from '../json/jsonValue.ts';
import {
  candidateOffsets, indexLine, mayHoldIdKey, streamLength, type FileIndex,
} from './fileIndex.ts';
import { decodeEnvelope } from './lineEnvelope.ts';
import { lineBatch, type LineHead } from './lineBatch.ts';
import { writeCallBytes, type LogSpace } from './logSpace.ts';
import { readCheckedLine } from './checkedLine.ts';
import type { ScannedLine } from './scanLog.ts';
import { keyOf as key64 } from '../offHeap/keyHash.ts';

/** Appends to the log: many concurrent appends share one write and one fsync. */
export interface GroupCommitter {
  /** Queues an append; `conditions` are checked with it, against the index and the group. */
  readonly append: (
    append: PreparedAppend,
    expected: ExpectedRevision,
    conditions?: readonly AppendCondition[],
  ) => Promise<AppendResult>;
  /** Bytes acknowledged so far. */
  readonly size: () => number;
  readonly lastHash: () => string;
  /** Why the committer stopped, if a write failed. */
  readonly broken: () => string | undefined;
  /** Resolves when nothing is queued or being written. */
  readonly drain: () => Promise<void>;
}

interface Request {
  readonly append: PreparedAppend;
  readonly expected: ExpectedRevision;
  readonly conditions: readonly AppendCondition[] | undefined;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (e: unknown) => void;
}

interface Accepted {
  readonly request: Request;
  readonly result: AppendResult;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const isJson = (u: unknown): u is JsonValue => u !== undefined; // parsed JSON is JSON

// An id written earlier in this group, as a lookup from `stream` sees it (another stream's is
// a conflict).
const pendingRef = (ref: StoredRef | undefined, stream: string): StoredRef | undefined => {
  if (ref === undefined || ref.stream !== stream) return ref;
  const { revision, position: at, contentKey } = ref;
  return { revision, position: at, contentKey };
};

// Bytes [from, from + bytes) of a buffer, written at byte `at` of the file.
interface Part {
  readonly from: number;
  readonly bytes: number;
  readonly at: number;
}
// One write call on the handle's descriptor, by the callback API: the same write as
// `FileHandle#write`, which adds a promise wrapper and a reference count costing about 0.1 ms
// of an append's wall time and 20 µs of CPU (59 KiB through O_DSYNC, measured alternating).
// The handle stays open while a write is in flight: the store drains the committer first.
const writeAt = (fd: number, buffer: Buffer, part: Part): Promise<number> =>
  new Promise((resolve, reject) => {
    write(fd, buffer, part.from, part.bytes, part.at, (e, n) => (e ? reject(e) : resolve(n)));
  });

// A write call that wrote nothing would be asked again for ever (the loop never blocking
// another: with blocking writes the whole process): it fails the write instead, which stops the
// store, like every other failed write.
const wrote = (n: number): number => {
  if (n > 0) return n;
  throw new Error('the write call wrote no byte');
};

const lastRevision = (length: number): bigint | undefined =>
  length === 0 ? undefined : BigInt(length - 1);

/** Makes the committer of an open, locked log whose verified part ends at `size`. */
export const groupCommitter = (init: {
  readonly handle: FileHandle;
  readonly index: FileIndex;
  readonly size: number;
  readonly lastHash: string;
  /** The handle was opened with O_DSYNC: each write is durable when it returns. */
  readonly writesSynced?: boolean;
  /**
   * A group of up to `writeCallBytes` is written and synced by synchronous calls on this
   * thread, not through the thread pool (the store's `durableWrites: 'blocking'`).
   */
  readonly blocking?: boolean;
  readonly now: () => Date;
  readonly onCommitted: () => void;
  /** Signs the hash of each append's last line (the writer's key); absent: unsigned. */
  readonly sign?: (hashHex: string) => string;
  /** The error for a line that does not match its hash when read back. */
  readonly corrupt: (offset: number, reason: string) => Error;
  /** Hears each line written, in log order, once it is durable. */
  readonly onWritten?: (line: ScannedLine) => void;
  /** True if a line read back hashes to what the store verified or wrote at that offset. */
  readonly verified?: (offset: number, hashHex: string) => boolean;
  /** Zero-filled space ahead of the log, made sure of before each write; absent: none. */
  readonly space?: LogSpace;
}): GroupCommitter => {
  const { handle, index } = init;
  let size = init.size;
  let lastHash = init.lastHash;
  let broken: string | undefined;
  let queue: Request[] = [];
  let running: Promise<void> | undefined;

  const storedRef = async (stream: string, eventId: string): Promise<StoredRef | undefined> => {
    for (const offset of candidateOffsets(index, eventId)) {
      const line = await readCheckedLine(handle, offset, init.corrupt, init.verified);
      const parsed = decodeEnvelope(line);
      if (parsed._tag === 'Left') throw new Error(`line at byte ${offset}: ${parsed.left}`);
      const e = parsed.right;
      if (e.eventId !== eventId) continue;
      if (!isJson(e.data) || !isJson(e.metadata)) continue;
      const key = eventContentKey(e.type, canonicalText(e.data), canonicalText(e.metadata));
      // An id is unique in the whole log: one found in another stream is a conflict.
      return {
        ...(e.stream === stream ? {} : { stream: e.stream }),
        revision: e.revision, position: position(BigInt(offset)), contentKey: () => key,
      };
    }
    return undefined;
  };

  const batch = lineBatch(); // reused: commits run one at a time
  // The 64-bit key of each event id, two words a line of the group, in the order of `entries`:
  // hashed once for the look-up that tells a new id from a retry, and kept for the index.
  let idKeys = new Int32Array(2 * 1024);
  const idKey = new Int32Array(2); // one key handed to the index: no view made per line
  // Keys of an append's events, at line `from` of the group on; true if the index may hold
  // one of them. The keys prepareAppend made while checking the ids are the index's own when
  // the index keys with keyHash.ts's keyOf (always, but for tests that force collisions).
  const keyIds = (append: PreparedAppend, from: number): boolean => {
    const { events } = append;
    if (idKeys.length < 2 * (from + events.length)) {
      const bigger = new Int32Array(Math.max(2 * idKeys.length, 2 * (from + events.length)));
      bigger.set(idKeys);
      idKeys = bigger;
    }
    const prepared = index.keyOf === key64 ? append.idKeys : undefined;
    let mayHold = false;
    for (let i = 0; i < events.length; i++) {
      if (prepared !== undefined) {
        idKey[0] = prepared[2 * i] ?? 0;
        idKey[1] = prepared[2 * i + 1] ?? 0;
      } else {
        const k = index.keyOf(events[i]?.eventId ?? '');
        idKey[0] = k[0] ?? 0;
        idKey[1] = k[1] ?? 0;
      }
      idKeys[2 * (from + i)] = idKey[0] ?? 0;
      idKeys[2 * (from + i) + 1] = idKey[1] ?? 0;
      if (!mayHold && mayHoldIdKey(index, idKey)) mayHold = true;
    }
    return mayHold;
  };
  const commitGroup = async (group: readonly Request[]): Promise<void> => {
    const revisions = new Map<string, bigint>(); // stream -> last revision, this group included
    const revisionOf = (s: string): bigint | undefined =>
      revisions.get(s) ?? lastRevision(streamLength(index, s));
    // Ids written earlier in this group, for the appends after them; one append has none.
    const pendingIds = group.length > 1 ? new Map<string, StoredRef>() : undefined;
    const accepted: Accepted[] = [];
    const entries: ScannedLine[] = [];
    // One head for every line of the group, its fields set line by line: no object a line.
    const head: Mutable<LineHead> = {
      batchIndex: 0, batchSize: 0, prev: lastHash, recordedAt: init.now().toISOString(),
      revision: 0, stream: '', type: '',
    };
    batch.reset();
    let prev = lastHash;
    for (const request of group) {
      const { stream, events } = request.append;
      try {
        // Most appends carry only new ids: a look at the in-memory index settles that.
        const maybeStored = keyIds(request.append, entries.length)
          || (pendingIds !== undefined && events.some((e) => pendingIds.has(e.eventId)));
        const retry = !maybeStored
          ? 'new'
          : await detectRetry(
              stream,
              events,
              (id) => pendingRef(pendingIds?.get(id), stream) ?? storedRef(stream, id),
            );
        if (retry instanceof EventStoreError) throw retry;
        if (retry !== 'new') {
          accepted.push({ request, result: retry });
          continue;
        }
        const current = revisionOf(stream);
        const wrong = checkExpectedRevision(stream, request.expected, current);
        if (wrong !== undefined) throw wrong;
        // Against the index and the appends before this one in the group: the group is
        // written in this order, under the writer lock, so nothing else comes between.
        const moved = checkConditions(stream, request.conditions, revisionOf);
        if (moved !== undefined) throw moved;
        const first = current === undefined ? 0n : current + 1n;
        // Revisions as numbers in the loop: a stream's length is an Int32 column of the index.
        const firstNumber = Number(first);
        let offset = size;
        head.batchSize = events.length;
        head.stream = stream;
        for (let i = 0; i < events.length; i++) {
          const e = events[i];
          if (e === undefined) throw new Error('unreachable: a hole in a prepared append');
          offset = size + batch.size();
          head.batchIndex = i;
          head.prev = prev;
          head.revision = firstNumber + i;
          head.type = e.type;
          prev = batch.add(head, e, i === events.length - 1 ? init.sign : undefined);
          entries.push({
            offset, stream, eventId: e.eventId, revision: firstNumber + i, hash: prev,
          });
          if (pendingIds !== undefined) {
            // Read only by a retry in the same group: the text is made then, if ever.
            const contentKey = () =>
              eventContentKey(e.type, dataJsonOf(e), metadataJsonOf(e));
            const revision = first + BigInt(i);
            const ref = { stream, revision, position: position(BigInt(offset)), contentKey };
            pendingIds.set(e.eventId, ref);
          }
        }
        const last = first + BigInt(events.length - 1);
        revisions.set(stream, last);
        const result = { nextExpectedRevision: last, position: position(BigInt(offset)) };
        accepted.push({ request, result });
      } catch (e) {
        request.reject(e);
      }
    }
    if (entries.length > 0) await writeDurably(batch.bytes());
    for (let j = 0; j < entries.length; j++) {
      const entry = entries[j];
      if (entry === undefined) continue;
      idKey[0] = idKeys[2 * j] ?? 0;
      idKey[1] = idKeys[2 * j + 1] ?? 0;
      indexLine(index, entry, idKey);
    }
    for (const entry of entries) init.onWritten?.(entry);
    size += batch.size();
    lastHash = prev;
    for (const a of accepted) a.request.resolve(a.result);
    if (entries.length > 0) init.onCommitted();
  };
  const writeDurably = async (bytes: Buffer): Promise<void> => {
    await init.space?.ensure(size + bytes.length);
    if (init.blocking === true && bytes.length <= writeCallBytes) {
      // The same calls, made here: the loop waits for the disk, and no thread hands over.
      // Within `writeCallBytes` every call is one a crash may tear, as in the loop below.
      let done = 0;
      while (done < bytes.length) {
        done += wrote(writeSync(handle.fd, bytes, done, bytes.length - done, size + done));
      }
      if (init.writesSynced !== true) fdatasyncSync(handle.fd);
      return;
    }
    let written = 0;
    while (written < bytes.length) {
      // At most `writeCallBytes` a call: a crash tears one call only (logSpace.ts).
      const most = Math.min(bytes.length - written, writeCallBytes);
      const part = { from: written, bytes: most, at: size + written };
      written += wrote(await writeAt(handle.fd, bytes, part));
    }
    if (init.writesSynced !== true) await handle.datasync();
  };
  const run = async (): Promise<void> => {
    while (queue.length > 0 && broken === undefined) {
      const group = queue;
      queue = [];
      try {
        await commitGroup(group);
      } catch (e) {
        stop(group, e);
      }
    }
  };

  // After a failed write or fsync the file's state is unknown (and after a failed fsync the
  // kernel may have dropped the dirty pages): stop, and let a reopen re-verify the log. Appends
  // that were waiting may or may not be in the file; retrying them after reopening is safe,
  // since a retry with the same event ids is recognised.
  const stop = (group: readonly Request[], e: unknown) => {
    broken = `a write to the log failed (${e instanceof Error ? e.message : String(e)}); reopen`;
    const error = new StoreClosedError(broken);
    for (const r of [...group, ...queue]) r.reject(error);
    queue = [];
    void handle.truncate(size).catch(() => {});
  };

  // Start on the next turn, so that appends made together share one write and fsync.
  const kick = (): void => {
    if (running !== undefined) return;
    running = new Promise<void>((r) => setImmediate(r)).then(run).finally(() => {
      running = undefined;
      if (queue.length > 0 && broken === undefined) kick();
    });
  };

  return {
    append: (append, expected, conditions) =>
      new Promise<AppendResult>((resolve, reject) => {
        if (broken !== undefined) return reject(new StoreClosedError(broken));
        queue.push({ append, expected, conditions, resolve, reject });
        kick();
      }),
    size: () => size,
    lastHash: () => lastHash,
    broken: () => broken,
    drain: async () => {
      while (running !== undefined) await running;
    },
  };
};
