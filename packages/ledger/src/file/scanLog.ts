import type { FileHandle } from 'node:fs/promises';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { isRawLine, type RawLine } from './lineEnvelope.ts';
import {
  contentBraceAt,
  genesisHash,
  hasHexHash,
  hasLineFrame,
  hashFieldIs,
  linePrefixBytes,
  sha256HexOf,
  notALogLine,
  signatureOf,
} from './lineFormat.ts';
import { readLineChunks, type LineTail } from './lineReader.ts';
import { zeroTailFault } from './zeroTail.ts';
import { streamRevisions, type RevisionsSeed } from './streamRevisions.ts';

/** A verified line, as the index needs it. */
export interface ScannedLine {
  readonly offset: number;
  readonly stream: string;
  readonly eventId: string;
  /** The line's revision in its stream (below 2^53 in any file: exact as a number). */
  readonly revision: number;
  /** The line's hash (64 hex), as verified. */
  readonly hash?: string;
  /** The line's content as parsed and checked (from `scanLog`; a write leaves it out). */
  readonly content?: RawLine;
}

/** Bytes at the end of the log that a crash left unfinished: never acknowledged. */
export interface TornTail {
  /** Line number (from 1) where the unfinished part starts. */
  readonly line: number;
  /** Byte offset where it starts: the end of the last complete append. */
  readonly offset: number;
  /** Bytes written from `offset` (zero-filled space after them not counted). */
  readonly bytes: number;
  readonly reason: string;
  /** Bytes a read-write open cut from `offset`: these and any space after them. */
  readonly cutBytes?: number;
}

export interface ScanResult {
  /** Complete, verified lines. */
  readonly lines: number;
  /** Bytes of complete, verified appends: where the next append goes. */
  readonly endOffset: number;
  /** Hash of the last verified line (genesis if none): the value to anchor. */
  readonly lastHash: string;
  /** Byte offset of the last verified line (its position); undefined if there is none. */
  readonly lastLineOffset: number | undefined;
  /** Where the line whose hash is the `anchor` asked for is; undefined if none has it. */
  readonly anchorLine: { readonly line: number; readonly offset: number } | undefined;
  readonly tornTail: TornTail | undefined;
  /** Bytes in the file: past `endOffset`, a torn tail or zero-filled space (or both). */
  readonly fileBytes: number;
}

const badPrefix = notALogLine;

/** Where a walk starts when the lines before were verified earlier (an index checkpoint). */
export interface ScanStart {
  /** Byte offset after the last line already verified; complete lines before it. */
  readonly offset: number;
  readonly lines: number;
  /** Hash and offset of the line before `offset` (genesis and undefined if none). */
  readonly lastHash: string;
  readonly lastLineOffset: number | undefined;
  readonly revisions: RevisionsSeed;
}

/** The last line of a complete append, as `scanLog` hands it to `onAppend`. */
export interface ScannedAppend {
  /** Line number (from 1) and byte offset of the append's last line. */
  readonly line: number;
  readonly offset: number;
  /** Events in the append. */
  readonly events: number;
  /** Hash of its last line: what its signature signs. */
  readonly hash: string;
  /** The signature (128 hex) carried by its last line; undefined if unsigned. */
  readonly signature: string | undefined;
  /** Some of its events come after the line that has the `anchor`'s hash. */
  readonly afterAnchor: boolean;
}

/**
 * Walks a log from its first byte, checking every line: the hash prefix, the SHA-256 of its
 * content, the link to the previous line, the fields, revisions (0, 1, 2... in each stream) and
 * append batches (complete, one stream each). Lines of complete batches go to `onLine` in order,
 * and the last line of each (its hash and signature, unchecked here) to `onAppend`.
 * An unfinished last append is reported as the torn tail; any other fault throws
 * StoreCorruptError naming the line. A log that does not end in a zero byte is read so: a zero
 * byte in it is damage. In one that ends in zeros (space set aside ahead, and a crash) the
 * first zero byte ends the lines; bytes that are not zero after it, within one write call
 * (`zeroTailFault`), are part of the torn tail, farther, damage. Memory: one chunk, plus a count
 * per stream
 * (in typed arrays, off the JS heap). With `from`, the walk starts there, after lines verified
 * earlier, and checks only the lines after it, as it would have (numbered from `from.lines`).
 *
 * The hash is taken over the bytes as they are on disk and compared with the hash field byte by
 * byte; the content is parsed once, for the field checks. Revisions are counted in numbers: a
 * stream cannot hold 2^53 events in a file, so `Number(revision)` is exact where it matters.
 */
export const scanLog = async (
  handle: FileHandle,
  file: string,
  onLine?: (line: ScannedLine) => void,
  anchor?: string,
  onAppend?: (append: ScannedAppend) => void,
  from?: ScanStart,
): Promise<ScanResult> => {
  const { size } = await handle.stat();
  // Off the heap: a log may hold 1M streams.
  const revisions = streamRevisions(handle, undefined, from?.revisions);
  const problem = { reason: '' };
  let lineNumber = from?.lines ?? 0;
  let prev = from?.lastHash ?? genesisHash;
  let batchLines = 0; // lines of the append being read
  let batchSize = 0;
  let batchStream = '';
  let batch: ScannedLine[] = []; // only when indexing
  let end = {
    lines: lineNumber, offset: from?.offset ?? 0, hash: prev, lastLine: from?.lastLineOffset ?? -1,
  };
  let anchorLine: { readonly line: number; readonly offset: number } | undefined;
  let tail: LineTail | undefined;
  const corrupt = (offset: number, reason: string) =>
    new StoreCorruptError({ file, line: lineNumber, offset }, reason);

  const onTail = (t: LineTail) => (tail = t);
  for await (const chunk of readLineChunks(handle, end.offset, size, onTail)) {
    const { buffer, bounds } = chunk;
    const encoding = chunk.ascii ? 'latin1' : 'utf8';
    for (let i = 0; i < chunk.lines; i++) {
      const start = bounds[i] ?? 0;
      const lineEnd = (bounds[i + 1] ?? 0) - 1;
      const offset = chunk.offset + start;
      lineNumber++;
      if (!hasLineFrame(buffer, start, lineEnd)) throw corrupt(offset, badPrefix);
      const contentStart = contentBraceAt(buffer, start, lineEnd);
      const signed = contentStart !== start + linePrefixBytes - 1;
      buffer[contentStart] = 0x7b; // `{`: the content is now the contiguous bytes from here
      const hash = sha256HexOf(buffer, contentStart, lineEnd);
      if (!hashFieldIs(buffer, start, hash)) {
        const hex = hasHexHash(buffer, start);
        throw corrupt(offset, hex ? 'hash does not match content' : badPrefix);
      }
      let e: unknown;
      try {
        e = JSON.parse(buffer.toString(encoding, contentStart, lineEnd));
      } catch {
        throw corrupt(offset, 'content is not JSON');
      }
      if (!isRawLine(e, problem)) throw corrupt(offset, problem.reason);
      if (e.prev !== prev) throw corrupt(offset, 'prev is not the hash of the line before');
      if (e.batchIndex !== batchLines) throw corrupt(offset, 'batchIndex out of sequence');
      if (batchLines === 0) {
        batchSize = e.batchSize;
        batchStream = e.stream;
      } else if (e.batchSize !== batchSize || e.stream !== batchStream) {
        throw corrupt(offset, 'batchSize or stream differs within one append');
      }
      const revision = Number(e.revision);
      const reading = revisions.resolve(e.stream, revision); // only at revision 0 of a known key
      if (reading !== undefined) await reading;
      const expected = revisions.expected();
      if (revision !== expected) {
        throw corrupt(offset, `revision ${e.revision}, expected ${expected}`);
      }
      revisions.advance(offset);
      batchLines++;
      if (onLine !== undefined) {
        batch.push({ offset, stream: e.stream, eventId: e.eventId, revision, hash, content: e });
      }
      prev = hash;
      if (hash === anchor) anchorLine = { line: lineNumber, offset };
      if (signed && batchLines !== batchSize) {
        throw corrupt(offset, 'a signature on a line that does not end its append');
      }
      if (batchLines === batchSize) {
        const signature = signed ? signatureOf(buffer, start) : undefined;
        const afterAnchor = anchorLine !== undefined && anchorLine.line < lineNumber;
        onAppend?.({ line: lineNumber, offset, events: batchSize, hash, signature, afterAnchor });
        if (onLine !== undefined) for (const s of batch) onLine(s);
        batch = [];
        batchLines = 0;
        end = { lines: lineNumber, offset: chunk.offset + lineEnd + 1, hash, lastLine: offset };
      }
    }
  }
  const fault = tail === undefined ? undefined : zeroTailFault(tail);
  if (tail !== undefined && fault !== undefined) {
    throw new StoreCorruptError({ file, line: lineNumber + 1, offset: tail.offset }, fault);
  }
  const written = tail?.writtenEnd ?? size;
  const tornTail = tornTailOf(end, written, batchLines, tail);
  if (tornTail === undefined && batchLines > 0) throw new Error('unreachable: open batch');
  // An anchor in the torn tail was never acknowledged: it does not count as found.
  const anchored =
    anchorLine !== undefined && anchorLine.line <= end.lines ? anchorLine : undefined;
  return {
    lines: end.lines, endOffset: end.offset, lastHash: end.hash, tornTail, fileBytes: size,
    lastLineOffset: end.lastLine < 0 ? undefined : end.lastLine, anchorLine: anchored,
  };
};

// `written`: where the bytes written end (the file's size, less zero-filled space).
const tornTailOf = (
  end: { lines: number; offset: number },
  written: number,
  openBatchLines: number,
  tail: LineTail | undefined,
): TornTail | undefined => {
  if (end.offset === written) return undefined;
  const cut = tail === undefined || tail.offset === written ? ''
    : tail.zeroAt === undefined ? 'a line without its newline'
      : tail.zeroAt === written ? 'a write that did not finish (bytes, then zeros)'
        : `a write that did not finish (zeros from offset ${tail.zeroAt}, bytes after them)`;
  const reason =
    openBatchLines > 0
      ? `an append of which only ${openBatchLines} line(s) were written` +
        (cut === '' ? '' : `, then ${cut}`)
      : cut;
  return { line: end.lines + 1, offset: end.offset, bytes: written - end.offset, reason };
};
