// A year close run through a Ledger opened before the accounts it covers were opened through
// another Ledger over the same store: it reads what was stored since first, so every savings
// account's interest is posted.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const by = (commandId: string, on: string) => ({ commandId, actor: 'clerk', on });
const year = { actor: 'board', societyId: 'USHA', financialYear: '2025-26' };

test('a close through a Ledger opened before the accounts posts interest on each of them',
  async () => {
    const store = memoryStore();
    const stale = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n) });
    const other = await testLedger(store);
    await memberWithSavings(other, 'M1', '20000', '2025-04-01');
    await memberWithSavings(other, 'M2', '10000', '2025-04-01');
    ok(await other.configureSociety({ ...by('cfg', '2025-04-01'), societyId: 'USHA',
      statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
    const closed = await stale.closeFinancialYear({ ...year, commandId: 'fy',
      on: '2026-04-10' });
    assert.is(closed.status, 'completed');
    const posted = (await allEvents(store)).flatMap((e) => e.type === 'InterestPosted'
      ? [[e.data.accountId, e.data.periodTo, e.data.amount]] : []);
    // A year at 4%, compounded quarterly: 20,000 earns 812.08; 10,000 earns 406.04.
    assert.equal(posted, [['SB-M1', '2026-03-31', '812.08'], ['SB-M2', '2026-03-31', '406.04']]);
  });

test.run();
