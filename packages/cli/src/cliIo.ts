import { progressSink, type ProgressSink } from './replayProgress.ts';

/** Where the command writes: standard output and standard error, a line at a time. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** A long replay's progress, rewritten in place; only when standard error is a terminal. */
  readonly progress?: ProgressSink | undefined;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: progressSink(process.stderr),
};
