// A caller waits for the position of an event stored: any other value is refused, typed,
// where before a number, a string or a position past the log's end left the promise unsettled
// for ever, and null threw a TypeError before any promise.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { QueryRequestError } from '../reports/queryRequest.ts';
import { memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const hostile = (): unknown[] => [
  Number.NaN, 42, 'abc', {}, [], null, { commit: 1, prepare: 1 },
  { commit: -1n, prepare: 0n }, { commit: 10n ** 30n, prepare: 0n },
  new Proxy({}, { get: () => { throw new Error('trap'); } }),
  { get commit() { throw new Error('getter'); } },
];

const reasonOf = (p: () => Promise<unknown>) => {
  let r: Promise<unknown>;
  try {
    r = p();
  } catch (e) {
    return Promise.resolve(`thrown: ${String(e)}`);
  }
  return r.then(() => 'settled', (e: unknown) => e instanceof QueryRequestError ? e.reason : e);
};

test('waitFor, and a query\'s after, refuse what is no position of an event stored; a stored '
  + 'one is waited for', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await memberWithSavings(ledger, 'M1', '1000');
  const deposit = ok(await ledger.makeDeposit({ commandId: 'd1', actor: 'clerk',
    on: '2024-04-02', accountId: 'SB-M1', amount: '5', source: 'cash' }));
  const position = deposit.status === 'accepted' ? deposit.position : undefined;
  for (const p of hostile()) {
    const why = await reasonOf(() => Reflect.apply(ledger.waitFor, ledger, [p]));
    assert.ok(why === 'position: not a log position'
      || why === 'position: after the log\'s last event', `${String(why)}`);
    const query = await reasonOf(() => Reflect.apply(ledger.trialBalance, ledger,
      [{ after: p }]));
    // Refused by the query's own reading of its request, or as a position: typed either way.
    assert.ok(typeof query === 'string' && query !== 'settled' && !query.startsWith('thrown'),
      String(query));
  }
  assert.is(await reasonOf(() => Reflect.apply(ledger.waitFor, ledger, [position])), 'settled');
  assert.is(await reasonOf(() => ledger.trialBalance({ ...position === undefined ? {}
    : { after: position } })), 'settled');
});

test.run();
