// The command handler's paths, each through a Ledger over a real store: decided on the state
// held in memory or read afresh, refused, retried after another writer, stored once.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WrongExpectedVersionError } from '../../eventStore/errors.ts';
import type { CommandClaim, EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { balanceOf, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';
import { loanDisbursed } from './loanDisbursed.fixture.ts';
import type { CommandOutcome } from './outcome.ts';

const summary = (o: CommandOutcome) => o.status === 'accepted'
  ? { status: o.status, duplicate: o.duplicate, revision: o.revision,
    revisions: o.events.map((e) => e.revision) }
  : { status: o.status, duplicate: o.duplicate, rejection: o.rejection.type };

// Charged fees are the same event whatever the loan's state, so the store answers the
// append of one already stored (behind events this Ledger has not read) as a retry.
test('a retry another Ledger stored behind events this one has not read leaves its state whole',
  async () => {
    const store = memoryStore();
    const setup = await testLedger(store);
    await memberWithSavings(setup, 'M1', '1000');
    const on = (commandId: string) => ({ commandId, actor: 'checker', on: '2024-05-02' });
    await loanDisbursed(setup, { on: '2024-05-02', productId: 'LP', principal: '2000',
      repayments: 4 });
    const fee = (commandId: string) =>
      ({ ...on(commandId), loanId: 'L1', amount: '10', reason: 'processing' as const });
    const [a, b] = [await testLedger(store), await testLedger(store)];
    ok(await a.chargeFee(fee('F0'))); // a holds loan-L1 at revision 3
    ok(await b.chargeFee(fee('F1'))); // revision 4, unknown to a
    ok(await b.chargeFee(fee('F2'))); // revision 5
    assert.equal(summary(await a.chargeFee(fee('F2'))),
      { status: 'accepted', duplicate: true, revision: 5n, revisions: [5n] });
    // a allocates the repayment to the three fees the log holds, not two.
    const paid = await a.recordRepayment({ ...on('repay'), loanId: 'L1', amount: '100' });
    const events = paid.status === 'accepted' ? paid.events : [];
    const data = events[0]?.event.type === 'RepaymentReceived' ? events[0].event.data : undefined;
    assert.is(data?.allocation.fees, '30.00');
    assert.equal(events.map((e) => e.revision), [6n]);
  });

const day = { actor: 'clerk', on: '2024-05-01' };
const withdrawal = (commandId: string, accountId: string, amount: string) =>
  ({ ...day, commandId, accountId, amount });

// The store with every append and claim written down, in order, by stream.
const logged = (store: EventStore<LedgerEvent>, log: string[]): EventStore<LedgerEvent> => ({
  ...store,
  appendToStream: (stream, events, o) => {
    log.push(`append ${stream}`);
    return store.appendToStream(stream, events, o);
  },
});

test('a rejection decided on the state held in memory is decided again on a fresh read',
  async () => {
    const store = memoryStore();
    await memberWithSavings(await testLedger(store), 'M1', '1000');
    const [a, b] = [await testLedger(store), await testLedger(store)];
    ok(await a.withdraw(withdrawal('W0', 'SB-M1', '100'))); // a holds 900.00
    ok(await b.makeDeposit({ ...day, commandId: 'D1', accountId: 'SB-M1', amount: '5000',
      source: 'cash' }));
    // Refused on 900.00 held; the stream holds 5900.00.
    assert.equal(summary(await a.withdraw(withdrawal('W1', 'SB-M1', '3000'))),
      { status: 'accepted', duplicate: false, revision: 4n, revisions: [4n] });
    assert.is(await balanceOf(a, store, 'SB-M1'), 290000n);
  });

test('an id found stored in another stream is looked up in the log before the next append',
  async () => {
    const store = memoryStore();
    const setup = await testLedger(store);
    await memberWithSavings(setup, 'A1', '1000');
    await memberWithSavings(setup, 'B1', '1000');
    const log: string[] = [];
    const [a, b] = [await testLedger(store), await testLedger(logged(store, log))];
    ok(await b.withdraw(withdrawal('B-1', 'SB-B1', '10'))); // b holds SB-B
    ok(await a.withdraw(withdrawal('X-1', 'SB-A1', '100')));
    const other = await b.makeDeposit({ ...day, commandId: 'X-1', accountId: 'SB-B1',
      amount: '250', source: 'cash' });
    assert.equal(summary(other),
      { status: 'rejected', duplicate: false, rejection: 'command_id_reused' });
    assert.equal(log, ['append deposit-SB-B1', 'append deposit-SB-B1']);
  });

test('a stream that keeps moving ends in concurrency_conflict after maxAttempts tries',
  async () => {
    const store = memoryStore();
    await memberWithSavings(await testLedger(store), 'M1', '1000');
    const log: string[] = [];
    const moving: EventStore<LedgerEvent> = { ...logged(store, log),
      appendToStream: (stream) => {
        log.push(`append ${stream}`);
        return Promise.reject(new WrongExpectedVersionError(stream, 3n, 4n));
      } };
    const ledger = await testLedger(moving, { maxAttempts: 3 });
    const o = await ledger.withdraw(withdrawal('W1', 'SB-M1', '100'));
    assert.equal(o.status === 'rejected' && o.rejection,
      { type: 'concurrency_conflict', stream: 'deposit-SB-M1', attempts: 3 });
    assert.is(log.length, 3);
    assert.is(await balanceOf(ledger, store, 'SB-M1'), 100000n);
  });

// A store that keeps ids unique per stream only: ids are claimed, as on EventStoreDB.
const claiming = (
  store: EventStore<LedgerEvent>, claims: Map<string, CommandClaim>, log: string[],
): EventStore<LedgerEvent> => {
  const { eventIdScope: _scope, ...perStream } = logged(store, log);
  return { ...perStream, claimCommandId: (claim) => {
    log.push(`claim ${claim.commandId} ${claim.stream}`);
    const held = claims.get(claim.commandId) ?? claim;
    claims.set(claim.commandId, held);
    return Promise.resolve(held);
  } };
};

test('an id is claimed after deciding and before the append; a claim held is command_id_reused',
  async () => {
    const store = memoryStore();
    const setup = await testLedger(store);
    await memberWithSavings(setup, 'A1', '1000');
    await memberWithSavings(setup, 'B1', '1000');
    const claims = new Map<string, CommandClaim>();
    const logA: string[] = [];
    const logB: string[] = [];
    const a = await testLedger(claiming(store, claims, logA));
    const b = await testLedger(claiming(store, claims, logB));
    const refused = await a.withdraw(withdrawal('X-0', 'SB-A1', '5000'));
    assert.equal(summary(refused),
      { status: 'rejected', duplicate: false, rejection: 'insufficient_balance' });
    ok(await a.withdraw(withdrawal('X-1', 'SB-A1', '100')));
    const other = await b.makeDeposit({ ...day, commandId: 'X-1', accountId: 'SB-B1',
      amount: '250', source: 'cash' });
    assert.equal(other.status === 'rejected' && other.rejection,
      { type: 'command_id_reused', commandId: 'X-1', originalCommandType: 'Withdraw' });
    assert.equal([logA, logB], [['claim X-1 deposit-SB-A1', 'append deposit-SB-A1'],
      ['claim X-1 deposit-SB-B1']]);
    assert.is(await balanceOf(b, store, 'SB-B1'), 100000n);
  });

test.run();
