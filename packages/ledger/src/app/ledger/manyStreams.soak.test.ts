// A log of 200,000 small streams (50,000 members, each with four streams; 300,000 events, her own
// stream noting the two accounts opened on it) opens in a 32 MiB heap: `usha verify` walks it, and
// the file store and the Ledger open over it and still work. The indexes kept on the heap before
// (Maps of streams, ids, commands, members) ran out of memory on this log at 32 MiB (verify) and
// 64 MiB (the Ledger). The million-event run is a benchmark: `npx -y pnpm@10 bench manyStreams`.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeManyStreamsLog } from './manyStreamsLog.fixture.ts';

const MEMBERS = 50_000;
const heapMiB = 32;
const root = new URL('../../../../../', import.meta.url).pathname;
const child = (args: ReadonlyArray<string>) => spawnSync(process.execPath,
  [`--max-old-space-size=${heapMiB}`, '--import', 'tsx', ...args],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });

test(`200,000 streams: usha verify and the Ledger open in a ${heapMiB} MiB heap`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-many-streams-'));
  const file = join(dir, 'usha.ndjson');
  try {
    assert.is(await writeManyStreamsLog(file, MEMBERS), 6 * MEMBERS);
    const verify = child(['packages/cli/src/bin.ts', 'verify', file]);
    assert.is(verify.status, 0, verify.stderr);
    assert.match(verify.stdout, `${6 * MEMBERS} events, hash chain intact`);
    const open = child(['packages/ledger/src/app/ledger/manyStreamsOpen.fixture.ts', file,
      String(MEMBERS)]);
    assert.is(open.status, 0, open.stderr);
    const r: unknown = JSON.parse(open.stdout);
    const outcome = (key: string) => Reflect.get(Object(r), key);
    // The retry of the last member's savings account opening: recognised, not decided again.
    assert.equal(outcome('retried'), { status: 'accepted', duplicate: true });
    // Her savings account holds 1,000.00 after the deposit: 5,000.00 cannot be withdrawn.
    assert.equal(outcome('deposit'), { status: 'accepted', duplicate: false });
    assert.equal(outcome('overdraw'), { status: 'rejected', duplicate: false,
      rejection: { type: 'insufficient_balance', balance: '1000.00', requested: '5000.00' } });
    // With her shares redeemed, her exit is refused for the two deposit accounts she holds.
    assert.equal(outcome('redeem'), { status: 'accepted', duplicate: false });
    assert.equal(outcome('exit'), { status: 'rejected', duplicate: false,
      rejection: { type: 'deposits_still_open', openDepositAccounts: 2 } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
