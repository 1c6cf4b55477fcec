import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import { memberWithSavings, memoryStore, testLedger } from '../testSupport.ts';
import { PassbookArgumentsError } from './passbookArguments.ts';

// Member M1: Rs 100 of shares and Rs 5,000 saved, her name in the directory.
const society = async () => {
  const directory = inMemoryMemberDirectory();
  const ledger = await testLedger(memoryStore(), { directory });
  await memberWithSavings(ledger, 'M1', '5000');
  await ledger.registerMember('M1', { name: 'Asha Das' });
  return ledger;
};

test('one options object: the account, the date and the name all read', async () => {
  const ledger = await society();
  const p = await ledger.passbook('M1', { accountId: 'SB-M1', withName: true });
  assert.equal(p.holder, { status: 'present', name: 'Asha Das' });
  assert.equal(p.pages.map((pg) => [pg.accountId, pg.balance]), [['SB-M1', 500000n]]);
});

test('the older form (id, account, options) reads the same page as the options object',
  async () => {
    const ledger = await society();
    assert.equal(await ledger.passbook('M1', 'SB-M1', { withName: true }),
      await ledger.passbook('M1', { accountId: 'SB-M1', withName: true }));
  });

test('options after no account id are refused with a typed error, never dropped', async () => {
  const ledger = await society();
  // The form that once printed her passbook without her name.
  const call = ledger.passbook as (...args: unknown[]) => Promise<unknown>;
  try {
    await call('M1', undefined, { withName: true });
    assert.unreachable('the options were dropped');
  } catch (e) {
    assert.instance(e, PassbookArgumentsError);
    assert.is((e as Error).message, 'passbook: options given third, after no account id; '
      + 'ask as passbook(memberId, { accountId, asOf, withName })');
  }
  try {
    await ledger.passbook('M1', 'SB-M1', { accountId: 'SH-M1' });
    assert.unreachable('one of two accounts was dropped');
  } catch (e) {
    assert.instance(e, PassbookArgumentsError);
  }
});

test.run();
