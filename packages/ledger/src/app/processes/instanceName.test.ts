// A claimant's default name (instanceName.ts): opaque, its own, and telling whether the
// instance that claimed is known to have stopped, so a crash in this pid scope is resumed at
// once while any instance that may still run (another container, another machine under the
// same host name) keeps its lease.
import { spawnSync } from 'node:child_process';
import { isOpaqueId } from '@usha/domain';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryStore } from '../testSupport.ts';
import { instanceName, pidScope, processRunning, stoppedHere } from './instanceName.ts';
import { claimProcess, processClaimSettings } from './processClaim.ts';
import { processRecord } from './processRecord.ts';

// The pid of a process that has ended: a child run to completion.
const endedPid = (): number => {
  const r = spawnSync(process.execPath, ['-e', '0']);
  if (r.pid === undefined || r.status !== 0) throw new Error('a child ran');
  return r.pid;
};

const scope = 'boot-1 pid:[4026531836]';

test('a default name is opaque, carries no host name, and is never another instance\'s', () => {
  const a = instanceName({ host: 'rina-laptop', scope, pid: 4242 });
  const b = instanceName({ host: 'rina-laptop', scope, pid: 4242 });
  assert.ok(isOpaqueId(a));
  assert.match(a, /^h[0-9a-f]{12}\.4242\.[0-9a-f-]{36}$/);
  assert.not.match(a, /rina/);
  assert.is.not(a, b);
  assert.is(a.slice(0, 18), b.slice(0, 18));
  // Another machine, another boot, another pid namespace (a container): another scope.
  for (const other of [{ host: 'other', scope }, { host: 'rina-laptop', scope: 'boot-2 pid:[1]' },
    { host: 'rina-laptop', scope: 'boot-1 pid:[4026532999]' }]) {
    assert.is.not(instanceName({ ...other, pid: 4242 }).slice(0, 13), a.slice(0, 13));
  }
});

test('only a default name of this pid scope whose process is gone is known to have stopped',
  () => {
    const gone = endedPid();
    assert.is(processRunning(gone), false);
    assert.is(processRunning(process.pid), true);
    if (pidScope() !== undefined) assert.is(stoppedHere(instanceName({ pid: gone })), true);
    // Running: this process; or another scope whose pids are not ours to look up (a container
    // with this host name, another machine under it, this machine before its last boot).
    assert.is(stoppedHere(instanceName({ pid: process.pid })), false);
    assert.is(stoppedHere(instanceName({ host: 'another-machine', pid: gone })), false);
    assert.is(stoppedHere(instanceName({ scope: 'boot-0 pid:[4026531836]', pid: gone })), false);
    assert.is(stoppedHere('branch-7-app'), false);
    const here = { host: 'm', scope, pid: 1 };
    // A pid that runs (perhaps reused) keeps the lease: the safe side.
    assert.is(stoppedHere(instanceName({ ...here, pid: 17 }), { ...here, running: () => true }),
      false);
    assert.is(stoppedHere(instanceName({ ...here, pid: 17 }), { ...here, running: () => false }),
      true);
    // A platform that tells no scope: never taken for stopped.
    assert.is(stoppedHere(instanceName({ ...here, pid: 17 }),
      { ...here, scope: undefined, running: () => false }), false);
  });

test('a claim by an instance of this pid scope that stopped is taken over before its lease '
  + 'runs out; one whose process runs is not', async () => {
  if (pidScope() === undefined) return; // no scope to tell: covered above, leases waited out
  const p = { processId: 'credit', record: processRecord('creditDividends',
    { commandId: 'credit', actor: 'board', on: '2025-04-10', societyId: 'USHA',
      financialYear: '2024-25' }) };
  const now = () => new Date('2026-12-05T10:00:00.000Z');
  const store = memoryStore();
  const dead = instanceName({ pid: endedPid() });
  assert.equal(await claimProcess(store, processClaimSettings({ claimant: dead, now }), p),
    { kind: 'won', claim: { revision: 0n, leaseUntil: '2026-12-05T10:05:00.000Z' } });
  const restarted = processClaimSettings({ now });
  assert.equal(await claimProcess(store, restarted, p),
    { kind: 'won', claim: { revision: 1n, leaseUntil: '2026-12-05T10:05:00.000Z' } });
  // This process runs: its claim keeps a third instance off until the lease runs out.
  assert.equal(await claimProcess(store, processClaimSettings({ now }), p),
    { kind: 'held', by: { processId: 'credit', claimant: restarted.claimant,
      leaseUntil: '2026-12-05T10:05:00.000Z' } });
});

test.run();
