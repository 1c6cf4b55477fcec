// A log written before AdmissionFeeCharged named its own id and its till
// (cashAtTillAdmissionV1.fixture.json, written by that version): it opens, the fee reads with
// the id its metadata holds and no till, the books keep its 47.00, and it can be reversed.
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { memoryCheckpointStore } from '../runner/checkpointStore.ts';

interface Stored {
  readonly stream: string; readonly revision: string; readonly type: string;
  readonly data: unknown; readonly metadata: unknown; readonly eventId: string;
}
const fixture: { events: Stored[] } = JSON.parse(readFileSync(
  new URL('./cashAtTillAdmissionV1.fixture.json', import.meta.url), 'utf8'));
const catalogue = ProductCatalogue.decode({ ...products,
  SH: { ...products['SH'], admissionFee: { amount: '47.00' } } });
if (E.isLeft(catalogue)) throw new Error('bad catalogue');

// The stored events appended as they were, in log order, each decoded as a store reads it.
const oldLog = async () => {
  const store = memoryStore();
  for (const e of fixture.events) {
    const decoded = ledgerEventSchema.decode(e);
    if (E.isLeft(decoded)) throw new Error(`${e.stream}@${e.revision}: ${decoded.left.message}`);
    const event: LedgerEvent & { eventId: string } = { ...decoded.right, eventId: e.eventId };
    const revision = BigInt(e.revision);
    await store.appendToStream(e.stream, [event],
      { expectedRevision: revision === 0n ? 'no_stream' : revision - 1n });
  }
  return store;
};

test('a version 1 fee reads with its metadata\'s id and no till (the cash in hand)',
  async () => {
    const fee = (await allEvents(await oldLog())).find((e) => e.type === 'AdmissionFeeCharged');
    assert.equal(fee?.data, { eventId: 'M1-admit.1', amount: '47.00', branchId: 'SONAGACHI',
      memberId: 'M1', on: '2024-04-01', tillId: null });
    assert.is(fee?.metadata.schemaVersion, 2);
  });

test('the log opens: its fee in the books and on her passbook, then reversed by its id',
  async () => {
    const store = await oldLog();
    const ledger = await testLedger(store, { products: catalogue.right });
    const tb = async () => {
      const t = await ledger.trialBalance();
      return ['1100', '4700'].map((c) => t.rows.find((r) => r.code === c))
        .map((r) => (r?.debit ?? 0n) - (r?.credit ?? 0n));
    };
    // Shares 100.00 and the fee 47.00 in cash.
    assert.equal(await tb(), [14_700n, -4_700n]);
    const by = (commandId: string, actor: string) => ({ commandId, actor, on: '2024-04-05' });
    ok(await ledger.requestApproval({ ...by('rq-1', 'bm-1'), command: { type: 'ReverseEvent',
      data: { ...by('rv-1', 'bm-1'), aggregate: 'member', aggregateId: 'M1',
        eventId: 'M1-admit.1', reason: 'entry_error' } } }));
    const approved = await ledger.approveRequest({ ...by('ok-1', 'board-1'), requestId: 'rv-1' });
    assert.is(approved.command?.status, 'accepted');
    assert.equal(await tb(), [10_000n, 0n]);
    const page = (await ledger.passbook('M1')).pages[0];
    assert.equal(page?.lines.map((l) => [l.on, l.particulars, l.balance]), [
      ['2024-04-01', 'Admission fee 47.00 in cash', 0n],
      ['2024-04-01', 'By 10 shares', 10_000n],
      ['2024-04-05', 'Reversal (2024-04-01): Admission fee 47.00 in cash', 10_000n],
    ]);
  });

test('a report checkpoint of passbook version 1 (no fee lines) is rebuilt by replay', async () => {
  const store = await oldLog();
  const saved = memoryCheckpointStore();
  await (await testLedger(store, { products: catalogue.right, reportCheckpoints: saved }))
    .passbook('M1');
  const text = await saved.load();
  assert.ok(text?.includes('"passbook":3'));
  // As the version before wrote it: the same shape, tagged 1, her fee line left out.
  await saved.save((text ?? '').replace('"passbook":3', '"passbook":1')
    .replace(/\["2024-04-01","Admission fee 47.00 in cash","0","0","0"\],?/, ''));
  const reopened = await testLedger(store, { products: catalogue.right,
    reportCheckpoints: saved });
  assert.equal((await reopened.passbook('M1')).pages[0]?.lines.map((l) => l.particulars),
    ['Admission fee 47.00 in cash', 'By 10 shares']);
});

test.run();
