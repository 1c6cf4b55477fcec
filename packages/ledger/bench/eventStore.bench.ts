// Event-store benchmark: ratios of the file store against plain baselines, measured side by
// side in one run on the same file.
// Run: node --import tsx packages/ledger/bench/eventStore.bench.ts
// Optional: EVENTS=200000 to try a smaller log. Data goes to a temp dir, removed at the end.
import { generateKeyPairSync } from 'node:crypto';
import { open, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonBytesOf, lineBatch } from '../src/file/lineBatch.ts';
import { genesisHash, sha256HexOf } from '../src/file/lineFormat.ts';
import { openFileEventStore, verifyLog } from '../src/index.ts';
import { repayment, schema } from './repaymentEvents.ts';

const totalEvents = Number(process.env['EVENTS'] ?? 1_000_000);
const appendBatches = 2000; // batches of 100 in the append benchmark
const rounds = 3; // each measurement is repeated; the best time counts


const time = async (f: () => Promise<void>): Promise<number> => {
  const start = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
// The least CPU time (user + system, µs) of each measurement `best` made, by name: less moved
// by other work on the machine than wall time, so reads are also compared by it.
const cpuUs = new Map<string, number>();
const best = async (f: () => Promise<void>, name = ''): Promise<number> => {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    const before = process.cpuUsage();
    min = Math.min(min, await time(f));
    const used = process.cpuUsage(before);
    cpuUs.set(name, Math.min(cpuUs.get(name) ?? Infinity, used.user + used.system));
  }
  return min;
};

// Baseline reader: the same file, 1 MiB chunks, split on newlines, JSON.parse per line; with
// `hash`, also the SHA-256 of each line (the least a reader that trusts nothing unchecked does).
const parseEveryLine = async (file: string, hash = false): Promise<number> => {
  const h = await open(file, 'r');
  let lines = 0;
  let carry = Buffer.alloc(0);
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    const { bytesRead } = await h.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    const buf =
      carry.length > 0
        ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
        : chunk.subarray(0, bytesRead);
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      JSON.parse(buf.toString('utf8', start, nl));
      if (hash) sha256HexOf(buf, start + 75, nl);
      lines++;
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
  }
  await h.close();
  return lines;
};

const dir = await mkdtemp(join(tmpdir(), 'usha-bench-'));
try {
  const file = join(dir, 'events.ndjson');
  const store = await openFileEventStore({ file, schema, maxAppendBytes: 1 << 24 });

  // 1. Appends of 100 events, one after another: each is written and fsync'd on its own. Best
  // of 3: the first into the store kept for the rest of the run, the others into fresh logs.
  const batches = Array.from({ length: appendBatches }, (_, b) =>
    Array.from({ length: 100 }, () => repayment(b % 10_000)),
  );
  const appendAll = async (target: typeof store) => {
    for (const [b, events] of batches.entries())
      await target.appendToStream(`loan-L${b % 10_000}`, events);
  };
  let storeAppendMs = await time(() => appendAll(store));
  for (let r = 1; r < rounds; r++) {
    const scratch = join(dir, `appends-${r}.ndjson`);
    const fresh = await openFileEventStore({ file: scratch, schema, maxAppendBytes: 1 << 24 });
    storeAppendMs = Math.min(storeAppendMs, await time(() => appendAll(fresh)));
    await fresh.close();
    await rm(scratch);
  }
  // The same appends, signed: one Ed25519 signature per append of 100.
  const { privateKey } = generateKeyPairSync('ed25519');
  const signedAppendMs = await best(async () => {
    const scratch = join(dir, 'signed.ndjson');
    const signed = await openFileEventStore({
      file: scratch, schema, maxAppendBytes: 1 << 24, signingKey: privateKey,
    });
    await appendAll(signed);
    await signed.close();
    await rm(scratch);
  });
  // Baseline: the very bytes the store wrote, batch by batch, write + fdatasync per batch.
  const written = await open(file, 'r');
  const bytes = Buffer.alloc((await stat(file)).size);
  await written.read(bytes, 0, bytes.length, 0);
  await written.close();
  const cuts: number[] = [0];
  for (let i = 0, lines = 0; i < bytes.length; i++) {
    if (bytes[i] === 10 && ++lines % 100 === 0) cuts.push(i + 1);
  }
  const plainAppendMs = await best(async () => {
    const h = await open(join(dir, 'plain.ndjson'), 'w');
    for (let b = 1; b < cuts.length; b++) {
      const from = cuts[b - 1] ?? 0;
      await h.write(bytes, from, (cuts[b] ?? 0) - from, from);
      await h.datasync();
    }
    await h.close();
  });
  // The floor of this format, for reference: what any writer of the hash chain must do per
  // event with nothing checked, sorted or indexed: JSON.stringify of data and metadata, the
  // line and its SHA-256 (the store's own line writer), then the same write + fdatasync.
  const floorAppendMs = await best(async () => {
    const h = await open(join(dir, 'floor.ndjson'), 'w');
    const lines = lineBatch();
    let prev = genesisHash;
    let at = 0;
    for (const [b, events] of batches.entries()) {
      lines.reset();
      const recordedAt = new Date().toISOString();
      for (const [i, e] of events.entries()) {
        prev = lines.add({
          batchIndex: i,
          batchSize: events.length,
          prev,
          recordedAt,
          revision: BigInt(i),
          stream: `loan-L${b % 10_000}`,
          type: e.type,
        }, jsonBytesOf(e.eventId, JSON.stringify(e.data), JSON.stringify(e.metadata)));
      }
      const out = lines.bytes();
      await h.write(out, 0, out.length, at);
      at += out.length;
      await h.datasync();
    }
    await h.close();
  });

  // 2. Fill to the full size with concurrent appends (group commit), then close.
  const inFlight = 16;
  let loan = 0;
  let left = totalEvents - appendBatches * 100;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (left > 0) {
        const n = Math.min(100, left);
        left -= n;
        const l = loan++ % 10_000;
        await store.appendToStream(
          `loan-L${l}`,
          Array.from({ length: n }, () => repayment(l)),
        );
      }
    }),
  );
  await store.close();
  const sizeBytes = (await stat(file)).size;

  // 3. Reading everything decoded, against JSON.parse of every line.
  let parsed = 0;
  const parseMs = await best(async () => {
    parsed = await parseEveryLine(file);
  }, 'parse');
  const parseHashMs = await best(async () => {
    await parseEveryLine(file, true);
  }, 'parse+hash');
  let openMs = 0;
  const reader = await openFileEventStore({ file, schema, mode: 'read-only' }).then(async (s) => {
    openMs = await time(async () =>
      (await openFileEventStore({ file, schema, mode: 'read-only' })).close(),
    );
    return s;
  });
  let read = 0;
  const readMs = await best(async () => {
    read = 0;
    for await (const e of reader.readAll()) if (e.revision >= 0n) read++;
  }, 'read');
  await reader.close();

  // 4. Full chain verification, against the same baseline.
  let verified = 0;
  const verifyMs = await best(async () => {
    const v = await verifyLog(file);
    verified = v.ok ? v.lines : -1;
  });

  if (parsed !== totalEvents || read !== totalEvents || verified !== totalEvents) {
    throw new Error(`counts differ: parsed ${parsed}, read ${read}, verified ${verified}`);
  }
  const perSec = (n: number, ms: number) =>
    `${Math.round((n / ms) * 1000).toLocaleString('en-IN')}/s`;
  const row = (name: string, ms: number, base: number, n: number, target: number) =>
    console.log(
      `${name.padEnd(34)} ${perSec(n, ms).padStart(14)}  ratio ${(base / ms).toFixed(2)}` +
        `  (target >= ${target})  ${base / ms >= target ? 'ok' : 'BELOW TARGET'}`,
    );
  console.log(
    `Event store benchmark: ${totalEvents.toLocaleString('en-IN')} events, ` +
      `${(sizeBytes / 2 ** 20).toFixed(0)} MiB, node ${process.version}, best of ${rounds}`,
  );
  console.log(
    `${'baseline JSON.parse per line'.padEnd(34)} ${perSec(totalEvents, parseMs).padStart(14)}`,
  );
  row('readAll, decoded', readMs, parseMs, totalEvents, 0.8);
  console.log(`${'  against JSON.parse+SHA-256 per line'.padEnd(34)} `
    + `${perSec(totalEvents, parseHashMs).padStart(14)}  ratio ${(parseHashMs / readMs).toFixed(2)}`
    + '  (the least a checked read does)');
  const cpuOf = (name: string) => (cpuUs.get(name) ?? 0) / totalEvents;
  console.log(`${'  CPU per event: readAll'.padEnd(34)} ${cpuOf('read').toFixed(2)} µs; `
    + `JSON.parse ${cpuOf('parse').toFixed(2)} µs (ratio `
    + `${(cpuOf('parse') / cpuOf('read')).toFixed(2)}); with SHA-256 `
    + `${cpuOf('parse+hash').toFixed(2)} µs (ratio `
    + `${(cpuOf('parse+hash') / cpuOf('read')).toFixed(2)})`);
  row('verifyLog (full chain)', verifyMs, parseMs, totalEvents, 0.4);
  const plainRate = perSec(appendBatches * 100, plainAppendMs);
  console.log(`${'baseline write+fdatasync per 100'.padEnd(34)} ${plainRate.padStart(14)}`);
  row('appendToStream, 100 per call', storeAppendMs, plainAppendMs, appendBatches * 100, 0.8);
  console.log(`${'appendToStream, signed, 100 per call'.padEnd(34)} `
    + `${perSec(appendBatches * 100, signedAppendMs).padStart(14)}  ratio `
    + `${(plainAppendMs / signedAppendMs).toFixed(2)}  (unsigned: `
    + `${(plainAppendMs / storeAppendMs).toFixed(2)})`);
  const floorRate = perSec(appendBatches * 100, floorAppendMs);
  console.log(
    `${'  floor: stringify+line+SHA-256+sync'.padEnd(34)} ${floorRate.padStart(14)}  ratio ` +
      `${(plainAppendMs / floorAppendMs).toFixed(2)}  (the format's least work)`,
  );
  console.log(`open (verify + index), read-only: ${(openMs / 1000).toFixed(2)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
