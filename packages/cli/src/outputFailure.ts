import { systemMeaning } from './fileProblem.ts';

// What can go wrong while a command prints: the output stops taking bytes, or the lines
// being printed stop coming part-way, after some of them were written.

/**
 * The output failed a write: its reader closed (EPIPE) or the device refused it; the message
 * says why in words where the code is known ('no space left on the disk'), else the code.
 */
export class OutputWriteError extends Error {
  readonly code: string;
  constructor(cause: unknown) {
    const code = errorCode(cause);
    super(`cannot write the output: ${systemMeaning(code) ?? code}`, { cause });
    this.name = 'OutputWriteError';
    this.code = code;
  }
}

/** Making the lines failed after `linesWritten` of them were printed: the output is partial. */
export class OutputIncompleteError extends Error {
  constructor(cause: unknown, readonly linesWritten: number) {
    super(`the output is incomplete (${linesWritten} lines printed)`, { cause });
    this.name = 'OutputIncompleteError';
  }
}

/** An error's `code` (as Node's system errors carry one), else its name. */
export const errorCode = (e: unknown): string => {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') {
    return e.code;
  }
  return e instanceof Error ? e.name : 'unknown';
};

/**
 * The line a failed output is told with on standard error, or undefined for a reader that
 * closed early (`usha report ... | head`): that is the reader's choice, not a fault to tell.
 */
export const outputWriteProblem = (e: unknown): string | undefined => {
  return errorCode(e) === 'EPIPE' ? undefined : new OutputWriteError(e).message;
};
