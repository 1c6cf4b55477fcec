// A `usha` command line run in a child of its own (`node --max-old-space-size=... --import tsx
// reportChild.fixture.ts <argv>`): one JSON line with its exit code, what it printed and the
// child's peak resident memory, so a test can bound the memory of one command alone.
import { runCli } from './runCli.ts';

const out: string[] = [];
const code = await runCli(process.argv.slice(2), { out: (l) => out.push(l),
  err: (l) => out.push(l) });
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ code, out: out.join('\n'), peakRssMiB })}\n`);
