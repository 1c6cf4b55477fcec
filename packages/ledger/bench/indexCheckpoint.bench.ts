// The Ledger's index checkpoint on a log of small streams (50,000 members: 300,000 events;
// `MEMBERS=` for another size): the open from the checkpoint beside the open reading the whole
// log; what a checkpoint costs to take (the synchronous snapshot) and to write (SHA-256 and the
// file); and deposits, one after another, with a checkpoint written every `EVERY` events (2,000
// by default, far more often than the default) beside the same deposits with none: their
// latency and the event loop's longest stall. One run each.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { products } from '@usha/domain/testing';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { emptyIndexes, indexSnapshot } from '../src/app/ledger/indexCheckpoint.ts';
import { memberPart, writeManyStreamsLog } from '../src/app/ledger/manyStreamsLog.fixture.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { writeSnapshotFile } from '../src/offHeap/snapshotFile.ts';

const members = Number(process.env.MEMBERS ?? 50_000);
const every = Number(process.env.EVERY ?? 2_000);
const deposits = Number(process.env.DEPOSITS ?? 6_000);
const ms = (t0: number) => (performance.now() - t0).toFixed(0);

const dir = await mkdtemp(join(tmpdir(), 'usha-index-bench-'));
try {
  const file = join(dir, 'usha.ndjson');
  const events = await writeManyStreamsLog(file, members);
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const index = `${file}.ledger-index`;

  // The parts of a write, on indexes built from the whole log.
  const indexes = emptyIndexes();
  let seen;
  for await (const e of store.readAll()) {
    indexes.commands.observe(e); indexes.members.observe(e); indexes.processes.observe(e);
    seen = { position: e.position, eventId: e.eventId };
  }
  if (seen === undefined) throw new Error('an empty log');
  let t0 = performance.now();
  const w = indexSnapshot(indexes, seen);
  const snapshotMs = ms(t0);
  t0 = performance.now();
  const sha = createHash('sha256');
  for (const p of w.parts) sha.update(p);
  sha.digest();
  const shaMs = ms(t0);
  t0 = performance.now();
  await writeSnapshotFile(join(dir, 'parts.ledger-index'), w);
  const writeMs = ms(t0);
  console.log(`${events.toLocaleString('en')} events; checkpoint ` +
    `${(w.bytes / 2 ** 20).toFixed(1)} MiB: snapshot (synchronous) ${snapshotMs} ms, ` +
    `SHA-256 (synchronous) ${shaMs} ms, whole write ${writeMs} ms`);

  // The opens, side by side.
  t0 = performance.now();
  const fromLog = await createLedger({ store, products, indexCheckpoint: { file: index } });
  const logMs = ms(t0);
  await fromLog.close();
  t0 = performance.now();
  const fromCheckpoint = await createLedger({ store, products,
    indexCheckpoint: { file: index } });
  const checkpointMs = ms(t0);
  await fromCheckpoint.close();
  console.log(`open reading the log: ${logMs} ms; from the checkpoint ` +
    `(${((await stat(index)).size / 2 ** 20).toFixed(1)} MiB): ${checkpointMs} ms ` +
    `(${fromCheckpoint.opened.from}, ${fromCheckpoint.opened.eventsRead} events read)`);

  // Deposits with checkpoints written every `every` events, and with none.
  const latencies = async (label: string, option: { file: string; everyEvents: number } | false,
    offset: number) => {
    const ledger = await createLedger({ store, products, indexCheckpoint: option });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const took: number[] = [];
    const t = performance.now();
    for (let n = 0; n < deposits; n++) {
      const s = performance.now();
      const o = await ledger.execute({ type: 'MakeDeposit', data: { commandId: `b-${offset + n}`,
        actor: 'clerk', on: '2025-06-01', accountId: `SB-${memberPart(n % members)}`,
        amount: '10', source: 'cash' } });
      if (o.status !== 'accepted') throw new Error(JSON.stringify(o));
      took.push(performance.now() - s);
    }
    const total = performance.now() - t;
    delay.disable();
    await ledger.close();
    took.sort((a, b) => a - b);
    const at = (q: number) => (took[Math.floor(q * (took.length - 1))] ?? 0).toFixed(2);
    console.log(`${label}: ${deposits} deposits in ${total.toFixed(0)} ms; per deposit p50 ` +
      `${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; longest event-loop stall ` +
      `${(delay.max / 1e6).toFixed(0)} ms`);
    return total;
  };
  const none = await latencies('no checkpoint', false, 0);
  const some = await latencies(`a checkpoint every ${every} events`,
    { file: index, everyEvents: every }, deposits);
  console.log(`time with checkpoints / without: ${(some / none).toFixed(2)}`);
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
