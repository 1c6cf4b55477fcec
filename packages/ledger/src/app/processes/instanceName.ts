import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

// A claimant named by default: the machine as a digest of its host name (a host name may carry
// a person's name, and the log is copied to auditors), the process id, and a random UUID so
// that two instances never share a name, even two containers with one host name and pid 1.
const shape = /^(h[0-9a-f]{12})\.(\d{1,10})\.[0-9a-f-]{36}$/;

const machineOf = (host: string): string =>
  `h${createHash('sha256').update(host).digest('hex').slice(0, 12)}`;

/** This process's default claimant: `h<machine>.<pid>.<uuid>`, an opaque name of its own. */
export const instanceName = (host: string = hostname(), pid: number = process.pid): string =>
  `${machineOf(host)}.${pid}.${randomUUID()}`;

/** Whether a process of this machine is running: signal 0 checks, and sends nothing. */
export const processRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: running, as another user. Only "no such process" says it stopped.
    return !(e instanceof Error && Reflect.get(e, 'code') === 'ESRCH');
  }
};

/**
 * Whether the instance that claimed as `claimant` is known to have stopped: a default name of
 * this machine whose process is gone (a crash, a restart). Any other name, or a process that
 * runs (its id perhaps reused), is not known to have stopped: its lease is waited out.
 */
export const stoppedHere = (
  claimant: string, o: { readonly host?: string; readonly pid?: number;
    readonly running?: (pid: number) => boolean } = {},
): boolean => {
  const m = shape.exec(claimant);
  if (m === null || m[1] !== machineOf(o.host ?? hostname())) return false;
  const pid = Number(m[2]);
  if (pid === (o.pid ?? process.pid)) return false;
  return !(o.running ?? processRunning)(pid);
};
