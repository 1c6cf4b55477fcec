import { progressSink, type ProgressSink } from './replayProgress.ts';
import { OutputIncompleteError } from './outputFailure.ts';
import { writeLines } from './writeLines.ts';

/**
 * Where the command writes: standard output and standard error, a line at a time. An output
 * that fails is for its owner to tell (bin.ts watches the process's): writes through `out`
 * never see it.
 */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
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
  try {
    for (const line of lines) {
      io.out(line);
      printed += 1;
    }
  } catch (e) {
    if (printed === 0) throw e;
    throw new OutputIncompleteError(e, printed);
  }
};
