// Several Ledgers over one store (several app instances over one EventStoreDB): a Ledger that
// has not read what another stored since it opened still decides on what the store holds now.
// A member's accounts and loans are noted on her own stream when opened, so her exit, decided
// on her stream, knows of them, and an append expecting her stream's revision sees any since.
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { loanDisbursed } from './loanDisbursed.fixture.ts';
import { isAccepted, type CommandOutcome } from './outcome.ts';

const by = (commandId: string, on = '2024-04-01', actor = 'clerk') => ({ commandId, actor, on });
const rejection = (o: CommandOutcome) => isAccepted(o) ? undefined : o.rejection;
const admit = { ...by('adm'), memberId: 'M1', branchId: 'B-1', shareProductId: 'SH', shares: 5 };
const typesIn = async (store: EventStore<LedgerEvent>, stream: string) =>
  (await allEvents(store)).filter((e) => e.stream === stream).map((e) => e.type);

test('a Ledger opened before another disbursed her loan refuses her exit: loan_outstanding',
  async () => {
    const store = memoryStore();
    const stale = await testLedger(store);
    const other = await testLedger(store);
    ok(await other.admitMember(admit));
    await loanDisbursed(other, { on: '2024-04-02', productId: 'LN', principal: '5000',
      repayments: 6 });
    assert.equal(rejection(await stale.exitMember({ ...by('ex', '2024-04-03'),
      memberId: 'M1' })), { type: 'loan_outstanding', outstandingPrincipal: '5000.00' });
    assert.equal(await typesIn(store, 'member-M1'), ['MemberAdmitted', 'AccountOpeningNoted']);
  });

test('an opening notes itself on her stream right before its own events, once', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  ok(await ledger.admitMember(admit));
  const open = { ...by('open'), accountId: 'SB-1', memberId: 'M1', productId: 'SB' };
  ok(await ledger.openSavingsAccount(open));
  const again = await ledger.openSavingsAccount(open);
  assert.equal([again.status, isAccepted(again) && again.duplicate], ['accepted', true]);
  const events = await allEvents(store);
  assert.equal(events.map((e) => `${e.stream}@${e.revision} ${e.type}`), [
    'member-M1@0 MemberAdmitted', 'member-M1@1 AccountOpeningNoted',
    'deposit-SB-1@0 SavingsAccountOpened']);
  assert.equal(events[1]?.data, { memberId: 'M1', kind: 'savings', id: 'SB-1',
    on: '2024-04-01' });
  assert.equal(events[1]?.metadata.commandId, 'open');
});

test('the note is folded into her stream as held: the first deposit is stored at the first try',
  async () => {
    const store = memoryStore();
    const appends: string[] = [];
    const counting: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) => {
      appends.push(stream);
      return store.appendToStream(stream, events, o);
    } };
    const ledger = await testLedger(counting);
    ok(await ledger.admitMember(admit));
    ok(await ledger.openSavingsAccount({ ...by('open'), accountId: 'SB-1', memberId: 'M1',
      productId: 'SB' }));
    ok(await ledger.makeDeposit({ ...by('dep'), accountId: 'SB-1', amount: '10',
      source: 'cash' }));
    assert.equal(appends, ['member-M1', 'member-M1', 'deposit-SB-1', 'deposit-SB-1']);
  });

// A store that, once, runs `between` after the note is stored and before the append after it.
const afterNote = (store: EventStore<LedgerEvent>, between: () => Promise<void>) => {
  let pending = true;
  const s: EventStore<LedgerEvent> = { ...store, appendToStream: async (stream, events, o) => {
    const r = await store.appendToStream(stream, events, o);
    if (pending && events[0]?.type === 'AccountOpeningNoted') {
      pending = false;
      await between();
    }
    return r;
  } };
  return s;
};

test('her exit stored between an opening\'s note and its events: the opening is member_exited',
  async () => {
    const store = memoryStore();
    const other = await testLedger(store);
    ok(await other.admitMember(admit));
    let exit: CommandOutcome | undefined;
    const opening = await testLedger(afterNote(store, async () => {
      exit = await other.exitMember({ ...by('ex', '2024-04-02'), memberId: 'M1' });
    }));
    const o = await opening.openSavingsAccount({ ...by('open', '2024-04-02'),
      accountId: 'SB-1', memberId: 'M1', productId: 'SB' });
    assert.is(exit?.status, 'accepted');
    assert.equal(rejection(o), { type: 'member_exited', memberId: 'M1' });
    // The note stays (history is not rewritten); it names a stream that has no events.
    assert.equal(await typesIn(store, 'member-M1'),
      ['MemberAdmitted', 'AccountOpeningNoted', 'MemberExited']);
    assert.equal(await typesIn(store, 'deposit-SB-1'), []);
  });

test('her opening stored between an exit\'s read and its append: the exit is read again',
  async () => {
    const store = memoryStore();
    const other = await testLedger(store);
    ok(await other.admitMember(admit));
    // The exit is decided on her stream as held, the opening stored meanwhile by another.
    const exiting = await testLedger(store);
    assert.equal(rejection(await exiting.transferMember({ ...by('tr', '2024-04-02'),
      memberId: 'M1', to: 'B-1' })), { type: 'already_at_branch', branchId: 'B-1' });
    ok(await other.openSavingsAccount({ ...by('open', '2024-04-02'), accountId: 'SB-1',
      memberId: 'M1', productId: 'SB' }));
    assert.equal(rejection(await exiting.exitMember({ ...by('ex', '2024-04-03'),
      memberId: 'M1' })), { type: 'deposits_still_open', openDepositAccounts: 1 });
  });

test('an opening whose events were lost after its note is sent again: one note, then its events',
  async () => {
    const store = memoryStore();
    let fail = true;
    // The account's append fails once, after the note was stored (a crash between the two).
    const failing: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) => {
      if (fail && stream === 'deposit-SB-1') {
        fail = false;
        return Promise.reject(new Error('connection lost'));
      }
      return store.appendToStream(stream, events, o);
    } };
    const ledger = await testLedger(failing);
    ok(await ledger.admitMember(admit));
    const open = { ...by('open'), accountId: 'SB-1', memberId: 'M1', productId: 'SB' };
    await ledger.openSavingsAccount(open).then(() => assert.unreachable(), (e: unknown) =>
      assert.is(e instanceof Error && e.message, 'connection lost'));
    const again = await testLedger(store);
    ok(await again.openSavingsAccount(open));
    assert.equal(await typesIn(store, 'member-M1'), ['MemberAdmitted', 'AccountOpeningNoted']);
    assert.equal(await typesIn(store, 'deposit-SB-1'), ['SavingsAccountOpened']);
  });

interface Stored {
  readonly stream: string; readonly revision: string; readonly eventId: string;
  readonly type: string; readonly data: unknown; readonly metadata: unknown;
}
const fixture: { events: Stored[] } =
  JSON.parse(readFileSync(new URL('./preFactsLog.fixture.json', import.meta.url), 'utf8'));

// The log written before openings were noted, appended as it was (preFactsLog.fixture.json).
const oldLog = async () => {
  const store = memoryStore();
  for (const e of fixture.events) {
    const decoded = ledgerEventSchema.decode(e);
    if (E.isLeft(decoded)) throw new Error(`${e.stream}@${e.revision}: ${decoded.left.message}`);
    const revision = BigInt(e.revision);
    await store.appendToStream(e.stream, [{ ...decoded.right, eventId: e.eventId }],
      { expectedRevision: revision === 0n ? 'no_stream' : revision - 1n });
  }
  return store;
};

test('on a log written before the notes, accounts opened then are found from their openings',
  async () => {
    const store = await oldLog();
    const stale = await testLedger(store);
    const other = await testLedger(store);
    // Her last shares redeemed elsewhere: her savings account, opened before notes, is open.
    ok(await other.redeemShares({ ...by('m2-last', '2025-04-12'), accountId: 'SH-M2',
      memberId: 'M2', shares: 5, forExit: true }));
    assert.equal(rejection(await stale.exitMember({ ...by('m2-exit', '2025-04-13'),
      memberId: 'M2' })), { type: 'deposits_still_open', openDepositAccounts: 1 });
    assert.equal(await typesIn(store, 'member-M2'), ['MemberAdmitted']);
  });

// The limits these tests read: a loan at most twice her savings, or one loan at a time.
const limited = { ...products, LM: { ...products.LN, id: 'LM', savingsMultiple: 2 },
  LO: { ...products.LN, id: 'LO', maxLoansAtOnce: 1 } };
const applyFor = (commandId: string, memberId: string, loanId: string, productId: string,
  principal: string) => ({ ...by(commandId, '2024-04-02', 'maker'), loanId, memberId, productId,
  principal, repayments: 6, firstRepaymentOn: null });

// M1 and M2 admitted through one instance (`other`), over a store of their own.
const twoMembers = async () => {
  const store = memoryStore();
  const other = await testLedger(store, { products: limited });
  ok(await other.admitMember(admit));
  ok(await other.admitMember({ ...admit, commandId: 'adm-2', memberId: 'M2' }));
  return { store, other };
};

test('one account id opened at once for two members: the note left on the stream of the one '
  + 'refused names the other\'s account, which counts for nothing of hers', async () => {
  const { store, other } = await twoMembers();
  // M1's opening of SB-9 has noted itself when M2's opening of SB-9 is stored elsewhere.
  let won: CommandOutcome | undefined;
  const refused = await testLedger(afterNote(store, async () => {
    won = await other.openSavingsAccount({ ...by('open-M2'), accountId: 'SB-9', memberId: 'M2',
      productId: 'SB' });
  }), { products: limited, processClaims: { claimant: 'refused' } });
  const lost = await refused.openSavingsAccount({ ...by('open-M1'), accountId: 'SB-9',
    memberId: 'M1', productId: 'SB' });
  assert.is(won?.status, 'accepted');
  assert.equal(rejection(lost), { type: 'already_exists', aggregate: 'deposit', id: 'SB-9' });
  assert.equal(await typesIn(store, 'member-M1'), ['MemberAdmitted', 'AccountOpeningNoted']);
  ok(await other.makeDeposit({ ...by('dep'), accountId: 'SB-9', amount: '10000',
    source: 'cash' }));
  // A Ledger opened now, as a single one would, counts none of M2's savings for M1.
  const fresh = await testLedger(store, { products: limited, processClaims: { claimant: 'f' } });
  assert.equal(rejection(await fresh.applyForLoan(applyFor('big', 'M1', 'LB-1', 'LM', '15000'))),
    { type: 'loan_limit_exceeded', limit: 'savings_multiple', multiple: 2, basis: '0.00',
      maximum: '0.00', requested: '15000.00' });
  ok(await fresh.exitMember({ ...by('ex', '2024-04-03'), memberId: 'M1' }));
  // M2's own limit still counts her account, and her exit waits for it.
  ok(await fresh.applyForLoan(applyFor('her-own', 'M2', 'LB-2', 'LM', '15000')));
  assert.equal(rejection(await fresh.exitMember({ ...by('ex-2', '2024-04-03'),
    memberId: 'M2' })), { type: 'deposits_still_open', openDepositAccounts: 1 });
});

test('one loan id applied for at once for two members: the other\'s loan is never counted as '
  + 'hers, neither by her one-loan limit nor by her exit', async () => {
  const { store, other } = await twoMembers();
  let won: CommandOutcome | undefined;
  const refused = await testLedger(afterNote(store, async () => {
    won = await other.applyForLoan(applyFor('apply-M2', 'M2', 'L9', 'LN', '5000'));
    ok(await other.approveLoan({ ...by('approve', '2024-04-02', 'checker'), loanId: 'L9',
      principal: '5000' }));
    ok(await other.disburseLoan({ ...by('disburse', '2024-04-02', 'checker'), loanId: 'L9' }));
  }), { products: limited, processClaims: { claimant: 'refused' } });
  const lost = await refused.applyForLoan(applyFor('apply-M1', 'M1', 'L9', 'LN', '5000'));
  assert.is(won?.status, 'accepted');
  assert.equal(rejection(lost), { type: 'already_exists', aggregate: 'loan', id: 'L9' });
  assert.equal(await typesIn(store, 'member-M1'), ['MemberAdmitted', 'AccountOpeningNoted']);
  const fresh = await testLedger(store, { products: limited, processClaims: { claimant: 'f' } });
  ok(await fresh.applyForLoan(applyFor('one', 'M1', 'LS-1', 'LO', '1000')));
  assert.equal(rejection(await fresh.applyForLoan(applyFor('two', 'M2', 'LS-2', 'LO', '1000'))),
    { type: 'too_many_loans', maximum: 1, open: 1 });
  ok(await fresh.rejectLoan({ ...by('withdrawn', '2024-04-02', 'checker'), loanId: 'LS-1',
    reason: 'member_request' }));
  ok(await fresh.exitMember({ ...by('ex', '2024-04-03'), memberId: 'M1' }));
  assert.equal(rejection(await fresh.exitMember({ ...by('ex-2', '2024-04-03'),
    memberId: 'M2' })), { type: 'loan_outstanding', outstandingPrincipal: '5000.00' });
});

test('an opening whose instance died after its note, its id then given to another member\'s '
  + 'loan: her exit is not held up by a loan that is not hers', async () => {
  const store = memoryStore();
  // The instance that dies: its loan's append never reaches the store.
  const dying: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) =>
    stream === 'loan-L9' ? Promise.reject(new Error('killed')) :
      store.appendToStream(stream, events, o) };
  const died = await testLedger(dying, { processClaims: { claimant: 'died' } });
  const other = await testLedger(store);
  ok(await other.admitMember(admit));
  ok(await other.admitMember({ ...admit, commandId: 'adm-2', memberId: 'M2' }));
  await died.applyForLoan(applyFor('apply-M1', 'M1', 'L9', 'LN', '5000')).then(
    () => assert.unreachable(), (e: unknown) => assert.is(e instanceof Error && e.message, 'killed'));
  ok(await other.applyForLoan(applyFor('apply-M2', 'M2', 'L9', 'LN', '5000')));
  ok(await other.approveLoan({ ...by('approve', '2024-04-02', 'checker'), loanId: 'L9',
    principal: '5000' }));
  ok(await other.disburseLoan({ ...by('disburse', '2024-04-02', 'checker'), loanId: 'L9' }));
  assert.equal(await typesIn(store, 'member-M1'), ['MemberAdmitted', 'AccountOpeningNoted']);
  ok(await other.exitMember({ ...by('ex', '2024-04-03'), memberId: 'M1' }));
});

test.run();
