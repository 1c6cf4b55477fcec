// A member's dividend credited to a savings account that closes before her part is deposited:
// the run makes the part payable in cash (RedirectDividendToCash), so no part is left in
// "awaiting deposit" (2310), and a credit is reversed only while its part awaits deposit.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { Ledger } from '../ledger/createLedger.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { credit, dividendDeclared } from './dividendDeclared.fixture.ts';
import { sendAsStep } from './stepHandler.fixture.ts';

const netProfit = () => signedMoneyString(10_000_000n);
const fy = '2024-25';

// M2 closes SB-M2 through `b`, its balance paid out to her.
const closeSavings = async (b: Ledger<undefined>, on = '2025-04-11') => {
  ok(await b.closeDepositAccount({ commandId: 'close-M2', actor: 'clerk', on,
    accountId: 'SB-M2' }));
};

// The store, with `after` run once M2's dividend credit is stored (before her deposit).
const hooked = (store: EventStore<LedgerEvent>, after: () => Promise<void>) => {
  let done = false;
  const s: EventStore<LedgerEvent> = {
    ...store,
    appendToStream: async (stream, events, o) => {
      const r = await store.appendToStream(stream, events, o);
      if (!done && stream === 'shares-M2' && events.some((e) => e.type === 'DividendCredited')) {
        done = true;
        await after();
      }
      return r;
    },
  };
  return s;
};

const rows = async (l: Ledger<undefined>, ...codes: string[]) => {
  const tb = await l.trialBalance();
  assert.is(tb.totalDebit, tb.totalCredit, 'the books balance');
  return codes.map((c) => {
    const r = tb.rows.find((x) => x.code === c);
    return [c, r?.debit ?? 0n, r?.credit ?? 0n];
  });
};

const rejection = (o: CommandOutcome) => (o.status === 'rejected' ? o.rejection : o.status);

test('a savings account closed through another instance between the credit and the deposit: '
  + 'the part is redirected to cash, 2310 is empty, and she is paid Rs 10.00 once', async () => {
  const base = memoryStore();
  await dividendDeclared(base);
  const b = await testLedger(base, { netProfit, processClaims: { claimant: 'B' } });
  const a = await testLedger(hooked(base, () => closeSavings(b)),
    { netProfit, processClaims: { claimant: 'A' } });
  const run = await a.creditDividends(credit);
  assert.equal(run.status === 'completed' && run.skipped, [], 'no member refused');
  const steps = (await allEvents(base)).filter((e) => e.metadata.processId === 'credit'
    && e.type !== 'DividendAllocated');
  assert.equal(steps.map((e) => [e.type, e.stream]), [
    ['DividendCredited', 'shares-M1'], ['Deposited', 'deposit-SB-M1'],
    ['DividendDeposited', 'deposit-SB-M1'],
    ['DividendCredited', 'shares-M2'], ['DividendRedirectedToCash', 'shares-M2'],
    ['DividendCredited', 'shares-M3'], ['Deposited', 'deposit-SB-M3'],
    ['DividendDeposited', 'deposit-SB-M3'],
    ['DividendRunEnded', 'society-USHA']]);
  const redirected = steps[4];
  const creditM2 = steps[3];
  assert.equal(redirected?.type === 'DividendRedirectedToCash' && redirected.data, {
    eventId: 'credit:redirect:M2.0', accountId: 'SH-M2', memberId: 'M2', on: '2025-04-11',
    financialYear: fy, amount: '10.00', savingsAccountId: 'SB-M2',
    creditedEventId: creditM2?.type === 'DividendCredited' ? creditM2.data.eventId : '' });
  const end = steps.at(-1);
  assert.equal(end?.type === 'DividendRunEnded'
    && [end.data.credited, end.data.payableInCash, end.data.refused], [2, 1, 0]);
  assert.equal(await rows(a, '2300', '2310'), [['2300', 0n, 1000n], ['2310', 0n, 0n]],
    'Rs 10.00 payable to M2; nothing awaits deposit');
  assert.equal(await a.unclaimedDividends(), [{ memberId: 'M2', financialYear: fy,
    amount: '10.00' }]);

  const pay = { commandId: 'pay-M2', actor: 'cashier', on: '2025-04-12', accountId: 'SH-M2',
    memberId: 'M2', financialYear: fy, amount: '10.00' };
  ok(await b.payDividendInCash(pay));
  assert.equal(rejection(await a.payDividendInCash({ ...pay, commandId: 'pay-again' })),
    { type: 'dividend_already_paid', financialYear: fy });
  assert.equal(await rows(b, '2300', '2310'), [['2300', 0n, 0n], ['2310', 0n, 0n]]);
  assert.equal(await b.unclaimedDividends(), []);
  // Settled in cash, the credit is not reversed as well (her part would be owed twice).
  const undo = await b.reverseEvent({ commandId: 'undo-M2', actor: 'manager', on: '2025-04-12',
    aggregate: 'shares', aggregateId: 'M2', eventId: 'credit:credit:M2.0',
    reason: 'entry_error' });
  assert.equal(rejection(undo), { type: 'not_reversible', eventId: 'credit:credit:M2.0',
    eventType: 'DividendCredited', why: 'the dividend was redirected to cash' });

  // Run again (as after a crash, or through another instance): nothing more is stored.
  const before = (await allEvents(base)).length;
  const again = await b.creditDividends(credit);
  assert.is(again.status, 'completed');
  assert.is((await allEvents(base)).length, before);
});

test('a credit stored by a run that left it awaiting deposit (a log from before the redirect) '
  + 'is redirected by hand, once, and refused while it cannot be', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const l = await testLedger(store, { netProfit });
  const by = (id: string, on = '2025-04-11') => ({ commandId: id, actor: 'manager', on });
  const m2 = { accountId: 'SH-M2', memberId: 'M2', financialYear: fy };
  // As the run before this change left it: M2 credited, her savings closed, no deposit. The
  // credit is a step of the run, refused when sent on its own; stored here by a bare handler.
  ok(await sendAsStep(store, { type: 'CreditDividend', data: {
    ...by('credit-M2'), ...m2, amount: '10.00', savingsAccountId: 'SB-M2' } }, 'old-run'));
  assert.equal(rejection(await l.execute({ type: 'CreditDividend', data: {
    ...by('credit-M2b'), ...m2, amount: '10.00', savingsAccountId: 'SB-M2' } })),
  { type: 'not_authorised', actor: 'manager', commandType: 'CreditDividend', rolesAllowed: [],
    why: 'process_step' });
  const redirect = (id: string, amount = '10.00', who = m2) =>
    l.redirectDividendToCash({ ...by(id, '2025-04-12'), ...who, amount });
  assert.equal(rejection(await redirect('r0')), { type: 'dividend_savings_open',
    financialYear: fy, savingsAccountId: 'SB-M2' }, 'an open account takes the deposit');
  await closeSavings(l);
  // Rs 30.00 declared; M2's Rs 10.00 credited and awaiting deposit, Rs 20.00 still payable.
  assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 2000n], ['2310', 0n, 1000n]]);
  assert.equal(rejection(await redirect('r1', '9.99')), { type: 'dividend_amount_differs',
    financialYear: fy, expected: '10.00', got: '9.99' });
  assert.equal(rejection(await redirect('r2', '10.00',
    { accountId: 'SH-M3', memberId: 'M3', financialYear: fy })),
  { type: 'dividend_not_credited', financialYear: fy });
  // Refused in the order every share command is: the closed year first, then her account.
  assert.equal(rejection(await l.redirectDividendToCash({ ...by('r5', '2025-03-30'), ...m2,
    amount: '10.00' })), { type: 'period_closed', closedThrough: '2025-03-31',
    on: '2025-03-30' });
  assert.equal(rejection(await redirect('r6', '10.00',
    { accountId: 'SH-M9', memberId: 'M9', financialYear: fy })),
  { type: 'not_found', aggregate: 'shares', id: 'SH-M9' });
  const o = await redirect('r3');
  assert.equal(o.status === 'accepted' && o.events.map((e) => e.event.type),
    ['DividendRedirectedToCash']);
  assert.equal(rejection(await redirect('r4')),
    { type: 'dividend_already_credited', financialYear: fy });
  assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 3000n], ['2310', 0n, 0n]]);
  assert.equal(await l.unclaimedDividends(), [{ memberId: 'M2', financialYear: fy,
    amount: '10.00' }]);
});

test('a part deposited before her savings closed is not redirected: it left with her balance',
  async () => {
    const store = memoryStore();
    await dividendDeclared(store);
    const l = await testLedger(store, { netProfit });
    const run = await l.creditDividends(credit);
    assert.is(run.status, 'completed');
    ok(await l.closeDepositAccount({ commandId: 'close-M2', actor: 'clerk', on: '2025-04-12',
      accountId: 'SB-M2' }));
    const o = await l.redirectDividendToCash({ commandId: 'r', actor: 'manager',
      on: '2025-04-13', accountId: 'SH-M2', memberId: 'M2', financialYear: fy, amount: '10.00' });
    assert.equal(rejection(o), { type: 'dividend_already_deposited', financialYear: fy,
      savingsAccountId: 'SB-M2' });
    assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 0n], ['2310', 0n, 0n]]);
  });

test('a credit deposited in savings is reversed only after its deposit: 2310 never goes below '
  + 'zero, and the part is payable again', async () => {
  const store = memoryStore();
  await dividendDeclared(store);
  const l = await testLedger(store, { netProfit });
  assert.is((await l.creditDividends(credit)).status, 'completed');
  const undo = (id: string, aggregate: 'shares' | 'deposit', aggregateId: string,
    eventId: string) => l.reverseEvent({ commandId: id, actor: 'manager', on: '2025-04-12',
    aggregate, aggregateId, eventId, reason: 'entry_error' });
  const deposited = (await allEvents(store)).find((e) => e.type === 'Deposited'
    && e.stream === 'deposit-SB-M1' && e.data.source === 'dividend');
  const depositId = deposited?.type === 'Deposited' ? deposited.data.eventId : '';
  assert.equal(rejection(await undo('u1', 'shares', 'M1', 'credit:credit:M1.0')),
    { type: 'not_reversible', eventId: 'credit:credit:M1.0', eventType: 'DividendCredited',
      why: 'the dividend was deposited in savings: reverse the deposit first' });
  assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 0n], ['2310', 0n, 0n]]);
  ok(await undo('u2', 'deposit', 'SB-M1', depositId));
  assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 0n], ['2310', 0n, 1000n]],
    'the part awaits deposit again');
  ok(await undo('u3', 'shares', 'M1', 'credit:credit:M1.0'));
  assert.equal(await rows(l, '2300', '2310'), [['2300', 0n, 1000n], ['2310', 0n, 0n]],
    'the part is payable again, as declared');
});

test.run();
