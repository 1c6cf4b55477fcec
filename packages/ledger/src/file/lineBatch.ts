import { byteSink, reserve } from '../eventStore/byteSink.ts';
import { dataKey, eventIdKey, metadataKey } from '../eventStore/prepareAppend.ts';
import { linePrefixBytes, sha256HexOf, signedPrefixBytes } from './lineFormat.ts';

/** The fields of a line other than data, event id and metadata (see `LineFields`). */
export interface LineHead {
  readonly batchIndex: number;
  readonly batchSize: number;
  /** The hash of the line before: 64 lowercase hex. */
  readonly prev: string;
  /** An ISO-8601 time as `Date.prototype.toISOString` writes it. */
  readonly recordedAt: string;
  /** A whole number from 0; the committer passes a number (revisions there are below 2^31). */
  readonly revision: bigint | number;
  readonly stream: string;
  readonly type: string;
}

/**
 * Data, event id and metadata as a prepared event carries them (`PreparedEvent`): the bytes
 * `,"data":<data>,"eventId":"<id>","metadata":<metadata>` of a line, data and metadata as
 * canonical JSON in UTF-8, from `dataStart - 8` to `metadataEnd` of `bytes`.
 */
export interface JsonBytes {
  readonly bytes: Buffer;
  readonly dataStart: number;
  readonly metadataEnd: number;
}

/** The lines of one write, encoded straight into one buffer (reused from write to write). */
export interface LineBatch {
  /** Empties the batch; the bytes given out before must no longer be in use. */
  readonly reset: () => void;
  /**
   * Encodes one more line (the very bytes `encodeLine` writes for the same fields) and returns
   * its hash; with `sign`, the line also carries `"sig":"<sign(hash)>",` after its hash (the
   * last line of an append).
   */
  readonly add: (head: LineHead, json: JsonBytes, sign?: (hashHex: string) => string) => string;
  /** Bytes encoded since the last reset. */
  readonly size: () => number;
  /** The encoded lines: a view of the batch's buffer, valid until the next reset or add. */
  readonly bytes: () => Buffer;
}

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const opening = ascii('{"hash":"');
const batchIndexKey = ascii('{"batchIndex":');
const prevKey = ascii(',"prev":"');
const dataKeyBytes = dataKey.length;

// The engine's own latin1 writer, without `Buffer#write`'s choosing of an encoding on every
// call: Node has had it on Buffer.prototype since its first versions.
const latin1Write: (this: Buffer, text: string, at: number) => number = (() => {
  const own: unknown = Reflect.get(Buffer.prototype, 'latin1Write');
  if (typeof own !== 'function') {
    return function (this: Buffer, text: string, at: number) {
      return this.write(text, at, 'latin1');
    };
  }
  return own as (this: Buffer, text: string, at: number) => number; // checked: a function
})();

// A revision up to this is written by digitsIn, without a string made of it.
const maxExact = BigInt(Number.MAX_SAFE_INTEGER);

// The decimal digits of a whole number below 2^53 into `b` at `at`; returns where they end.
const digitsIn = (b: Buffer, at: number, n: number): number => {
  let end = at + 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) end++;
  let rest = n;
  for (let i = end - 1; i >= at; i--) {
    b[i] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return end;
};

// A piece of a line made from one or two values that repeat from line to line (the batch's
// size, the commit's time, the append's stream and type): encoded once a run of lines, not
// once a line (a memo of the last one: the same bytes either way).
// Copies a piece into `b` at `at`; returns where it ends. (`set`: a loop measured slower.)
const putPiece = (b: Buffer, piece: Uint8Array, at: number): number => {
  b.set(piece, at);
  return at + piece.length;
};

const memo = <K, V>(make: (k: K) => V, same: (a: K, b: K) => boolean): ((k: K) => V) => {
  let last: K | undefined;
  let made: V | undefined;
  return (k) => {
    if (last === undefined || made === undefined || !same(last, k)) {
      made = make(k);
      last = k;
    }
    return made;
  };
};
// The stream and type of a head, compared by value: a caller may pass one head object,
// changed from line to line, so the memo must not keep the object itself.
const tailMemo = (make: (stream: string, type: string) => Buffer) => {
  let stream: string | undefined;
  let type: string | undefined;
  let made: Buffer = Buffer.alloc(0);
  return (h: LineHead): Buffer => {
    if (h.stream !== stream || h.type !== type) {
      made = make(h.stream, h.type);
      stream = h.stream;
      type = h.type;
    }
    return made;
  };
};

/**
 * Makes an empty batch. Each line's content is written in place at byte 74 of the line (its
 * `{` there is where the line's `,` goes), field by field, data and metadata copied as the
 * bytes they were prepared as; the content is hashed as those very bytes, and then the
 * `{"hash":"<hex>",` before it is filled in: no string is built for a line or its content,
 * and nothing is encoded twice.
 */
export const lineBatch = (): LineBatch => {
  const sink = byteSink();
  const sizePiece = memo((n: number) => ascii(`,"batchSize":${n}`), (a, b) => a === b);
  const timePiece = memo((t: string) => Buffer.from(`","recordedAt":"${t}","revision":"`),
    (a, b) => a === b);
  // Encoded as UTF-8: a stream or type name may be any text.
  const tailPiece = tailMemo((stream, type) => Buffer.from(
    `","stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}\n`));
  // Writes the content from `at` (its `{`) and its newline; returns where the newline is.
  // Pieces of bytes made once, the event's run of bytes, the previous hash, and the digits:
  // a copy by the engine for anything longer than a few bytes, and no string built.
  const putContent = (head: LineHead, json: JsonBytes, at: number): number => {
    const size = sizePiece(head.batchSize);
    const time = timePiece(head.recordedAt);
    const tail = tailPiece(head);
    const middleStart = json.dataStart - dataKeyBytes;
    const middleBytes = json.metadataEnd - middleStart;
    const revision = typeof head.revision === 'number' ? head.revision
      : head.revision <= maxExact ? Number(head.revision) : undefined;
    reserve(sink, at - sink.used + 40 + size.length + middleBytes + 9 + head.prev.length
      + time.length + 40 + tail.length);
    const b = sink.buffer;
    let i = digitsIn(b, putPiece(b, batchIndexKey, at), head.batchIndex);
    i = putPiece(b, size, i);
    const from = json.bytes;
    b.set(new Uint8Array(from.buffer, from.byteOffset + middleStart, middleBytes), i);
    i = putPiece(b, prevKey, i + middleBytes);
    // The previous hash is most often the hash of the line just written into this buffer:
    // copied from there, not encoded from its string again.
    if (head.prev === lastHash && lastHashAt >= 0) {
      b.copyWithin(i, lastHashAt, lastHashAt + lastHash.length);
    } else {
      latin1Write.call(b, head.prev, i);
    }
    i = putPiece(b, time, i + head.prev.length); // 64 hex
    i = revision === undefined
      ? i + latin1Write.call(b, head.revision.toString(), i)
      : digitsIn(b, i, revision);
    b.set(tail, i);
    return i + tail.length - 1;
  };
  // The hash of the line added last, and where its hex is in the buffer (-1: none since reset).
  let lastHash = '';
  let lastHashAt = -1;
  return {
    reset: () => {
      sink.used = 0;
      lastHashAt = -1;
    },
    add: (head, json, sign) => {
      const prefixBytes = sign === undefined ? linePrefixBytes : signedPrefixBytes;
      const start = sink.used;
      const contentStart = start + prefixBytes - 1;
      const end = putContent(head, json, contentStart);
      const buffer = sink.buffer; // after the content: it may have grown
      const hash = sha256HexOf(buffer, contentStart, end);
      putPiece(buffer, opening, start);
      latin1Write.call(buffer, hash, start + opening.length);
      lastHash = hash;
      lastHashAt = start + opening.length;
      buffer[start + linePrefixBytes - 2] = 0x22; // `"` closing the hash
      if (sign !== undefined) {
        buffer.write(`,"sig":"${sign(hash)}"`, start + linePrefixBytes - 1, 'latin1');
      }
      buffer[contentStart] = 0x2c; // `,` in place of the content's `{`
      sink.used = end + 1;
      return hash;
    },
    size: () => sink.used,
    bytes: () => sink.buffer.subarray(0, sink.used),
  };
};

/** An event id and its data and metadata texts (canonical JSON) as a line's bytes take them. */
export const jsonBytesOf = (
  eventId: string, dataJson: string, metadataJson: string,
): JsonBytes => {
  const id = JSON.stringify(eventId).slice(1, -1); // as encodeLine writes it, less its quotes
  const text = `${dataKey}${dataJson}${eventIdKey}${id}${metadataKey}${metadataJson}`;
  const bytes = Buffer.from(text);
  return { bytes, dataStart: dataKeyBytes, metadataEnd: bytes.length };
};
