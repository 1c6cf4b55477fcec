// One `usha report` run in the tests, as the command line gives it: its exit code and every
// line it wrote, read one way (forwards, indexed) or the command's own default.
import { parseCommandLine } from './parseCommandLine.ts';
import { reportCommand, type ReportRead } from './reportCommand.ts';

/** Runs `usha report <argv>`, read as `read` says (the command's default when undefined). */
export const runReport = async (argv: readonly string[], read?: ReportRead) => {
  const parsed = parseCommandLine(['report', ...argv]);
  if (parsed._tag === 'Left' || parsed.right.command !== 'report') {
    throw new Error(`not a report: ${argv.join(' ')}`);
  }
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const code = await (read === undefined ? reportCommand(parsed.right, io)
    : reportCommand(parsed.right, io, { read }));
  return { code, out: out.join('\n'), err: err.join('\n') };
};
