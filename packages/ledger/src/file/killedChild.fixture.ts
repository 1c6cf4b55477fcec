// Shared by the crash tests: a child that appends and prints what was acknowledged, killed
// with SIGKILL partway, and the ids it had acknowledged before it died.
import { spawn } from 'node:child_process';

/**
 * Runs `script`, SIGKILLs it `delayMs` after its first output, or sooner, at the first moment
 * `killNow` (polled each millisecond from then) says so; the ids it acknowledged.
 */
export const acknowledgedBeforeKill = (
  script: string, args: ReadonlyArray<string>, delayMs: number, killNow?: () => boolean,
): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let poll: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      const first = out === '';
      out += d.toString();
      if (!first) return;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
      if (killNow !== undefined) {
        poll = setInterval(() => { if (killNow()) child.kill('SIGKILL'); }, 1);
      }
    });
    child.on('exit', () => clearInterval(poll));
    child.on('error', reject);
    // A line cut by the kill was never seen as acknowledged, so only whole lines count.
    child.on('exit', () => {
      const whole = out.slice(0, out.lastIndexOf('\n') + 1).split('\n');
      resolve(whole.filter((l) => l.startsWith('ack ')).flatMap((l) => l.slice(4).split(' ')));
    });
  });
