// The rows of the reversal index, in fixed chunks of typed-array columns (outside the JS
// heap). Chunks are added, never reallocated: a long replay does not copy what it holds, does
// not keep a grown copy's slack, and does not leave freed buffers behind in the allocator.

/** Rows a chunk holds. */
export const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** One chunk's columns: 21 bytes a row. */
export interface RowChunk {
  readonly keysA: Uint32Array;
  readonly keysB: Uint32Array;
  readonly code: Uint8Array;
  readonly aux: Int32Array;
  readonly day: Int32Array; // the reversible event's business date, as an epoch day
  readonly amount: Int32Array; // paise, or WIDE: see `wide`
}

/**
 * Every row's columns, chunk by chunk, and the repayments' splits (three paise each). Amounts
 * are kept in 32 bits (up to 21,474,836.47 in rupees, nearly every posting); a wider one is
 * marked WIDE in its column and kept exactly, as a bigint, in `wide` (rows by row number,
 * splits by -1 - their place), so no amount is ever rounded or cut.
 */
export interface ReversalRows {
  readonly chunks: RowChunk[];
  readonly splitChunks: Int32Array[];
  readonly wide: Map<number, bigint>;
  size: number;
  splitCount: number;
}

/** The column value that sends a reader to `wide`. */
const WIDE = -0x80000000;
const narrow = (rows: ReversalRows, key: number, x: bigint): number => {
  if (x > -0x80000000n && x <= 0x7fffffffn) return Number(x);
  rows.wide.set(key, x);
  return WIDE;
};
const widen = (rows: ReversalRows, key: number, v: number): bigint =>
  (v === WIDE ? rows.wide.get(key) ?? 0n : BigInt(v));

/** No rows. */
export const emptyRows = (): ReversalRows =>
  ({ chunks: [], splitChunks: [], wide: new Map(), size: 0, splitCount: 0 });

const newChunk = (): RowChunk => ({
  keysA: new Uint32Array(CHUNK), keysB: new Uint32Array(CHUNK), code: new Uint8Array(CHUNK),
  aux: new Int32Array(CHUNK), day: new Int32Array(CHUNK), amount: new Int32Array(CHUNK),
});

/** The chunk holding row r (r < size). */
export const chunkOf = (rows: ReversalRows, r: number): RowChunk | undefined =>
  rows.chunks[r >>> CHUNK_BITS];

/** Row r's place in its chunk. */
export const offsetOf = (r: number): number => r & MASK;

/** Appends a row; returns its number. */
export const appendRow = (
  rows: ReversalRows, keyA: number, keyB: number, code: number, aux: number, day: number,
  amount: bigint,
): number => {
  const r = rows.size;
  const o = r & MASK;
  if (o === 0) rows.chunks.push(newChunk());
  const c = rows.chunks[r >>> CHUNK_BITS] ?? newChunk();
  c.keysA[o] = keyA;
  c.keysB[o] = keyB;
  c.code[o] = code;
  c.aux[o] = aux;
  c.day[o] = day;
  c.amount[o] = narrow(rows, r, amount);
  rows.size = r + 1;
  return r;
};

/** Appends a repayment's split (penalties, fees, interest); returns its number. */
export const appendSplit = (
  rows: ReversalRows, penalties: bigint, fees: bigint, interest: bigint,
): number => {
  const k = rows.splitCount;
  const o = (k & MASK) * 3;
  if (o === 0) rows.splitChunks.push(new Int32Array(CHUNK * 3));
  const c = rows.splitChunks[k >>> CHUNK_BITS] ?? new Int32Array(3);
  c[o] = narrow(rows, -1 - k * 3, penalties);
  c[o + 1] = narrow(rows, -2 - k * 3, fees);
  c[o + 2] = narrow(rows, -3 - k * 3, interest);
  rows.splitCount = k + 1;
  return k;
};

/** Part j (0 penalties, 1 fees, 2 interest) of split k. */
export const splitPart = (rows: ReversalRows, k: number, j: number): bigint =>
  widen(rows, -1 - j - k * 3, rows.splitChunks[k >>> CHUNK_BITS]?.[(k & MASK) * 3 + j] ?? 0);

/** The amount of row r. */
export const amountOf = (rows: ReversalRows, r: number): bigint =>
  widen(rows, r, chunkOf(rows, r)?.amount[r & MASK] ?? 0);

/** Column values of rows [0, size) in order, e.g. for JSON. */
export const columnOf = <T>(
  rows: ReversalRows, read: (c: RowChunk, o: number) => T,
): T[] => {
  const out: T[] = [];
  for (let r = 0; r < rows.size; r += 1) {
    const c = chunkOf(rows, r);
    if (c !== undefined) out.push(read(c, r & MASK));
  }
  return out;
};
