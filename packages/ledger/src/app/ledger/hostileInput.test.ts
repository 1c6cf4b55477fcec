import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hostileValues } from '@usha/domain/testing';
import type { CommandOutcome } from '../commands/outcome.ts';
import type { ProcessOutcome } from '../processes/processOutcome.ts';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, ok, testLedger,
} from '../testSupport.ts';

const by = (commandId: string, on = '2024-05-01') => ({ commandId, actor: 'clerk', on });

const rejection = (o: CommandOutcome | ProcessOutcome) =>
  o.status === 'rejected' ? o.rejection : undefined;
const invalidPaths = (o: CommandOutcome | ProcessOutcome): string[] => {
  const r = rejection(o);
  return r?.type === 'invalid_command' ? r.fields.map((f) => f.path) : [];
};

const messageOf = (o: CommandOutcome): string => {
  const r = rejection(o);
  return r?.type === 'invalid_command' ? r.message : '';
};

// The caller's own mistakes, as an untyped caller (another app, a script) would make them.
const loose = <A>(a: unknown): A => a as A;

// Every hostile value of the domain's test kit, and the two empties.
const everyBadValue: Readonly<Record<string, () => unknown>> = {
  ...hostileValues, none: (): unknown => undefined, nothing: (): unknown => null,
};

// The name of the error a call threw (the call must throw), never a value it answered with.
const thrownName = async (f: () => Promise<unknown>): Promise<string> => {
  try {
    await f();
  } catch (e) {
    return e instanceof Error ? e.name : `not an Error: ${typeof e}`;
  }
  return 'nothing thrown';
};

test('each hostile value in a field, in data or as the input is invalid_command, unwritten',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '1000');
    const count = (await allEvents(store)).length;
    for (const [name, make] of Object.entries(hostileValues)) {
      const inAmount = await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1',
        amount: loose(make()) });
      assert.is(rejection(inAmount)?.type, 'invalid_command', name);
      assert.ok(invalidPaths(inAmount)[0]?.startsWith('data.amount'), name);
      assert.is(inAmount.commandId, 'w-1', name);
      assert.is(rejection(await ledger.withdraw(loose(make())))?.type, 'invalid_command', name);
      assert.is(rejection(await ledger.execute(make()))?.type, 'invalid_command', name);
      assert.is(rejection(await ledger.execute({ type: 'Withdraw', data: make() }))?.type,
        'invalid_command', name);
    }
    assert.is((await allEvents(store)).length, count);
  });

test('a field every object inherits, or an own __proto__, is an unexpected field', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const count = (await allEvents(store)).length;
  const deposit = { ...by('d-1'), accountId: 'SB-M1', amount: '5', source: 'cash' as const };
  for (const k of ['toString', 'constructor', 'hasOwnProperty']) {
    const o = await ledger.makeDeposit(loose({ ...deposit, [k]: 'Asha Das +91 98300 00000' }));
    assert.equal(invalidPaths(o), [`data.${k}`]);
    assert.not.match(messageOf(o), 'Asha');
  }
  const own = JSON.parse('{"__proto__": {"phone": "+91"}, "commandId": "d-1"}');
  const o = await ledger.makeDeposit({ ...deposit, ...own });
  assert.equal(invalidPaths(o), ['data.__proto__']);
  assert.is((await allEvents(store)).length, count);
});

test('an amount with spaces around it is invalid_command', async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '1000');
  const o = await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: ' 5' });
  assert.equal(invalidPaths(o), ['data.amount']);
  assert.match(messageOf(o), 'no spaces');
});

test('process requests: extra fields and hostile values are invalid_command', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const count = (await allEvents(store)).length;
  const repay = { ...by('p-1'), loanId: 'L1', accountId: 'SB-M1', amount: '5' };
  const named = await ledger.repayFromSavings(loose({ ...repay, name: 'Asha', phone: '+91' }));
  assert.equal(invalidPaths(named), ['name', 'phone']);
  assert.is(named.processId, 'p-1');
  const year = { ...by('p-2', '2025-04-05'), societyId: 'USHA', financialYear: '2024-25' };
  for (const [name, make] of Object.entries(hostileValues)) {
    for (const o of [
      await ledger.repayFromSavings(loose(make())),
      await ledger.repayFromSavings({ ...repay, accountId: loose(make()) }),
      await ledger.creditDividends(loose(make())),
      await ledger.creditDividends({ ...year, financialYear: loose(make()) }),
      await ledger.closeFinancialYear(loose(make())),
      await ledger.closeFinancialYear({ ...year, societyId: loose(make()) }),
    ]) {
      assert.is(rejection(o)?.type, 'invalid_command', name);
      assert.equal(o.steps, [], name);
    }
  }
  assert.is((await allEvents(store)).length, count);
});

test('a deposit at the amount limit works and the account keeps working after it',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '1000');
    const limit = '10000000000.00';
    ok(await ledger.makeDeposit({ ...by('d-1'), accountId: 'SB-M1', amount: limit,
      source: 'cash' }));
    ok(await ledger.makeDeposit({ ...by('d-2'), accountId: 'SB-M1', amount: limit,
      source: 'cash' }));
    ok(await ledger.withdraw({ ...by('w-1'), accountId: 'SB-M1', amount: limit }));
    const interest = ok(await ledger.postInterest({ ...by('i-1', '2024-06-30'),
      accountId: 'SB-M1', periodTo: '2024-06-30' }));
    ok(await ledger.makeDeposit({ ...by('d-3', '2024-07-01'), accountId: 'SB-M1', amount: '1',
      source: 'cash' }));
    const posted = interest.status === 'accepted' && interest.events[0]?.event.type ===
      'InterestPosted' ? BigInt(interest.events[0].event.data.amount.replace('.', '')) : -1n;
    assert.ok(posted > 0n);
    assert.is(await balanceOf(ledger, store, 'SB-M1'),
      100_000n + 1_000_000_000_000n + posted + 100n);
  });

test('one paisa over the limit is amount_too_large naming the field; nothing is written',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store);
    await memberWithSavings(ledger, 'M1', '1000');
    const count = (await allEvents(store)).length;
    const o = await ledger.makeDeposit({ ...by('d-1'), accountId: 'SB-M1',
      amount: '10000000000.01', source: 'cash' });
    assert.equal(o, { status: 'rejected', duplicate: false, commandId: 'd-1', rejection: {
      type: 'amount_too_large', field: 'data.amount', limit: '10000000000.00',
      requested: '10000000000.01' } });
    const huge = await ledger.makeDeposit({ ...by('d-2'), accountId: 'SB-M1',
      amount: '1000000000000000', source: 'cash' });
    assert.is(rejection(huge)?.type, 'amount_too_large');
    const repay = await ledger.repayFromSavings({ ...by('p-1'), loanId: 'L1',
      accountId: 'SB-M1', amount: '10000000000.01' });
    assert.is(rejection(repay)?.type, 'amount_too_large');
    assert.is((await allEvents(store)).length, count);
    ok(await ledger.makeDeposit({ ...by('d-3'), accountId: 'SB-M1', amount: '1',
      source: 'cash' }));
  });

test('nominate: each hostile value as the request or her details is invalid_command, unwritten',
  async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
    await memberWithSavings(ledger, 'M1', '1000');
    const count = (await allEvents(store)).length;
    const nominate = { ...by('n-1'), account: 'deposit' as const, accountId: 'SB-M1',
      memberId: 'M1' };
    for (const [name, make] of Object.entries(everyBadValue)) {
      assert.is(rejection(await ledger.nominate(loose(make())))?.type, 'invalid_command', name);
      assert.is(rejection(await ledger.nominate({ ...nominate, nominee: loose(make()) }))?.type,
        'invalid_command', name);
    }
    assert.is((await allEvents(store)).length, count);
  });

test('a TDS statement, a Form 15G/15H declaration and passbook options: each hostile value '
  + 'is a typed error, and the getter\'s words are never repeated', async () => {
    const store = memoryStore();
    const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
    await memberWithSavings(ledger, 'M1', '1000');
    const count = (await allEvents(store)).length;
    for (const [name, make] of Object.entries(everyBadValue)) {
      assert.is(await thrownName(() => ledger.tdsStatement(loose(make()))),
        'TdsStatementRequestError', `statement ${name}`);
      assert.is(await thrownName(() => ledger.tdsStatement(
        loose({ memberId: 'M1', financialYear: make() }))), 'TdsStatementRequestError', name);
      assert.is(await thrownName(() => ledger.recordTdsExemption(loose(make()),
        { financialYear: '2024-25', form: '15G' })), 'InvalidTdsExemptionError', `id ${name}`);
      assert.is(await thrownName(() => ledger.recordTdsExemption('M1', loose(make()))),
        'InvalidTdsExemptionError', `declaration ${name}`);
      // A string second is an account id (the older form), and undefined no options at all.
      if (name !== 'none' && typeof make() !== 'string') {
        assert.is(await thrownName(() => ledger.passbook('M1', loose(make()))),
          'PassbookArgumentsError', `options ${name}`);
      }
      if (name !== 'none') {
        assert.is(await thrownName(() => ledger.passbook('M1', 'SB-M1', loose(make()))),
          'PassbookArgumentsError', `options third ${name}`);
      }
    }
    const secret = 'Asha Das +91 98300 00000';
    const getter = Object.defineProperty({}, 'asOf', { enumerable: true,
      get: () => { throw new Error(secret); } });
    const message = await ledger.passbook('M1', loose(getter)).then(() => '',
      (e: unknown) => (e instanceof Error ? e.message : ''));
    assert.ok(message.startsWith('passbook: options'), message);
    assert.not.ok(message.includes('Asha'), 'what the getter threw is not repeated');
    assert.is((await allEvents(store)).length, count, 'nothing written');
  });

test.run();
