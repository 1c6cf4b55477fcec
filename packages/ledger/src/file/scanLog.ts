import type { FileHandle } from 'node:fs/promises';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { decodeEnvelope } from './lineEnvelope.ts';
import { genesisHash, linePrefixBytes, sha256Hex } from './lineFormat.ts';
import { readLineChunks, type LineSlice } from './lineReader.ts';

/** A verified line, as the index needs it. */
export interface ScannedLine {
  readonly offset: number;
  readonly stream: string;
  readonly revision: bigint;
  readonly eventId: string;
}

/** Bytes at the end of the log that a crash left unfinished: never acknowledged. */
export interface TornTail {
  /** Line number (from 1) where the unfinished part starts. */
  readonly line: number;
  readonly offset: number;
  readonly bytes: number;
  readonly reason: string;
}

export interface ScanResult {
  /** Complete, verified lines. */
  readonly lines: number;
  /** Bytes of complete, verified appends: where the next append goes. */
  readonly endOffset: number;
  /** Hash of the last verified line (genesis if none): the value to anchor. */
  readonly lastHash: string;
  readonly tornTail: TornTail | undefined;
}

const prefix = Buffer.from('{"hash":"');
const hexByte = (b: number | undefined) =>
  b !== undefined && ((b >= 48 && b <= 57) || (b >= 97 && b <= 102));

const hasHashPrefix = (l: LineSlice): boolean => {
  if (l.end - l.start <= linePrefixBytes) return false;
  if (l.buffer.compare(prefix, 0, prefix.length, l.start, l.start + prefix.length) !== 0)
    return false;
  for (let i = l.start + 9; i < l.start + 73; i++) if (!hexByte(l.buffer[i])) return false;
  return l.buffer[l.start + 73] === 0x22 && l.buffer[l.start + 74] === 0x2c; // `",`
};

/**
 * Walks a log from its first byte, checking every line: the hash prefix, the SHA-256 of its
 * content, the link to the previous line, the fields, revisions (0, 1, 2... in each stream) and
 * append batches (complete, one stream each). Lines of complete batches go to `onLine` in order.
 * An unfinished last append is reported as the torn tail; any other fault throws
 * StoreCorruptError naming the line. Memory: one chunk, plus a count per stream.
 */
export const scanLog = async (
  handle: FileHandle,
  file: string,
  onLine: (line: ScannedLine) => void = () => {},
): Promise<ScanResult> => {
  const { size } = await handle.stat();
  const revisions = new Map<string, bigint>();
  let lineNumber = 0;
  let prev = genesisHash;
  let batch: ScannedLine[] = [];
  let batchStart = { line: 1, offset: 0, prev: genesisHash };
  let batchSize = 0;
  let end = { lines: 0, offset: 0, hash: genesisHash };
  let tail: { offset: number; bytes: number } | undefined;
  const corrupt = (offset: number, reason: string) =>
    new StoreCorruptError({ file, line: lineNumber, offset }, reason);

  for await (const lines of readLineChunks(
    handle,
    0,
    size,
    (offset, bytes) => (tail = { offset, bytes }),
  )) {
    for (const l of lines) {
      lineNumber++;
      if (!hasHashPrefix(l)) throw corrupt(l.offset, 'does not start with {"hash":"<64 hex>",');
      const hash = l.buffer.toString('latin1', l.start + 9, l.start + 73);
      l.buffer[l.start + 74] = 0x7b; // `{`: the content is now the contiguous bytes from here
      const content = l.buffer.subarray(l.start + 74, l.end);
      if (sha256Hex(content) !== hash) throw corrupt(l.offset, 'hash does not match content');
      let parsed: unknown;
      try {
        parsed = JSON.parse(content.toString('utf8'));
      } catch {
        throw corrupt(l.offset, 'content is not JSON');
      }
      const envelope = decodeEnvelope(parsed);
      if (envelope._tag === 'Left') throw corrupt(l.offset, envelope.left);
      const e = envelope.right;
      if (e.prev !== prev) throw corrupt(l.offset, 'prev is not the hash of the line before');
      if (e.batchIndex !== batch.length) throw corrupt(l.offset, 'batchIndex out of sequence');
      if (batch.length === 0) {
        batchStart = { line: lineNumber, offset: l.offset, prev };
        batchSize = e.batchSize;
      } else if (e.batchSize !== batchSize || e.stream !== batch[0]?.stream) {
        throw corrupt(l.offset, 'batchSize or stream differs within one append');
      }
      const expected = (revisions.get(e.stream) ?? -1n) + 1n;
      if (e.revision !== expected)
        throw corrupt(l.offset, `revision ${e.revision}, expected ${expected}`);
      revisions.set(e.stream, e.revision);
      batch.push({ offset: l.offset, stream: e.stream, revision: e.revision, eventId: e.eventId });
      prev = hash;
      if (batch.length === batchSize) {
        for (const s of batch) onLine(s);
        batch = [];
        end = { lines: lineNumber, offset: l.offset + (l.end - l.start) + 1, hash };
      }
    }
  }
  const tornTail = tornTailOf(end, size, batch.length, tail);
  if (tornTail === undefined && batch.length > 0) throw new Error('unreachable: open batch');
  return { lines: end.lines, endOffset: end.offset, lastHash: end.hash, tornTail };
};

const tornTailOf = (
  end: { lines: number; offset: number },
  size: number,
  openBatchLines: number,
  tail: { offset: number; bytes: number } | undefined,
): TornTail | undefined => {
  if (end.offset === size) return undefined;
  const reason =
    openBatchLines > 0
      ? `an append of which only ${openBatchLines} line(s) were written` +
        (tail === undefined ? '' : ', then a line without its newline')
      : 'a line without its newline';
  return { line: end.lines + 1, offset: end.offset, bytes: size - end.offset, reason };
};
