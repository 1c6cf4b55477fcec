import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

// A claimant named by default: where its pid means something (a digest of the host name, the
// kernel's boot and the pid namespace: a host name may carry a person's name, and the log is
// copied to auditors), the process id, and a random UUID so that no two instances share a name.
const shape = /^h([0-9a-f]{12})\.(\d{1,10})\.[0-9a-f-]{36}$/;

/**
 * Where a pid is this process's to look up: one kernel since its boot (its boot id, a random
 * UUID of each boot) and one pid namespace (containers have their own). Two containers sharing
 * a host name, or two machines sharing one, are two scopes; undefined where the platform tells
 * neither (then no claim is taken for stopped: its lease is waited out).
 */
export const pidScope = (): string | undefined => {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const namespace = readlinkSync('/proc/self/ns/pid');
    return `${boot} ${namespace}`;
  } catch {
    return undefined;
  }
};

const scopeKey = (host: string, scope: string | undefined): string =>
  createHash('sha256').update(`${host}\n${scope ?? randomUUID()}`).digest('hex').slice(0, 12);

/** This process's default claimant: `h<scope>.<pid>.<uuid>`, an opaque name of its own. */
export const instanceName = (
  o: { readonly host?: string; readonly scope?: string | undefined; readonly pid?: number } = {},
): string => {
  const scope = 'scope' in o ? o.scope : pidScope();
  return `h${scopeKey(o.host ?? hostname(), scope)}.${o.pid ?? process.pid}.${randomUUID()}`;
};

/** Whether a process of this scope is running: signal 0 checks, and sends nothing. */
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
 * this pid scope (this boot of this kernel, this pid namespace) whose process is gone: a
 * crash or a restart. Any other name, a scope that cannot be told, or a process that runs
 * (its id perhaps reused) is not known to have stopped: its lease is waited out.
 */
export const stoppedHere = (
  claimant: string, o: { readonly host?: string; readonly scope?: string | undefined;
    readonly pid?: number; readonly running?: (pid: number) => boolean } = {},
): boolean => {
  const scope = 'scope' in o ? o.scope : pidScope();
  const m = shape.exec(claimant);
  if (scope === undefined || m === null || m[1] !== scopeKey(o.host ?? hostname(), scope)) {
    return false;
  }
  const pid = Number(m[2]);
  if (pid === (o.pid ?? process.pid)) return false;
  return !(o.running ?? processRunning)(pid);
};
