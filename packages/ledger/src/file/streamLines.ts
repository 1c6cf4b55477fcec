import { streamNumber, type FileIndex } from './fileIndex.ts';

/** A stream's lines as a read needs them: the stream's length, and its lines by revision. */
export interface StreamLines {
  /** Revisions the stream has: 0 to `length - 1`. */
  readonly length: number;
  /**
   * The line numbers of revisions `lo` to `hi` (inclusive, clamped to the stream), walked
   * from the stream's last line back to `lo`: the cost follows the revisions after `lo`, not
   * the stream's length (a branch's stream grows all its life, and a command reads its end).
   * `line(r)` of a revision outside the range is -1.
   */
  readonly range: (lo: number, hi: number) => { readonly line: (revision: number) => number };
}

/**
 * The stream's lines, or undefined if it has none. Each line keeps the number of the stream's
 * line before it, so the walk is from the last line backwards; the line number is kept so that
 * a read needs no search for it by offset.
 */
const none = { line: () => -1 };

export const streamLines = (index: FileIndex, stream: string): StreamLines | undefined => {
  const s = streamNumber(index, stream);
  if (s < 0) return undefined;
  const length = index.streamLength.data[s] ?? 0;
  const range = (lo: number, hi: number) => {
    const from = Math.max(0, lo);
    const to = Math.min(length - 1, hi);
    if (to < from) return none;
    const lines = new Int32Array(Math.max(0, to - from + 1)).fill(-1);
    let line = index.streamLast.data[s] ?? -1;
    for (let r = length - 1; r >= from && line >= 0; r--) {
      if (r <= to) lines[r - from] = line;
      line = index.previousInStream.data[line] ?? -1;
    }
    return { line: (revision: number) =>
      revision >= from && revision <= to ? lines[revision - from] ?? -1 : -1 };
  };
  return { length, range };
};
