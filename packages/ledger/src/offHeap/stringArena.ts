/**
 * Strings kept as UTF-8 bytes outside the JS heap, each behind a 4-byte length, in blocks of
 * 1 MiB (a longer string gets a block of its own): a string is named by a number, its block
 * times 2^24 plus where it starts in the block. What an index keeps when it must give back the
 * exact strings (ids, stream names) of a million rows without a million string objects on the
 * heap. Blocks are never copied to grow, so the arena's peak is its size, not twice it.
 */
export interface StringArena {
  readonly blocks: Buffer[];
  /** Bytes used in each block. */
  readonly ends: number[];
}

const blockBytes = 1 << 20;
const blockSpan = 2 ** 24; // addresses per block: a string must be shorter than 16 MiB

/** An empty arena. */
export const stringArena = (): StringArena => ({ blocks: [], ends: [] });

const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};

/** Stores `s`; returns where it is. */
export const addString = (arena: StringArena, s: string): number => {
  // Ids and stream names are ASCII: their bytes are copied here, without a call into C++
  // for the length and another for the copy (together most of an index's cost per row).
  const ascii = isAscii(s);
  const length = ascii ? s.length : Buffer.byteLength(s, 'utf8');
  if (length + 4 >= blockSpan) throw new RangeError('a string of 16 MiB or more in an arena');
  const { blocks, ends } = arena;
  let b = blocks.length - 1;
  let block = blocks[b];
  if (block === undefined || (ends[b] ?? 0) + 4 + length > block.length) {
    block = Buffer.allocUnsafe(Math.max(blockBytes, 4 + length));
    b = blocks.push(block) - 1;
    ends.push(0);
  }
  const start = ends[b] ?? 0;
  block.writeUInt32LE(length, start);
  if (!ascii) block.write(s, start + 4, length, 'utf8');
  else for (let i = 0; i < length; i++) block[start + 4 + i] = s.charCodeAt(i);
  ends[b] = start + 4 + length;
  return b * blockSpan + start;
};

/** The string stored at `at`. */
export const stringAt = (arena: StringArena, at: number): string => {
  const block = arena.blocks[Math.floor(at / blockSpan)];
  if (block === undefined) throw new RangeError(`no string at ${at}`);
  const start = at % blockSpan;
  return block.toString('utf8', start + 4, start + 4 + block.readUInt32LE(start));
};

/** True if the string stored at `at` is `s`; an ASCII one is compared without decoding it. */
export const stringIs = (arena: StringArena, at: number, s: string): boolean => {
  const block = arena.blocks[Math.floor(at / blockSpan)];
  if (block === undefined) throw new RangeError(`no string at ${at}`);
  const start = (at % blockSpan) + 4;
  const length = block.readUInt32LE(start - 4);
  // UTF-8 takes more bytes than UTF-16 code units for any non-ASCII text, and as many for
  // ASCII: equal counts mean both are ASCII or the strings differ.
  if (length > s.length) return stringAt(arena, at) === s;
  if (length < s.length) return false;
  for (let i = 0; i < length; i++) if (block[start + i] !== s.charCodeAt(i)) return false;
  return true;
};

/**
 * Where the string stored after the one at `at` is (strings stored one after another, as an
 * index stores a row's strings): after it in its block, or at the start of the next block.
 */
export const nextString = (arena: StringArena, at: number): number => {
  const b = Math.floor(at / blockSpan);
  const block = arena.blocks[b];
  if (block === undefined) throw new RangeError(`no string at ${at}`);
  const next = (at % blockSpan) + 4 + block.readUInt32LE(at % blockSpan);
  return next < (arena.ends[b] ?? 0) ? b * blockSpan + next : (b + 1) * blockSpan;
};
