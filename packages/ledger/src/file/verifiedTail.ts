// The lines an open verified after the index checkpoint, kept as parsed for the first read
// forwards over them. After a crash those lines are what a Ledger's catch-up reads next: read
// from the file again, each would be hashed and parsed a second time, by code that runs for the
// first time in the process, which cost a reopen more than the lines themselves.
import type { ChunkedSource } from '../eventStore/chunkedIterable.ts';
import { recordedDecoder } from '../eventStore/decodeRecorded.ts';
import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape, RecordedEvent } from '../eventStore/port.ts';
import { position } from '../eventStore/position.ts';
import type { RawLine } from './lineEnvelope.ts';
import type { ChainLink } from './lineDecoder.ts';
import type { ScannedLine } from './scanLog.ts';

/** A line the open verified, with its parsed content. */
export type KeptLine = ScannedLine & { readonly content: RawLine };

/** The lines verified after the index checkpoint, in log order, and where they lie. */
export interface VerifiedTail {
  /** Number (from 0) of its first line in the log. */
  readonly firstLine: number;
  /** Byte offset of its first line. */
  readonly startOffset: number;
  /** Byte offset just after its last line. */
  readonly endOffset: number;
  readonly lines: ReadonlyArray<KeptLine>;
}

/**
 * Most bytes of lines kept. Parsed, with its hash and place, a line takes about 1.2 times its
 * bytes of heap (2,000 deposits of the scale bench: 1.41 MB of lines, 1.42 MB parsed): 8 MiB,
 * about 12,000 such events, leaves an open well inside a 128 MiB heap. A longer tail is not
 * kept, and is read from the file again as before.
 */
export const verifiedTailBytes = 8 * 2 ** 20;

// The scan's own line object is kept, not a copy of it: it is not used again by the scan.
const hasContent = (l: ScannedLine): l is KeptLine => l.content !== undefined;

/** Collects the lines an open verifies from `start`; none once they pass `maxBytes`. */
export const tailCollector = (
  start: { readonly line: number; readonly offset: number }, maxBytes = verifiedTailBytes,
) => {
  let lines: KeptLine[] | undefined = [];
  return {
    onLine: (l: ScannedLine): void => {
      if (lines === undefined) return;
      if (!hasContent(l) || l.offset - start.offset >= maxBytes) lines = undefined;
      else lines.push(l);
    },
    /** The tail, if it was kept whole; `endOffset` is where the verified lines end. */
    tail: (endOffset: number): VerifiedTail | undefined =>
      lines === undefined || lines.length === 0 || endOffset - start.offset > maxBytes
        ? undefined
        : { firstLine: start.line, startOffset: start.offset, endOffset, lines },
  };
};

/** What a read of kept lines shares with the reads of the file around it. */
export interface KeptRead {
  /** The chain as read so far: the first kept line must link to it. */
  readonly link: ChainLink;
  /** Events the read may still return. */
  readonly budget: { left: number };
  readonly corrupt: (offset: number, reason: string) => Error;
  /** Called once the read has taken the last kept line. */
  readonly onEnd: () => void;
}

/**
 * The kept lines from index `from` on, decoded as a read of the file decodes them (a decode
 * failure is the same InvalidEventError naming stream, revision, type and field). Their hashes
 * were checked at open and these are the bytes checked, so they are not hashed again.
 */
export const keptLines = <E extends EventShape>(
  schema: EventSchema<E>, tail: VerifiedTail, from: number, read: KeptRead,
): ChunkedSource<RecordedEvent<E>> => {
  const decode = recordedDecoder(schema);
  let i = from;
  let filled = false; // one chunk: the lines are in memory already
  return {
    take: () => {
      const l = tail.lines[i];
      if (!filled || l === undefined || read.budget.left <= 0) return undefined;
      const { content } = l;
      if (read.link.prev !== undefined && content.prev !== read.link.prev) {
        throw read.corrupt(l.offset, 'prev is not the hash of the line before');
      }
      read.link.prev = l.hash;
      i += 1;
      read.budget.left -= 1;
      if (i === tail.lines.length) read.onEnd();
      const fields = {
        eventId: content.eventId, stream: content.stream, revision: BigInt(l.revision),
        position: position(BigInt(l.offset)), recordedAt: new Date(content.recordedAt),
      };
      return decode(fields, content);
    },
    refill: async () => {
      if (filled || i >= tail.lines.length || read.budget.left <= 0) return false;
      filled = true;
      return true;
    },
  };
};

/** One source after another: each is opened once the one before it has ended. */
export const concatSources = <T>(
  opens: ReadonlyArray<() => ChunkedSource<T>>,
): ChunkedSource<T> => {
  let at = 0;
  let current = opens[0]?.();
  return {
    take: () => current?.take(),
    refill: async () => {
      while (current !== undefined) {
        if (await current.refill()) return true;
        at += 1;
        current = opens[at]?.();
      }
      return false;
    },
  };
};
