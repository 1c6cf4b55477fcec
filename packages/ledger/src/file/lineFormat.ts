import * as crypto from 'node:crypto';

/** Why a line is refused when it is not a line of this format at all (no hash frame). */
export const notALogLine = 'does not start with {"hash":"<64 hex>",';

/** The `prev` of the first line: 64 zeros. */
export const genesisHash = '0'.repeat(64);

/** Bytes before the content in a line: `{"hash":"<64 hex>",`. */
export const linePrefixBytes = 75;

/**
 * Bytes before the content in a signed line: `{"hash":"<64 hex>","sig":"<128 hex>",`. The
 * signature signs the hash, so it cannot be part of what is hashed: it sits beside the hash.
 */
export const signedPrefixBytes = linePrefixBytes + 137;

/** The fields the store writes in each line, apart from the hash. */
export interface LineFields {
  readonly batchIndex: number;
  readonly batchSize: number;
  readonly dataJson: string;
  readonly eventId: string;
  readonly metadataJson: string;
  readonly prev: string;
  readonly recordedAt: string;
  readonly revision: bigint;
  readonly stream: string;
  readonly type: string;
}

// crypto.hash (Node >= 20.12) hashes a string without the Hash object's overhead.
const oneShot: unknown = Reflect.get(crypto, 'hash');
const hashHex: (content: string | Uint8Array) => string =
  typeof oneShot === 'function'
    ? (content) => String(oneShot('sha256', content, 'hex'))
    : (content) => crypto.createHash('sha256').update(content).digest('hex');

/** SHA-256 of a line's content, lowercase hex. */
export const sha256Hex = hashHex;

/** SHA-256 of bytes [start, end) of a buffer, lowercase hex, without a Buffer view per call. */
export const sha256HexOf = (buffer: Buffer, start: number, end: number): string =>
  hashHex(new Uint8Array(buffer.buffer, buffer.byteOffset + start, end - start));

// The lines of an append share a stream, and mostly a type: each is quoted once a run of
// lines, not once a line (a memo of the last one: the same text either way).
let lastStream = '';
let lastStreamJson = '""';
let lastType = '';
let lastTypeJson = '""';
const streamJson = (stream: string): string => {
  if (stream !== lastStream) {
    lastStreamJson = JSON.stringify(stream);
    lastStream = stream;
  }
  return lastStreamJson;
};
const typeJson = (type: string): string => {
  if (type !== lastType) {
    lastTypeJson = JSON.stringify(type);
    lastType = type;
  }
  return lastTypeJson;
};

/**
 * The canonical content of a line: every field but the hash, keys in sorted order. Data and
 * metadata are already canonical JSON; strings go through JSON.stringify, like the JSON codec.
 */
export const lineContent = (f: LineFields): string =>
  `{"batchIndex":${f.batchIndex},"batchSize":${f.batchSize},"data":${f.dataJson},` +
  `"eventId":${JSON.stringify(f.eventId)},"metadata":${f.metadataJson},"prev":"${f.prev}",` +
  `"recordedAt":"${f.recordedAt}","revision":"${f.revision}",` +
  `"stream":${streamJson(f.stream)},"type":${typeJson(f.type)}}`;

/**
 * Writes one line of the log: `{"hash":"<sha256 of content>",` followed by the content without
 * its opening brace, then a newline. So the content is `{` + the line from byte 75 on.
 */
export const encodeLine = (f: LineFields): { readonly line: string; readonly hash: string } => {
  const content = lineContent(f);
  const hash = hashHex(content);
  return { line: `{"hash":"${hash}",${content.slice(1)}\n`, hash };
};

const openingBytes = Buffer.from('{"hash":"');
const hashStart = openingBytes.length; // 9
const hashEnd = hashStart + 64; // 73: `"` then `,` at 74

/** True if `line` (bytes [start, end) of a buffer) is long enough and has `{"hash":"…",`. */
export const hasLineFrame = (buffer: Buffer, start: number, end: number): boolean => {
  if (end - start <= linePrefixBytes) return false;
  for (let i = 0; i < hashStart; i++) if (buffer[start + i] !== openingBytes[i]) return false;
  return buffer[start + hashEnd] === 0x22 && buffer[start + hashEnd + 1] === 0x2c;
};

const lowerHex = new Uint8Array(256);
for (const c of '0123456789abcdef') lowerHex[c.charCodeAt(0)] = 1;

/** True if the 64 bytes of the hash field of the line at `start` are lowercase hex. */
export const hasHexHash = (buffer: Buffer, start: number): boolean => {
  for (let i = start + hashStart; i < start + hashEnd; i++) {
    if (lowerHex[buffer[i] ?? 0] !== 1) return false;
  }
  return true;
};

/** True if the hash field of the line at `start` holds `hex` (64 lowercase hex digits). */
export const hashFieldIs = (buffer: Buffer, start: number, hex: string): boolean => {
  for (let i = 0; i < 64; i++) {
    if (buffer[start + hashStart + i] !== hex.charCodeAt(i)) return false;
  }
  return true;
};

const sigOpening = Buffer.from('"sig":"');

/** True if the line at `start` (ending at `end`) carries `"sig":"<128 hex>",` after its hash. */
export const hasSignature = (buffer: Buffer, start: number, end: number): boolean => {
  if (end - start <= signedPrefixBytes) return false;
  const at = start + linePrefixBytes;
  for (let i = 0; i < sigOpening.length; i++) if (buffer[at + i] !== sigOpening[i]) return false;
  const hexStart = at + sigOpening.length;
  for (let i = hexStart; i < hexStart + 128; i++) if (lowerHex[buffer[i] ?? 0] !== 1) return false;
  return buffer[hexStart + 128] === 0x22 && buffer[hexStart + 129] === 0x2c;
};

/** The signature (128 hex) of a line for which `hasSignature` holds. */
export const signatureOf = (buffer: Buffer, start: number): string =>
  buffer.toString('latin1', start + linePrefixBytes + 7, start + signedPrefixBytes - 2);

/**
 * Where the content of a framed line starts, less one: the byte that is the content's `{`
 * once written over (`hasLineFrame` must hold). A line's content begins with `"batchIndex"`,
 * so a `"sig"` field there can only be the signature.
 */
export const contentBraceAt = (buffer: Buffer, start: number, end: number): number =>
  buffer[start + linePrefixBytes] === 0x22 && hasSignature(buffer, start, end)
    ? start + signedPrefixBytes - 1
    : start + linePrefixBytes - 1;
