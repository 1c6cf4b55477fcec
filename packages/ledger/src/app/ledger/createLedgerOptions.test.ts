// createLedger reads each of its options once and refuses, typed, options that are no object,
// a field that cannot be read, and products that are no plain catalogue: before, a raw
// TypeError (undefined options, a proxy) or the runtime's error of a sparse list was thrown.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { createLedger } from './createLedger.ts';
import { InvalidProductsError, LedgerOptionsError } from './ledgerOptions.ts';
import { memoryStore } from '../testSupport.ts';
import { defaultChartOfAccounts } from '@usha/projections';

const refusalOf = (options: unknown) =>
  Reflect.apply(createLedger, undefined, [options]).then(() => 'opened', (e: unknown) => e);

test('options that are no object, or whose fields throw as they are read, are refused with '
  + 'LedgerOptionsError naming the field', async () => {
  const store = memoryStore();
  const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
  const cases: Array<[unknown, string]> = [
    [undefined, ''], [null, ''], [42, ''], [trap, 'store'],
    [{ store, products, get chart(): never { throw new Error('getter'); } }, 'chart'],
  ];
  for (const [options, field] of cases) {
    const e = await refusalOf(options);
    assert.instance(e, LedgerOptionsError, field);
    assert.is(e instanceof LedgerOptionsError && e.field, field);
  }
});

test('products that are no plain catalogue (a proxy, a sparse list, a getter) are refused with '
  + 'InvalidProductsError; the same catalogue as plain data opens', async () => {
  const store = memoryStore();
  const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
  const sparse = { ...products, SB: { ...products.SB, rateSteps: [1, , 2] } };
  const getter = Object.defineProperty({ ...products }, 'SB',
    { enumerable: true, get: () => { throw new Error('getter'); } });
  for (const given of [trap, sparse, getter]) {
    assert.instance(await refusalOf({ store, products: given }), InvalidProductsError);
  }
  assert.is(await refusalOf({ store, products: JSON.parse(JSON.stringify(products)) }),
    'opened');
});

// A value of each wrong kind, and a proxy whose every read throws.
const trapAll = new Proxy({}, {
  get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); },
});
const revoked = Proxy.revocable([], {});
revoked.revoke();
const wrong: ReadonlyArray<unknown> = ['x', 1, NaN, -1, {}, [], null, () => 1, Symbol('s'), 10n,
  trapAll, revoked.proxy];

test('every other option of a wrong kind is refused with LedgerOptionsError naming the field '
  + '(and its part), before anything is opened; none is taken and misread later', async () => {
  const store = memoryStore();
  // Which wrong values each option takes: a function option takes a function, a list of
  // members an empty list, a store of checkpoints an object with load and save, and so on.
  const fits: Record<string, (v: unknown) => boolean> = {
    netProfit: (v) => typeof v === 'function', backoff: (v) => typeof v === 'function',
    passbookMembers: (v) => v !== revoked.proxy && Array.isArray(v),
    checkpointEveryEvents: (v) => v === 1,
  };
  for (const field of ['directory', 'projection', 'checkpoints', 'reportCheckpoints',
    'checkpointEveryEvents', 'netProfit', 'chart', 'passbookMembers', 'backoff', 'resume',
    'requireStaff']) {
    for (const value of wrong) {
      if (fits[field]?.(value) === true) continue;
      const e = await refusalOf({ store, products, [field]: value });
      assert.instance(e, LedgerOptionsError, `${field}: ${String(typeof value)}`);
      assert.ok(e instanceof LedgerOptionsError && e.field.startsWith(field), String(e));
    }
  }
  const refused = async (options: Record<string, unknown>) => {
    const e = await refusalOf({ store, products, ...options });
    return e instanceof LedgerOptionsError ? [e.field, e.reason] : e;
  };
  // A string where a flag is meant is refused: 'true' would not require staff.
  assert.equal(await refused({ requireStaff: 'true' }),
    ['requireStaff', 'not true or false, got string']);
  assert.equal(await refused({ directory: { put: async () => undefined } }),
    ['directory.get', 'not a function']);
  assert.equal(await refused({ checkpoints: { load: async () => undefined, save: 1 } }),
    ['checkpoints.save', 'not a function']);
  assert.equal(await refused({ passbookMembers: ['M1', 'no spaces allowed'] }),
    ['passbookMembers.1', 'not a member id']);
  assert.equal(await refused({ checkpointEveryEvents: 0 }), ['checkpointEveryEvents',
    'not a whole number of events from 1 to 1000000000']);
  assert.equal(await refused({ chart: { ...defaultChartOfAccounts, accounts: [] } }),
    ['chart', 'role cash: no account 1100']);
  const noClass = defaultChartOfAccounts.accounts.map((a, i) =>
    (i === 3 ? { code: a.code, name: a.name, class: 'asset-ish' } : a));
  const e = await refused({ chart: { ...defaultChartOfAccounts, accounts: noClass } });
  assert.ok(Array.isArray(e) && e[0] === 'chart' && String(e[1]).startsWith('accounts.3.class'),
    String(e));
});

test('options of the right kind are read once: the chart and members copied, methods read '
  + 'once and called on the object given', async () => {
  let reads = 0;
  const saved: string[] = [];
  const checkpoints = {
    get save() { reads += 1; return async function (this: unknown, text: string) {
      assert.is(this, checkpoints, 'called on the object given');
      saved.push(text);
    }; },
    load: async () => undefined,
  };
  const members = ['M1'];
  const chart = { ...defaultChartOfAccounts, accounts: [...defaultChartOfAccounts.accounts] };
  const ledger = await createLedger({ store: memoryStore(), products, reportCheckpoints:
    checkpoints, passbookMembers: members, chart, requireStaff: false, resume: true });
  members.push('M2');
  chart.accounts.length = 0;
  await ledger.trialBalance();
  assert.is(reads, 1, 'the save method read once');
  await ledger.close();
});

test.run();
