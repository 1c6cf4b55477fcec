import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';
import { QueryRequestError } from './queryRequest.ts';

// Member M1 of branch SONAGACHI: Rs 100 of shares and Rs 5,000 saved on 1 April 2024.
const society = async () => {
  const ledger = await testLedger(memoryStore());
  await memberWithSavings(ledger, 'M1', '5000');
  return ledger;
};

// What a query was refused with: its name and message, or 'answered'.
const outcome = async (ask: () => unknown): Promise<string> => {
  const p = ask();
  assert.instance(p, Promise, 'a rejected promise, never a synchronous throw');
  return Promise.resolve(p).then(() => 'answered', (e: unknown) => (e instanceof Error
    ? `${e.name} ${e.message}` : `not an Error: ${String(e)}`));
};

// The queries' types say what a caller should send; these are what one might send anyway.
const loose = <T>(v: unknown): T => v as T;

test('options that are no object of fields are refused with a QueryRequestError naming the ' +
  'query', async () => {
  const ledger = await society();
  assert.is(await outcome(() => ledger.trialBalance(loose(null))),
    'QueryRequestError trialBalance: the request must be an object of fields');
  assert.is(await outcome(() => ledger.balances('M1', loose(new Date(0)))),
    'QueryRequestError balances: the request must be an object of fields');
  assert.is(await outcome(() => ledger.incomeStatement(loose(undefined))),
    'QueryRequestError incomeStatement: the request must be an object of fields');
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  assert.is(await outcome(() => ledger.npaSchedule(loose(revoked.proxy))),
    'QueryRequestError npaSchedule: the request could not be read');
});

test('a field of the wrong kind or missing is refused naming the query and the field',
  async () => {
    const ledger = await society();
    assert.is(await outcome(() => ledger.balanceSheet({ asOf: '2024-02-30' })),
      'QueryRequestError balanceSheet: asOf: not a business date (YYYY-MM-DD)');
    assert.is(await outcome(() => ledger.par(loose({ branchId: 7 }))),
      'QueryRequestError par: branchId: not a branch id');
    assert.is(await outcome(() => ledger.yearClose(loose({}))),
      'QueryRequestError yearClose: financialYear: required');
    assert.is(await outcome(() => ledger.shareCapitalRegister({ financialYear: '2024-26' })),
      'QueryRequestError shareCapitalRegister: financialYear: not a financial year such as '
      + '2024-25');
    assert.is(await outcome(() => ledger.accruedInterest({ npaDaysPastDue: 1.5 })),
      'QueryRequestError accruedInterest: npaDaysPastDue: not a whole number of days');
    assert.is(await outcome(() => ledger.portfolio(loose({ asKnownAt: { commit: 1 } }))),
      'QueryRequestError portfolio: asKnownAt: not a log position');
    assert.is(await outcome(() => ledger.balances(loose(null))),
      'QueryRequestError balances: memberId: not a string');
    assert.is(await outcome(() => ledger.receiptsAndPayments(
      loose({ financialYear: '2024-25', from: '2024-04-01', to: '2024-04-30' }))),
    'QueryRequestError receiptsAndPayments: financialYear: given with from and to');
  });

test("a getter that throws is refused and what it threw is never repeated", async () => {
  const ledger = await society();
  const secret = 'Asha Das +91 98300 00000';
  const getter = Object.defineProperty({}, 'asOf', { enumerable: true,
    get: () => { throw new Error(secret); } });
  const refused = await outcome(() => ledger.unclaimedDividends(loose(getter)));
  assert.is(refused, 'QueryRequestError unclaimedDividends: the request could not be read');
  assert.not.ok(refused.includes('Asha'));
});

test('a field set to undefined is a field left out, and a field no query reads is refused',
  async () => {
    const ledger = await society();
    const asked = await ledger.balances('M1', loose({ asOf: undefined }));
    assert.equal(asked, await ledger.balances('M1'));
    assert.is(asked?.shareCapital, 10000n);
    // A misspelt option would otherwise answer for today as if no date had been asked for.
    const misspelt = await ledger.balances('M1', loose({ asof: '2024-04-01' }))
      .catch((x: unknown) => x);
    assert.instance(misspelt, QueryRequestError);
    assert.is((misspelt as QueryRequestError).message,
      'balances: asof: not an option of this query (it reads asOf, after, asKnownAt)');
    const sheet = await ledger.collectionSheet(loose({ on: '2024-04-01', branchId: 'B1',
      officer: 'S1' })).catch((x: unknown) => x);
    assert.instance(sheet, QueryRequestError);
    assert.match((sheet as QueryRequestError).reason, /^officer: not an option/);
    assert.instance(await ledger.reportState(loose({ after: undefined })), Object);
    // A refusal is typed, so a caller can tell it from a failure of the store.
    const e = await ledger.trialBalance(loose(1)).catch((x: unknown) => x);
    assert.instance(e, QueryRequestError);
    assert.is((e as QueryRequestError).method, 'trialBalance');
  });

test.run();
