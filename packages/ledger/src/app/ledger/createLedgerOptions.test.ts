// createLedger reads each of its options once and refuses, typed, options that are no object,
// a field that cannot be read, and products that are no plain catalogue: before, a raw
// TypeError (undefined options, a proxy) or the runtime's error of a sparse list was thrown.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { createLedger } from './createLedger.ts';
import { InvalidProductsError, LedgerOptionsError } from './ledgerOptions.ts';
import { memoryStore } from '../testSupport.ts';

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

test.run();
