import { processIo } from './cliIo.ts';
import { watchOutput } from './outputWatch.ts';
import { runCli } from './runCli.ts';
import { packageVersion } from './version.ts';

// One watch a process, however many commands it runs: the first failure is told once.
let watched: { readonly failed: () => boolean } | undefined;
const raise = (code: number) => {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
};

/**
 * Runs one `usha` command line on the process's own standard output and error, as the `usha`
 * program does, and sets `process.exitCode`: the output's failures are heard from before the
 * first write (an 'error' event, often after the write that met it returned, would otherwise
 * end the process with a stack trace), told once, and raise the code to at least 1 whenever
 * they arrive, even after this returns, however many commands the process runs. Returns the
 * code as known on return.
 * @example await runOnProcess(['verify', 'usha.ndjson'])
 */
export const runOnProcess = async (argv: readonly string[]): Promise<number> => {
  watched ??= watchOutput({ out: process.stdout, err: process.stderr, onFailed: () => raise(1) });
  // --version is answered before parsing, so it needs no log and reads no input.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    processIo.out(packageVersion());
    return Number(process.exitCode ?? 0);
  }
  raise(await runCli(argv, processIo));
  return Number(process.exitCode ?? 0);
};
