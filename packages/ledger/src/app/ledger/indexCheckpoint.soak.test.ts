// A log of 300,000 events (50,000 members' small streams) opens in a 128 MiB heap by reading
// it whole, and the Ledger keeps its index checkpoint when it closes (asked to whatever followed
// the checkpoint it wrote beside the commands: closeCheckpoint.test.ts holds the default, which
// leaves a short tail to the next open); the next Ledger, in the
// same heap, opens from that checkpoint reading no event, and decides the same commands as the
// first did (the first's now recognised as stored, its refusals refused again).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeManyStreamsLog } from './manyStreamsLog.fixture.ts';

const MEMBERS = 50_000;
const heapMiB = 128;
const root = new URL('../../../../../', import.meta.url).pathname;
const openInChild = (file: string): Record<string, unknown> => {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, '--import', 'tsx',
    'packages/ledger/src/app/ledger/manyStreamsOpen.fixture.ts', file, String(MEMBERS), 'every'],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  assert.is(r.status, 0, r.stderr);
  const out: unknown = JSON.parse(r.stdout);
  if (typeof out !== 'object' || out === null) throw new Error(`not an object: ${r.stdout}`);
  return Object.fromEntries(Object.entries(out));
};

test(`300,000 events: the Ledger opens from its checkpoint in a ${heapMiB} MiB heap`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-index-soak-'));
  const file = join(dir, 'usha.ndjson');
  try {
    assert.is(await writeManyStreamsLog(file, MEMBERS), 6 * MEMBERS);
    const first = openInChild(file);
    assert.equal(first.opened, { from: 'log', eventsRead: 6 * MEMBERS,
      reason: `no checkpoint at ${file}.ledger-index` });
    assert.ok((await stat(`${file}.ledger-index`)).size > 0);
    const second = openInChild(file);
    // The first Ledger's checkpoint holds its own commands: nothing is left to read.
    assert.equal(second.opened, { from: 'checkpoint', eventsRead: 0 });
    const rejection = { type: 'insufficient_balance', balance: '1000.00', requested: '5000.00' };
    assert.equal(first.deposit, { status: 'accepted', duplicate: false });
    assert.equal(second.deposit, { status: 'accepted', duplicate: true });
    assert.equal(first.overdraw, { status: 'rejected', duplicate: false, rejection });
    assert.equal(second.overdraw, { status: 'rejected', duplicate: false, rejection });
    assert.equal(second.retried, { status: 'accepted', duplicate: true });
    assert.equal(second.redeem, { status: 'accepted', duplicate: true });
    assert.equal(second.exit, first.exit);
    console.log(JSON.stringify({ checkpointBytes: (await stat(`${file}.ledger-index`)).size,
      first: { ...first, deposit: undefined, overdraw: undefined, retried: undefined,
        redeem: undefined, exit: undefined },
      second: { ...second, deposit: undefined, overdraw: undefined, retried: undefined,
        redeem: undefined, exit: undefined } }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
