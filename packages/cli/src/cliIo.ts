import { progressSink, type ProgressSink } from './replayProgress.ts';
import { OutputIncompleteError } from './outputFailure.ts';
import { writeLines } from './writeLines.ts';

/**
 * Where the command writes: standard output and standard error, a line at a time. A failure of
 * the output that `out` or `outLines` reports (OutputWriteError) is told on `err`, unless
 * `outputWatched`: then its owner tells it (runOnProcess watches the process's).
 */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** The output's failures are told by whoever watches it (`watchOutput`), not by the command. */
  readonly outputWatched?: boolean;
  /**
   * Many lines to standard output, each as `out` writes one, in blocks as the output takes
   * them; without it, `printLines` gives each line to `out`.
   */
  readonly outLines?: ((lines: Iterable<string>) => Promise<void>) | undefined;
  /** A long replay's progress, rewritten in place; only when standard error is a terminal. */
  readonly progress?: ProgressSink | undefined;
}

/** The process's own streams. */
export const processIo: CliIo = {
  outputWatched: true,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  outLines: (lines) => writeLines(process.stdout, lines),
  progress: progressSink(process.stderr),
};

/**
 * Prints lines to `io`'s standard output as its `outLines` does, else each through `out`; lines
 * that stop coming after some were printed reject with OutputIncompleteError, as writeLines.
 */
export const printLines = async (io: CliIo, lines: Iterable<string>): Promise<void> => {
  if (io.outLines !== undefined) return io.outLines(lines);
  let printed = 0;
  const it = lines[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = it.next();
    } catch (e) {
      if (printed === 0) throw e;
      throw new OutputIncompleteError(e, printed);
    }
    if (next.done === true) return;
    io.out(next.value); // the output's own failure is passed on as it is
    printed += 1;
  }
};
