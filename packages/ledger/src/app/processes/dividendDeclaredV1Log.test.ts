// A log written before dividends were recorded in batches: its DividendDeclared is version 1,
// listing every part. It keeps opening, and crediting it gives what a log of today gives.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { balanceOf, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { closeByHand } from './closeByHand.fixture.ts';

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
const members = ['M1', 'M2', 'M3'];
const netProfit = () => signedMoneyString(10_000_000n);

// Each member held 10 shares of Rs 10 all year: 3650 share-days, 10% = Rs 10.00.
const v1Declaration = {
  type: 'DividendDeclared' as const,
  data: { societyId: 'USHA', on: '2025-04-10', financialYear: '2024-25', ratePercent: '10',
    faceValue: '10.00', total: '30.00',
    parts: members.map((memberId) => ({ memberId, shareDays: 3650, amount: '10.00' })) },
  metadata: { eventId: 'div.0', commandId: 'div', commandType: 'DeclareDividend',
    commandHash: '0123456789abcdef0123456789abcdef', actor: 'board', effectiveOn: '2025-04-10',
    schemaVersion: 1 },
  eventId: '5d1b4c0e-2f0a-4b6e-9a51-000000000001',
};

// Members, the society, the year closed; then the declaration, old (v1, appended as it was
// written then) or new (through the Ledger).
const logWith = async (file: string, declaration: 'v1' | 'today') => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const ledger = await testLedger(store, { netProfit });
  for (const m of members) await memberWithSavings(ledger, m, '1000');
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await closeByHand(ledger, { ...year, commandId: 'fy', on: '2025-04-05' });
  if (declaration === 'v1') {
    // The library of today would not write this; the store takes it as a log of then held it.
    await store.appendToStream('society-USHA', [v1Declaration] as never, {
      expectedRevision: 3n });
  } else {
    ok(await ledger.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
      ratePercent: '10' }));
  }
  await ledger.close();
  await store.close();
};

// Opens the log again, credits the dividend, and reads what a member and an auditor see.
const creditAndRead = async (file: string) => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const ledger = await testLedger<undefined>(store, { netProfit });
  const o = await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  const balances = [];
  for (const m of members) balances.push(await balanceOf(ledger, store, `SB-${m}`));
  const passbook = (await ledger.passbook('M2')).pages.flatMap((p) =>
    p.lines.map((l) => `${p.accountId} ${l.on} ${l.particulars} ${l.deposit} ${l.balance}`));
  const tb = await ledger.trialBalance();
  const books = tb.rows.map((r) => [r.code, r.debit, r.credit]);
  await ledger.close();
  await store.close();
  return { status: o.status, balances, passbook, books, total: tb.totalDebit };
};

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-v1-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};

test('a log with a version 1 DividendDeclared credits as a log of today does', () =>
  withDir(async (dir) => {
    const old = join(dir, 'old.ndjson');
    await logWith(old, 'v1');
    const text = await readFile(old, 'utf8');
    const line = text.split('\n').find((l) => l.includes('"DividendDeclared"')) ?? '';
    assert.ok(line.includes('"parts":[') && line.includes('"schemaVersion":1'),
      'the fixture is a version 1 declaration on disk');
    const now = join(dir, 'now.ndjson');
    await logWith(now, 'today');
    const fromOld = await creditAndRead(old);
    const fromNow = await creditAndRead(now);
    assert.is(fromOld.status, 'completed');
    assert.equal(fromOld.balances, [101000n, 101000n, 101000n]);
    assert.equal(fromOld.passbook.slice(1), ['SH-M2 2025-04-11 Dividend 10.00 to savings 0 10000',
      'SB-M2 2024-04-01 By cash 100000 100000', 'SB-M2 2025-04-11 By dividend 1000 101000']);
    assert.equal(fromOld.passbook, fromNow.passbook);
    assert.equal(fromOld.books, fromNow.books);
    assert.equal(fromOld.balances, fromNow.balances);
  }));

test.run();
