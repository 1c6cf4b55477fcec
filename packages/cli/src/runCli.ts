import { StoreCorruptError, EventStoreError, StoreOptionsError, notALogLine } from '@usha/ledger';
import type { CliIo } from './cliIo.ts';
import { exportCommand } from './exportCommand.ts';
import { fileProblem } from './fileProblem.ts';
import { LogUnreadableError } from './openLog.ts';
import { OutputIncompleteError, OutputWriteError, outputWriteProblem } from './outputFailure.ts';
import { keygenCommand } from './keygenCommand.ts';
import { parseCommandLine } from './parseCommandLine.ts';
import { reportCommand } from './reportCommand.ts';
import { shownSafely } from './safeText.ts';
import { usage } from './usage.ts';
import { verifyCommand } from './verifyCommand.ts';
import { packageVersion } from './version.ts';

const describe = (e: unknown): string => {
  // Said last, after the partial report, so that nobody takes what is above for the whole.
  if (e instanceof OutputIncompleteError) {
    return `the report above is incomplete: ${describe(e.cause)}`;
  }
  if (e instanceof StoreCorruptError && e.where.line === 1 && e.reason === notALogLine) {
    return `${e.where.file}: not an event log (its first line is not a log line)`;
  }
  if (e instanceof LogUnreadableError) return e.problem;
  if (e instanceof StoreCorruptError) {
    return `the log is damaged at line ${e.where.line} (byte ${e.where.offset}): ${e.reason}`;
  }
  const file = fileProblem(e);
  if (file !== undefined) return file;
  if (e instanceof EventStoreError || e instanceof Error) return e.message;
  return String(e);
};

/**
 * Runs one `usha` command line (without `node` and the script) and returns its exit code: 0
 * done, 1 the log is damaged or cannot be read, or the output failed (told by whoever watches
 * the output: see watchOutput), 2 the command line is wrong. Nothing is thrown. On the
 * process's own output, call `runOnProcess` instead: it hears the output's failures too.
 * @example const code = await runCli(['verify', 'usha.ndjson'], capturingIo)
 */
export const runCli = async (argv: readonly string[], given: CliIo): Promise<number> => {
  // Every line on standard error is shown, not obeyed (safeText.ts): what it quotes may be a
  // file name, a flag's value or a log's bytes, none of them the command's own.
  const io: CliIo = { ...given, err: (line) => given.err(shownSafely(line)) };
  const parsed = parseCommandLine(argv);
  if (parsed._tag === 'Left') {
    io.err(`usha: ${parsed.left}`);
    io.err(`Run 'usha help' for the commands.`);
    return 2;
  }
  const c = parsed.right;
  try {
    switch (c.command) {
      case 'help':
        io.out(usage);
        return 0;
      case 'version':
        io.out(packageVersion());
        return 0;
      // Its lines quote the file's name and what the log holds: shown, never obeyed.
      case 'verify':
        return await verifyCommand(c, { ...io, out: (line) => io.out(shownSafely(line)) });
      case 'report': return await reportCommand(c, io);
      // Each quotes the file or folder it was given: shown, never obeyed, as verify's lines.
      case 'export':
        return await exportCommand(c, { ...io, out: (line) => io.out(shownSafely(line)) });
      case 'keygen':
        return await keygenCommand(c, { ...io, out: (line) => io.out(shownSafely(line)) });
    }
  } catch (e) {
    if (e instanceof OutputWriteError) {
      // A reader that closed early (`| head`) is its choice, not a fault to tell.
      const problem = io.outputWatched === true ? undefined : outputWriteProblem(e.cause);
      if (problem !== undefined) io.err(`usha: ${problem}`);
      return 1;
    }
    io.err(`usha: ${describe(e)}`);
    // A store option refused (an --esdb connection string the client cannot read) is the
    // command line's fault, not the log's.
    return e instanceof StoreOptionsError ? 2 : 1;
  }
};
