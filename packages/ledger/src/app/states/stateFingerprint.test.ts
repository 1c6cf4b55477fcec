// The fingerprint of kept states: the code of the two packages that fold them, and the
// products; nothing where that code is not laid out as the packages are.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '../testSupport.ts';
import { codeFingerprint, packageCode, stateFingerprint } from './stateFingerprint.ts';

test('the fingerprint is of the code and the products: other terms, another fingerprint',
  async () => {
    const code = await codeFingerprint();
    assert.match(code, /^[0-9a-f]{64}$/);
    const same = await stateFingerprint(products);
    assert.match(same ?? '', /^[0-9a-f]{64}$/);
    assert.is(await stateFingerprint({ ...products }), same);
    const changed = { ...products, SB: { ...products['SB'], rateAnnualPercent: '5' } };
    assert.is.not(await stateFingerprint(changed), same);
    // Products that are not plain data have no fingerprint: no state is kept for them.
    assert.is(await stateFingerprint({ SB: new Date(0) }), undefined);
  });

test('a folder is read as a package\'s code only below that package\'s manifest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-fingerprint-'));
  try {
    // An app bundled into app/dist/main.js: two levels up is the app, not @usha/ledger.
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'branch-app' }));
    await packageCode(join(dir, 'dist'), '@usha/ledger').then(
      () => assert.unreachable('the app\'s folder read as the ledger\'s code'),
      (e: unknown) => assert.match(String(e), 'is not the code of @usha/ledger'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@usha/ledger' }));
    assert.is(await packageCode(join(dir, 'dist'), '@usha/ledger'), join(dir, 'dist'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
