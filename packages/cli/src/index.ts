// The `usha` command for auditors and operators, also callable from code (and tests).
export { runCli } from './runCli.ts';
export { runOnProcess } from './runOnProcess.ts';
export { parseCommandLine } from './parseCommandLine.ts';
export { processIo, type CliIo } from './cliIo.ts';
export { watchOutput, type WatchedStream } from './outputWatch.ts';
export type { CliCommand, LogSource, ReportCommand, ReportKind } from './cliCommand.ts';
export { reportKinds } from './cliCommand.ts';
