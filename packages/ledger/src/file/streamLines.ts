import { streamNumber, type FileIndex } from './fileIndex.ts';

/**
 * Line numbers of the stream's lines, by revision, from `from` on (the entries before it are
 * left -1); undefined if the stream has none. As `streamOffsets`, walked from the last line
 * backwards; the line number is kept so that a read needs no search for it by offset.
 */
export const streamLines = (
  index: FileIndex, stream: string, from: bigint | 'start' | 'end' = 'start',
): Int32Array | undefined => {
  const s = streamNumber(index, stream);
  if (s < 0) return undefined;
  const lines = new Int32Array(index.streamLength.data[s] ?? 0).fill(-1);
  const first = from === 'start' ? 0 : from === 'end' ? lines.length - 1 : Number(from);
  let line = index.streamLast.data[s] ?? -1;
  for (let r = lines.length - 1; r >= first && r >= 0 && line >= 0; r--) {
    lines[r] = line;
    line = index.previousInStream.data[line] ?? -1;
  }
  return lines;
};
