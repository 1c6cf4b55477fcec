#!/usr/bin/env node
// The `usha` command's entry point. Installed, it runs as dist/bin.js with plain node; in the
// repository, `node --import tsx packages/cli/src/bin.ts <command> ...`.
import { processIo } from './cliIo.ts';
import { watchOutput } from './outputWatch.ts';
import { runCli } from './runCli.ts';
import { packageVersion } from './version.ts';

// Installed before anything is written: a failed write's 'error' event, unheard, would end
// the process with a stack trace; told, the exit code is at least 1, whenever it arrives.
const output = watchOutput({ out: process.stdout, err: process.stderr,
  onFailed: () => { process.exitCode = Math.max(Number(process.exitCode ?? 0), 1); } });
const args = process.argv.slice(2);
// --version is answered here, before parsing, so it needs no log and reads no input.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  processIo.out(packageVersion());
} else {
  const code = await runCli(args, processIo);
  process.exitCode = output.failed() ? Math.max(code, 1) : code;
}
