import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand, signedMoneyString, streamNameFor, InstructionId } from '@usha/domain';
import { standingDay } from '../processes/standingDay.fixture.ts';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { aggregateDecider } from './aggregateDecider.ts';
import { fetchFacts } from './fetchFacts.ts';
import { memberIndex } from './memberIndex.ts';
import { streamStates } from './streamStates.ts';

type What = 'rd-instalment' | 'loan-instalment';
const give = (id: string, from: string, to: string, what: What = 'rd-instalment') => ({
  commandId: `give-${id}`, actor: 'clerk', on: '2024-04-20', instructionId: id,
  fromAccountId: from, toAccountId: to, what, startOn: '2024-05-01', endOn: null });

test('a standing instruction with a bad account is refused when given, nothing stored',
  async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  ok(await ledger.closeDepositAccount({ commandId: 'close-SB-M3', actor: 'clerk',
    on: '2024-04-20', accountId: 'SB-M3' }));
  const before = (await allEvents(store)).length;
  const refused = async (c: ReturnType<typeof give>) => {
    const o = await ledger.giveStandingInstruction(c);
    return o.status === 'rejected' ? o.rejection : o.status;
  };
  assert.equal(await refused(give('SI-4', 'SB-M1', 'RD-M3')),
    { type: 'wrong_aggregate', aggregate: 'member', expected: 'M1', got: 'M3' });
  assert.equal(await refused(give('SI-5', 'SB-M1', 'SB-M2')),
    { type: 'wrong_product', productId: 'SB', expected: 'recurring', got: 'savings' });
  assert.equal(await refused(give('SI-6', 'SB-M1', 'L2')),
    { type: 'not_found', aggregate: 'deposit', id: 'L2' });
  assert.equal(await refused(give('SI-7', 'SB-M2', 'L9', 'loan-instalment')),
    { type: 'not_found', aggregate: 'loan', id: 'L9' });
  assert.equal(await refused(give('SI-8', 'SB-M3', 'RD-M3')),
    { type: 'account_closed', accountId: 'SB-M3', status: 'closed' });
  assert.equal(await refused(give('SI-9', 'RD-M1', 'L2', 'loan-instalment')),
    { type: 'wrong_product', productId: 'RD', expected: 'savings', got: 'recurring' });
  assert.is((await allEvents(store)).length, before);
  ok(await ledger.giveStandingInstruction(give('SI-10', 'SB-M2', 'L2', 'loan-instalment')));
});

test('its facts are the savings account and the target, each at the revision read',
  async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await standingDay(ledger);
  const states = streamStates({ store, decider: aggregateDecider(products), observe: () => {} });
  const fetch = fetchFacts({ store, states, members: memberIndex(), products,
    netProfit: () => Promise.resolve(signedMoneyString(0n)), society: () => undefined,
    firstEntryOn: () => Promise.resolve(null) });
  const c = decodeCommand({ type: 'GiveStandingInstruction',
    data: give('SI-4', 'SB-M2', 'L2', 'loan-instalment') });
  if (E.isLeft(c)) throw new Error(c.left.message);
  const si = InstructionId.decode('SI-4');
  if (E.isLeft(si)) throw new Error('SI-4');
  const r = await fetch(c.right, await states.load(streamNameFor.standing(si.right), 'standing'));
  if (E.isLeft(r) || r.right.type !== 'GiveStandingInstruction') throw new Error('no facts');
  const { facts, readFrom } = r.right;
  assert.equal([facts.from.status, facts.to.kind, facts.to.state.status],
    ['open', 'loan', 'active']);
  // Her savings: opened, deposited into; the loan: applied, approved, disbursed.
  assert.equal(readFrom, [{ stream: 'deposit-SB-M2', revision: 1n },
    { stream: 'loan-L2', revision: 2n }]);
});

test.run();
