import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assetClassOf, defaultProvisioningNorms as norms, provisionOf } from './provisioning.ts';

test('the default classes change after 90, 365 and 1095 days past due', () => {
  assert.equal([0, 90, 91, 365, 366, 1095, 1096].map((d) => assetClassOf(d, norms)),
    ['standard', 'standard', 'subStandard', 'subStandard', 'doubtful', 'doubtful', 'loss']);
});

test('a provision is its percent of the principal, rounded up to the paisa', () => {
  // 10% of 10,049.42 is 1,004.942; 0.4% of 0.01 is 0.00004; nothing on nothing.
  assert.equal([provisionOf(1004942n, '10'), provisionOf(1n, '0.4'), provisionOf(0n, '100'),
    provisionOf(1200000n, '0.4'), provisionOf(333n, '25')], [100495n, 1n, 0n, 4800n, 84n]);
});

test.run();
