// A log written before commands carried their facts apart (preFactsLog.fixture.json: the
// events, metadata and command hashes the Ledger stored then, and the requests it was sent,
// written by that version). Then the Ledger filled facts into command fields and hashed the
// caller's fields only; the request hash today is over the caller's fields, which are the
// whole request. The log opens, and every request sent again is recognised as the same one.
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand, signedMoneyString } from '@usha/domain';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, testLedger } from '../testSupport.ts';
import { commandHash } from './commandHash.ts';

interface Stored {
  readonly stream: string; readonly revision: string; readonly type: string;
  readonly data: unknown; readonly metadata: { readonly commandId: string;
    readonly commandHash: string }; readonly eventId: string;
}
const fixture: { requests: Array<{ type: string; data: { commandId: string } }>;
  events: Stored[] } =
  JSON.parse(readFileSync(new URL('./preFactsLog.fixture.json', import.meta.url), 'utf8'));
const netProfit = () => signedMoneyString(10_000_000n);

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

const storedHash = (commandId: string): string | undefined =>
  fixture.events.find((e) => e.metadata.commandId === commandId)?.metadata.commandHash;

test('the fixture holds every command decided with facts, as the Ledger stored it then', () => {
  assert.equal([...new Set(fixture.requests.map((r) => r.type))].sort(), [
    'CloseDepositAccount', 'CloseDepositEarly', 'CloseFinancialYear', 'ConfigureSociety',
    'DeclareDividend', 'ExitMember', 'MakeDeposit', 'MatureDeposit', 'OpenFixedDeposit',
    'OpenRecurringDeposit', 'PostInterest', 'RedeemShares']);
  assert.is(fixture.events.length, 26);
});

test('a request hashes today to the hash stored for it before', () => {
  for (const r of fixture.requests) {
    const c = decodeCommand(r);
    if (E.isLeft(c)) throw new Error(`${r.type}: ${c.left.message}`);
    assert.is(commandHash(c.right), storedHash(r.data.commandId), r.type);
  }
  // Exact, so a change of the hash's definition cannot pass unseen.
  assert.is(storedHash('m3-exit'), 'edc6f57806499f08ebc002b10c572dd1');
  assert.is(storedHash('sb-interest'), '827fd89055615b7b068bcf59850a1d81');
});

test('the old log opens, and each request sent again is its original outcome', async () => {
  const store = await oldLog();
  const ledger = await testLedger(store, { netProfit });
  for (const r of fixture.requests) {
    const o = await ledger.execute(r);
    assert.is(o.status === 'accepted' && o.duplicate, true, `${r.type} ${r.data.commandId}`);
    const ids = o.status === 'accepted' ? o.events.map((e) => e.eventId) : [];
    assert.equal(ids, fixture.events.filter((e) => e.metadata.commandId === r.data.commandId)
      .map((e) => e.eventId), r.type);
  }
  const reused = await ledger.execute({ type: 'ExitMember',
    data: { ...fixture.requests.at(-1)?.data, memberId: 'M2' } });
  assert.equal(reused.status === 'rejected' && reused.rejection, { type: 'command_id_reused',
    commandId: 'm3-exit', originalCommandType: 'ExitMember' });
  await ledger.close();
});

test.run();
