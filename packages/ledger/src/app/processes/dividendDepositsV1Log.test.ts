// A log written before dividend deposits named their year (yearEndV1Log.fixture.json: the file's
// lines as that version wrote them; each member's Rs 10.00 credited and deposited on 11 April
// 2025, no DividendDeposited). It opens, and its deposits are taken to have brought the credits
// their runs made: a credit is not reversed until its deposit is, nor redirected, and no second
// dividend deposit is taken for it.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { allEvents, ok, testLedger } from '../testSupport.ts';

const fixture: { lines: ReadonlyArray<{ type: string }> } =
  JSON.parse(readFileSync(new URL('./yearEndV1Log.fixture.json', import.meta.url), 'utf8'));
const rejection = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : o.status);

test('an older log\'s dividend deposits bring their credits: reversed only after the deposit, '
  + 'never deposited twice, 2310 empty throughout', async () => {
  assert.is(fixture.lines.some((l) => l.type === 'DividendDeposited'), false);
  const dir = await mkdtemp(join(tmpdir(), 'usha-v1-dividend-'));
  const file = join(dir, 'usha.ndjson');
  try {
    await writeFile(file, fixture.lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = await openFileEventStore({ file, schema: ledgerEventSchema });
    const l = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n) });
    const by = (commandId: string) => ({ commandId, actor: 'manager', on: '2025-04-20' });
    const undoCredit = (id: string) => l.reverseEvent({ ...by(id), aggregate: 'shares',
      aggregateId: 'M-0001', eventId: 'credit:credit:M-0001.0', reason: 'entry_error' });
    const awaiting = async () => (await l.trialBalance()).rows.find((r) => r.code === '2310');
    assert.equal(rejection(await undoCredit('u1')), { type: 'not_reversible',
      eventId: 'credit:credit:M-0001.0', eventType: 'DividendCredited',
      why: 'the dividend was deposited in savings: reverse the deposit first' });
    assert.equal(rejection(await l.makeDeposit({ ...by('d1'), accountId: 'SB-M-0001',
      amount: '10', source: 'dividend' })), { type: 'dividend_not_awaiting_deposit',
      requested: '10.00', awaitingDeposit: '0.00' });
    assert.equal(rejection(await l.redirectDividendToCash({ ...by('r1'), accountId: 'SH-M-0001',
      memberId: 'M-0001', financialYear: '2024-25', amount: '10.00' })),
    { type: 'dividend_savings_open', financialYear: '2024-25', savingsAccountId: 'SB-M-0001' });
    assert.equal([(await awaiting())?.debit, (await awaiting())?.credit], [0n, 0n]);
    ok(await l.reverseEvent({ ...by('u2'), aggregate: 'deposit', aggregateId: 'SB-M-0001',
      eventId: 'credit:deposit:M-0001.0', reason: 'entry_error' }));
    assert.equal([(await awaiting())?.debit, (await awaiting())?.credit], [0n, 1000n]);
    ok(await undoCredit('u3'));
    assert.equal([(await awaiting())?.debit, (await awaiting())?.credit], [0n, 0n]);
    assert.is((await allEvents(store)).length, fixture.lines.length + 2);
    await l.close();
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
