// Two Ledgers opened at once on a log whose dividend credit was killed half-way (two app
// instances, on other machines than the one that died, opened once its lease ran out): both
// find it unfinished, both claim it (processClaim.ts), one claim is stored and that instance
// completes it; the other leaves it, reporting it resumed elsewhere. Each step's id derives
// from the process's, so each is stored once.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { allEvents, balanceOf, testLedger } from '../testSupport.ts';
import { dividendDeclared } from './dividendDeclared.fixture.ts';

const fixture = new URL('./killBetweenSteps.fixture.ts', import.meta.url).pathname;

const killedAfter = (file: string, appends: number) =>
  new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, file, 'credit',
      String(appends)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (_, signal) => resolve(signal));
  });

test('of two Ledgers opening at once on one unfinished dividend credit, one claims and '
  + 'completes it, the other leaves it to that one; each step is stored once', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-resume-two-'));
  const file = join(dir, 'usha.ndjson');
  try {
    const setup = await openFileEventStore({ file, schema: ledgerEventSchema });
    await dividendDeclared(setup);
    await setup.close();
    // Its claim, the parts, then three of the six credit steps.
    assert.is(await killedAfter(file, 5), 'SIGKILL');
    // The file store takes one writer: both Ledgers share its one read-write handle.
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    // The dead instance's claim (5 minutes by the real clock) has run out; its process is gone
    // too, which alone would let either take it over (instanceName.test.ts).
    const later = () => new Date(Date.now() + 301_000);
    const [a, b] = await Promise.all(['A', 'B'].map((claimant) =>
      testLedger(store, { processClaims: { claimant, now: later } })));
    if (a === undefined || b === undefined) throw new Error('two Ledgers');
    assert.equal([...a.resumed, ...b.resumed].map((o) => [o.processId, o.status]),
      [['credit', 'completed']]);
    assert.equal([...a.resumedElsewhere, ...b.resumedElsewhere].map((h) => h.processId),
      ['credit']);
    const events = await allEvents(store);
    assert.equal(events.filter((e) => e.type === 'DividendCredited').map((e) => e.data.amount),
      ['10.00', '10.00', '10.00']);
    assert.is(events.filter((e) => e.type === 'Deposited' && e.data.source === 'dividend')
      .length, 3);
    assert.is(events.filter((e) => e.metadata.processEnd === true).length, 1);
    const claimants = events.flatMap((e) => e.type === 'ProcessClaimed' ? [e.data.claimant] : []);
    assert.match(claimants[0] ?? '', /^h[0-9a-f]{12}\.\d+\.[0-9a-f-]{36}$/);
    assert.equal(claimants.slice(1), [a.resumed.length === 1 ? 'A' : 'B']);
    for (const m of ['M1', 'M2', 'M3']) assert.is(await balanceOf(a, store, `SB-${m}`), 101000n);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
