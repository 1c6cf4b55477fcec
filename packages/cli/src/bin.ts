#!/usr/bin/env node
// The `usha` command's entry point. Installed, it runs as dist/bin.js with plain node; in the
// repository, `node --import tsx packages/cli/src/bin.ts <command> ...`.
import { processIo } from './cliIo.ts';
import { runCli } from './runCli.ts';
import { packageVersion } from './version.ts';

const args = process.argv.slice(2);
// --version is answered here, before parsing, so it needs no log and reads no input.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  processIo.out(packageVersion());
} else {
  process.exitCode = await runCli(args, processIo);
}
