// What the starter's claim costs a short process: CPU time (process.cpuUsage) of a loan
// repayment from savings (the process: its claim, a withdrawal, a repayment; three appends)
// beside that of a claim alone (a read of `process-<id>` and an append to it) on fresh process
// ids, over the same store, in alternating blocks of one run. The claim's share is C / P; the
// process without it costs P - C, so the claim adds C / (P - C).
//   node --import tsx packages/ledger/bench/processClaim.bench.ts
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../src/eventStore/port.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import type { LedgerEvent } from '../src/app/log/ledgerEvent.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { claimProcess, processClaimSettings } from '../src/app/processes/processClaim.ts';
import { processRecord } from '../src/app/processes/processRecord.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../src/app/testSupport.ts';

const members = Number(process.env.MEMBERS ?? 150);
const rounds = 6;

const cpuMs = async (f: () => Promise<void>): Promise<number> => {
  const before = process.cpuUsage();
  await f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

const bench = async (name: string, store: EventStore<LedgerEvent>) => {
  const ledger = await testLedger(store);
  const by = (commandId: string, actor = 'maker') => ({ commandId, actor, on: '2024-05-01' });
  for (let i = 0; i < members; i += 1) {
    const m = `M${i}`;
    await memberWithSavings(ledger, m, '50000');
    ok(await ledger.applyForLoan({ ...by(`apply-${i}`), loanId: `L${i}`, memberId: m,
      productId: 'LP', principal: '20000', repayments: 4, firstRepaymentOn: null }));
    ok(await ledger.approveLoan({ ...by(`approve-${i}`, 'checker'), loanId: `L${i}`,
      principal: '20000' }));
    ok(await ledger.disburseLoan({ ...by(`disburse-${i}`), loanId: `L${i}` }));
  }
  const settings = processClaimSettings({ claimant: 'bench' });
  let processMs = 0;
  let claimMs = 0;
  for (let r = 0; r < rounds; r += 1) {
    processMs += await cpuMs(async () => {
      for (let i = 0; i < members; i += 1) {
        const o = await ledger.repayFromSavings({ commandId: `pay-${r}-${i}`, actor: 'clerk',
          on: '2024-05-20', loanId: `L${i}`, accountId: `SB-M${i}`, amount: '100' });
        if (o.status !== 'completed') throw new Error(JSON.stringify(o));
      }
    });
    claimMs += await cpuMs(async () => {
      for (let i = 0; i < members; i += 1) {
        const id = `claim-${r}-${i}`;
        const out = await claimProcess(store, settings, { processId: id, record: processRecord(
          'repayFromSavings', { commandId: id, actor: 'clerk', on: '2024-05-20' }) });
        if (out.kind !== 'won') throw new Error('held');
      }
    });
  }
  const n = members * rounds;
  const p = (processMs * 1000) / n;
  const c = (claimMs * 1000) / n;
  console.log(`${name}: process ${p.toFixed(0)} µs CPU (claim included), claim ${c.toFixed(0)}`
    + ` µs; claim share ${(c / p).toFixed(3)}, added over a process without it`
    + ` ${(c / (p - c)).toFixed(3)}`);
  await ledger.close();
};

await bench('in-memory', memoryStore());
const dir = await mkdtemp(join(tmpdir(), 'usha-claim-bench-'));
try {
  const store = await openFileEventStore({ file: join(dir, 'usha.ndjson'),
    schema: ledgerEventSchema });
  await bench('file', store);
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
