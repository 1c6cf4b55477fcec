import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  commandCodecs, decodeCommand, factCommandTypes, isFactless, signedMoneyString,
  type Command,
} from '@usha/domain';
import { allEvents, memberWithSavings, memoryStore, ok, products, testLedger }
  from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import { factFetchers, fetchFacts, noFacts } from './fetchFacts.ts';
import { loanDisbursed } from './loanDisbursed.fixture.ts';
import { memberIndex } from './memberIndex.ts';
import { streamStates } from './streamStates.ts';

const by = (commandId: string, on = '2024-04-01') => ({ commandId, actor: 'clerk', on });
const decoded = (input: unknown): Command => {
  const c = decodeCommand(input);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

test('every command decided with facts has a fetcher, and no other command has one', () => {
  const withFetcher = Object.keys(factFetchers).sort();
  assert.equal(withFetcher, Object.keys(factCommandTypes).sort());
  assert.equal(withFetcher, ['ApplyDepositCharges', 'ApplyForLoan', 'ApproveLoan',
    'BeginYearClose', 'CloseDepositEarly',
    'CloseFinancialYear', 'DeclareDividend', 'DisburseLoan', 'ExitMember',
    'GiveStandingInstruction', 'MakeDeposit',
    'MatureDeposit', 'OpenFixedDeposit', 'OpenRecurringDeposit', 'OpenSavingsAccount',
    'PostInterest', 'PurchaseShares', 'RecordYearEndAccruals', 'RedeemShares',
    'RedirectDividendToCash', 'ReleaseTillCash', 'SetLoanLossProvision', 'TransferMember']);
  const factless = Object.keys(commandCodecs).filter((type) => !withFetcher.includes(type));
  assert.is(factless.length, Object.keys(commandCodecs).length - 23);
  const exit = decoded({ type: 'ExitMember', data: { ...by('x'), memberId: 'M1' } });
  assert.is(isFactless(exit), false);
});

test('the facts of an exit are her streams, each with the revision it was read at', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  await loanDisbursed(ledger, { on: '2024-04-01', productId: 'LN', principal: '5000',
    repayments: 6 });
  const members = memberIndex();
  for (const e of await allEvents(store)) members.observe(e);
  const states = streamStates({ store, decider: aggregateDecider(products), observe: () => {} });
  const fetch = fetchFacts({ store, states, members, products,
    netProfit: () => Promise.resolve(signedMoneyString(0n)), society: () => undefined,
    firstEntryOn: () => Promise.resolve(null) });
  const exit = decoded({ type: 'ExitMember', data: { ...by('x', '2025-05-01'), memberId: 'M1' } });
  const target = await states.load('member-M1', 'member');
  const r = await fetch(exit, target);
  if (E.isLeft(r) || r.right.type !== 'ExitMember') throw new Error('no facts');
  const { facts, readFrom } = r.right;
  assert.equal(facts.loans.map((l) => l.totals.disbursed), [500000n]);
  assert.is(facts.shares.status === 'open' && facts.shares.shares, 10);
  assert.equal(facts.deposits.map((d) => d.status), ['open']);
  // Her own stream first: the notes of her savings account and her loan are at 1 and 2. Her
  // branch's stream last, for its closed day (none yet: no stream).
  assert.equal(readFrom, [{ stream: 'member-M1', revision: 2n },
    { stream: 'loan-L1', revision: 2n }, { stream: 'shares-M1', revision: 0n },
    { stream: 'deposit-SB-M1', revision: 1n },
    { stream: 'branch-SONAGACHI', revision: undefined }]);
});

test('an opening is decided on her member stream, read at its revision', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const states = streamStates({ store, decider: aggregateDecider(products), observe: () => {} });
  const fetch = fetchFacts({ store, states, members: memberIndex(), products,
    netProfit: () => Promise.resolve(signedMoneyString(0n)), society: () => undefined,
    firstEntryOn: () => Promise.resolve(null) });
  const open = decoded({ type: 'OpenFixedDeposit', data: { ...by('o'), accountId: 'FD-1',
    memberId: 'M1', productId: 'FD', principal: '1000', termMonths: 12 } });
  const r = await fetch(open, await states.load('deposit-FD-1', 'deposit'));
  if (E.isLeft(r) || r.right.type !== 'OpenFixedDeposit') throw new Error('no facts');
  // Read after her savings account's note (revision 1); this opening's note expects it. Her
  // branch's stream is read for its closed day (none yet: no stream).
  assert.equal([r.right.facts.member.status, r.right.readFrom, r.right.note],
    ['active', [{ stream: 'member-M1', revision: 1n },
      { stream: 'branch-SONAGACHI', revision: undefined }], { stream: 'member-M1', revision: 1n,
      data: { memberId: 'M1', kind: 'fixed', id: 'FD-1', on: '2024-04-01' } }]);
  // A deposit into her account: the member it belongs to, from the account's state.
  const deposit = decoded({ type: 'MakeDeposit', data: { ...by('d'), accountId: 'SB-M1',
    amount: '1', source: 'cash' } });
  const d = await fetch(deposit, await states.load('deposit-SB-M1', 'deposit'));
  if (E.isLeft(d) || d.right.type !== 'MakeDeposit') throw new Error('no facts');
  assert.equal(d.right.readFrom, [{ stream: 'member-M1', revision: 1n },
    { stream: 'branch-SONAGACHI', revision: undefined }]);
});

test('without a fact reader a command needing facts is cannot_compute; others go on', () => {
  const target = { stream: 'member-M1', revision: undefined,
    state: aggregateDecider(products).initial('member') };
  const exit = decoded({ type: 'ExitMember', data: { ...by('x'), memberId: 'M1' } });
  assert.equal(noFacts(exit, target), E.left({ type: 'cannot_compute', field: 'facts',
    reason: 'ExitMember is decided with facts the Ledger reads' }));
  const admit = decoded({ type: 'AdmitMember', data: { ...by('a'), memberId: 'M1',
    branchId: 'B1', shareProductId: 'SH', shares: 5 } });
  assert.equal(noFacts(admit, target), E.right(admit));
});

test.run();
