// A Ledger killed (SIGKILL) while it writes its index checkpoint leaves the old checkpoint or
// the new one, never a part of one: the next open restores from it, reads only what followed,
// and recognises every command the killed Ledger had acknowledged.
import { existsSync } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { acknowledgedBeforeKill } from '../../file/killedChild.fixture.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { createLedger } from './createLedger.ts';
import { readIndexCheckpoint } from './indexCheckpoint.ts';
import { writeManyStreamsLog } from './manyStreamsLog.fixture.ts';

const exists = (path: string) => access(path).then(() => true, () => false);
const child = new URL('./indexCheckpointChild.fixture.ts', import.meta.url).pathname;
const MEMBERS = 2000; // 12,000 events: a checkpoint of some size, written again and again

test('killed while writing its checkpoint, a Ledger leaves the old one or the new one',
  async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-index-kill-'));
  const file = join(dir, 'usha.ndjson');
  try {
    await writeManyStreamsLog(file, MEMBERS);
    // The first checkpoint, so that each kill has an old one to leave if not a new one.
    const setup = await openFileEventStore({ file, schema: ledgerEventSchema });
    await (await createLedger({ store: setup, products })).close();
    await setup.close();
    let next = 0;
    let midWrite = 0;
    const acknowledged: string[] = [];
    // Kills at times, and kills as soon as a write is seen under way: a checkpoint small
    // enough to be written in a few milliseconds is seldom hit by a kill at a time alone.
    const writing = () => existsSync(`${file}.ledger-index.writing`);
    for (const [delayMs, whenWriting] of [[40, false], [90, false], [150, false], [220, false],
      [300, false], [420, false], [400, true], [400, true], [400, true], [400, true]] as const) {
      const acks = await acknowledgedBeforeKill(child, [file, String(MEMBERS), String(next)],
        delayMs, whenWriting ? writing : undefined);
      acknowledged.push(...acks);
      next += acks.length + 1000; // ids past any the child may have stored unacknowledged
      // A write the kill cut short leaves its temporary file, beside the one it would replace.
      if (await exists(`${file}.ledger-index.writing`)) midWrite += 1;
      const kept = await readIndexCheckpoint(`${file}.ledger-index`);
      assert.ok(kept.found, kept.found ? '' : kept.reason);
    }
    assert.ok(midWrite > 0, 'no kill landed while a checkpoint was written');
    assert.ok(acknowledged.length > 0, 'the children stored nothing before their kill');
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const ledger = await createLedger({ store, products, indexCheckpoint: {
      file: `${file}.ledger-index` } });
    assert.is(ledger.opened.from, 'checkpoint');
    for (const commandId of acknowledged) {
      const n = Number(commandId.slice(2));
      const o = await ledger.execute({ type: 'MakeDeposit', data: { commandId, actor: 'clerk',
        on: '2025-06-01', accountId: `SB-x${String(n % MEMBERS).padStart(7, '0')}`,
        amount: '10', source: 'cash' } });
      assert.is(o.status === 'accepted' && o.duplicate, true, commandId);
    }
    await ledger.close();
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
