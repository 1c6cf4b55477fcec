// The `usha` command's entry point: `node --import tsx packages/cli/src/bin.ts <command> ...`.
import { processIo } from './cliIo.ts';
import { runCli } from './runCli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo);
