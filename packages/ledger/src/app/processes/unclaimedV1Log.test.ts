// A log written before processes were claimed by their starter: yearEndV1Log.fixture.json (the
// file's lines as that version wrote them) cut short in its dividend credit after the parts, two
// members' credits and one deposit, as a crash would leave it. No claim is in it. It opens, the
// opening Ledger claims the credit (its first claim, at revision 0) and completes it.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { allEvents, balanceOf, testLedger } from '../testSupport.ts';
import { instanceName } from './instanceName.ts';

const fixture: { lines: ReadonlyArray<{ type: string; metadata: { processId?: string } }> } =
  JSON.parse(readFileSync(new URL('./yearEndV1Log.fixture.json', import.meta.url), 'utf8'));
// The last three lines are the credit's last three steps.
const cut = fixture.lines.slice(0, -3);

test('the cut log holds no claim, and the credit started and not ended', () => {
  assert.is(cut.some((l) => l.type === 'ProcessClaimed'), false);
  assert.equal(cut.filter((l) => l.metadata.processId === 'credit').map((l) => l.type),
    ['DividendAllocated', 'DividendCredited', 'Deposited', 'DividendCredited']);
});

test('a log with an unfinished process and no claim opens; its credit is claimed and '
  + 'completed once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-v1-unclaimed-'));
  const file = join(dir, 'usha.ndjson');
  try {
    await writeFile(file, cut.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const claimant = instanceName();
    const ledger = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n),
      processClaims: { claimant } });
    assert.equal(ledger.resumed.map((o) => [o.processId, o.status]), [['credit', 'completed']]);
    assert.equal(ledger.resumedElsewhere, []);
    const events = await allEvents(store);
    assert.equal(events.flatMap((e) => e.type === 'ProcessClaimed'
      ? [`${e.stream} ${e.revision} ${e.data.claimant}`] : []), [`process-credit 0 ${claimant}`]);
    assert.equal(events.flatMap((e) => e.type === 'DividendCredited'
      ? [`${e.data.accountId} ${e.data.amount}`] : []),
    ['SH-M-0001 10.00', 'SH-M-0002 10.00', 'SH-M-0003 10.00']);
    assert.equal(events.flatMap((e) => e.type === 'Deposited' && e.data.source === 'dividend'
      ? [`${e.data.accountId} ${e.data.amount} ${e.data.balanceAfter}`] : []),
    ['SB-M-0001 10.00 1050.60', 'SB-M-0002 10.00 1050.60', 'SB-M-0003 10.00 1050.60']);
    for (const m of ['M-0001', 'M-0002', 'M-0003']) {
      assert.is(await balanceOf(ledger, store, `SB-${m}`), 105060n);
    }
    await ledger.close();
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
